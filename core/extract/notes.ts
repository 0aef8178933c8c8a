/** Notes (warnings and assumptions) in French and English, each with a stable code. */
import type { FieldName, Note } from '../types';

export function note(code: string, fr: string, en: string): Note {
  return { code, text: { fr, en } };
}

/** Each label with the agreement French needs: « la date … n’a pas été trouvée », « le domaine … trouvé ». */
const FIELD_LABELS: Record<FieldName, { fr: string; feminine: boolean; en: string }> = {
  occurredAt: { fr: 'la date de l’incident', feminine: true, en: 'the date of the incident' },
  sendingIps: { fr: 'l’adresse IP d’envoi', feminine: true, en: 'the sending IP address' },
  sendingHosts: { fr: 'le nom du serveur d’envoi', feminine: false, en: 'the sending host name' },
  sendingDomain: { fr: 'le domaine d’envoi', feminine: false, en: 'the sending domain' },
  recipientDomain: { fr: 'le domaine du destinataire', feminine: false, en: 'the recipient domain' },
  remoteHost: { fr: 'le serveur qui a refusé', feminine: false, en: 'the rejecting host' },
  remoteIp: {
    fr: 'l’adresse IP du serveur qui a refusé',
    feminine: true,
    en: 'the rejecting host’s IP address',
  },
  reply: { fr: 'la réponse SMTP', feminine: true, en: 'the SMTP reply' },
  orange: { fr: 'le code Orange', feminine: false, en: 'the Orange code' },
};

/** An ISO date as people read it: `2024-11-12 14:02:41 (UTC+01:00)`. */
function readableStamp(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${m[1]} ${m[2]} (UTC${m[3] === 'Z' ? '+00:00' : m[3]})`;
}

/** `text` with its first letter in capitals (« la date » → « La date »). */
function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The five items Orange's form asks for (as validate/verdict.ts's REQUIRED_FIELDS): one missing is to be
 * filled in; the others (the refusing host, its address, the recipient's domain) only help the user.
 */
const ASKED_BY_ORANGE: ReadonlySet<FieldName> = new Set([
  'occurredAt',
  'sendingIps',
  'sendingHosts',
  'sendingDomain',
  'reply',
]);

export function missingField(field: FieldName, incidentNumber: number): Note {
  const label = FIELD_LABELS[field];
  const found = label.feminine ? 'trouvée' : 'trouvé';
  const asked = ASKED_BY_ORANGE.has(field);
  return note(
    `missing.${field}`,
    asked
      ? `Incident ${incidentNumber}\u00a0: ${label.fr} n’a pas été ${found} dans le texte\u00a0; à compléter.`
      : `Incident ${incidentNumber}\u00a0: ${label.fr} n’a pas été ${found} dans le texte (champ facultatif, absent du ticket).`,
    asked
      ? `Incident ${incidentNumber}: ${label.en} was not found in the text; please fill it in.`
      : `Incident ${incidentNumber}: ${label.en} was not found in the text (optional: the ticket leaves it out).`,
  );
}

/**
 * The warnings without the missing-field notes (missingField) a later pass answered: `filled` maps an
 * incident's number (1-based, as the notes write it) to the fields it filled in.
 */
export function withoutAnsweredMissing(
  warnings: readonly Note[],
  filled: ReadonlyMap<number, readonly FieldName[]>,
): Note[] {
  const answered = (w: Note) => {
    if (!w.code.startsWith('missing.')) return false;
    const fields = filled.get(Number(/^Incident (\d+):/.exec(w.text.en)?.[1]));
    return fields?.some((name) => w.code === `missing.${name}`) === true;
  };
  return warnings.filter((w) => !answered(w));
}

/**
 * A missing-field warning ("Incident N: ...") of incidents read apart (an mbox's messages, a reply
 * below an event) with N shifted by the incidents listed before them; other notes as they are.
 */
export function renumbered(warning: Note, offset: number): Note {
  const shift = (t: string) =>
    t.replace(/^Incident (\d+)/, (_m, n: string) => `Incident ${Number(n) + offset}`);
  return { code: warning.code, text: { fr: shift(warning.text.fr), en: shift(warning.text.en) } };
}

/**
 * The notes of incidents read apart of which only those `kept[N - 1]` stay (replies below an event, less
 * those repeating it), listed after `offset` others: each kept one's "Incident N" warnings renumbered, the
 * dropped ones' left out, other notes as they are.
 */
export function keptNotes(warnings: readonly Note[], kept: readonly boolean[], offset: number): Note[] {
  const numberOf: number[] = [];
  let count = offset;
  for (const k of kept) numberOf.push(k ? ++count : 0);
  const out: Note[] = [];
  for (const w of warnings) {
    const n = Number(/^Incident (\d+)/.exec(w.text.en)?.[1] ?? 0);
    if (n === 0) out.push(w);
    else if ((numberOf[n - 1] ?? 0) > 0) out.push(renumbered(w, (numberOf[n - 1] as number) - n));
  }
  return out;
}

export const NOTES = {
  empty: () => note('input.empty', 'Le texte est vide.', 'The text is empty.'),
  missingReplyCode: (incidentNumber: number) =>
    note(
      'missing.replyCode',
      `Incident ${incidentNumber} : la réponse SMTP a été trouvée sans son code à trois chiffres (550, 421…) ; à compléter.`,
      `Incident ${incidentNumber}: the SMTP reply was found without its three-digit code (550, 421…); please fill it in.`,
    ),
  binary: () =>
    note(
      'input.binary',
      'Ce fichier ressemble à un fichier binaire (image, archive…), pas à un texte de rebond : rien n’a été lu.',
      'This looks like a binary file (image, archive…), not a bounce text: nothing was read.',
    ),
  truncated: (limitMb: number) =>
    note(
      'input.truncated',
      `Le texte dépasse ${limitMb} Mo : seuls les ${limitMb} premiers Mo ont été lus.`,
      `The text is larger than ${limitMb} MB: only the first ${limitMb} MB were read.`,
    ),
  latin1: () =>
    note(
      'input.latin1',
      'Le texte n’était pas en UTF-8 : il a été lu comme Windows-1252 (Latin-1), à l’exception des parties qui déclarent un autre jeu de caractères, décodées selon celui-ci.',
      'The text was not UTF-8: it was read as Windows-1252 (Latin-1), except the parts that declare another character set, decoded with it.',
    ),
  declaredCharset: (charset: string) =>
    note(
      'input.declared-charset',
      `Le texte n’était pas en UTF-8 : il a été lu dans le jeu de caractères qu’il déclare (${charset}).`,
      `The text was not UTF-8: it was read in the character set it declares (${charset}).`,
    ),
  accentsRepaired: () =>
    note(
      'input.accents-repaired',
      'Des caractères accentués étaient mal décodés (de l’UTF-8 lu comme du Windows-1252 : « RÃ©ponse » pour « Réponse ») : les lignes concernées ont été relues en UTF-8. Vérifiez-les.',
      'Some accented characters were garbled (UTF-8 read as Windows-1252: "RÃ©ponse" for "Réponse"): those lines were re-read as UTF-8. Check them.',
    ),
  quotedPrintableDecoded: () =>
    note(
      'input.quoted-printable-decoded',
      'Le texte était encodé en quoted-printable sans ses en-têtes (des « = » en fin de ligne, « =E9 » pour « é ») : il a été décodé avant d’être lu.',
      'The text was quoted-printable without its headers ("=" at line ends, "=E9" for "é"): it was decoded before being read.',
    ),
  nothingFound: () =>
    note(
      'input.no-incident',
      'Aucune réponse SMTP ni aucun rebond n’a été reconnu dans ce texte.',
      'No SMTP reply or bounce was recognised in this text.',
    ),
  outlookMsgAttachment: (name: string) =>
    note(
      'input.outlook-msg',
      `Ce message joint un fichier .msg d’Outlook («\u00a0${name}\u00a0»), mais aucun rebond n’a pu y être lu (fichier endommagé ou tronqué\u00a0?), ni dans le reste du message. Si c’est le rebond, ouvrez-le dans Outlook et collez ici son texte, avec si possible ses en-têtes (Fichier > Propriétés > En-têtes Internet), ou demandez au client de transférer le rebond lui-même plutôt qu’un fichier enregistré.`,
      `This message attaches an Outlook .msg file ("${name}"), but no bounce could be read from it (a damaged or cut file?) nor from the rest of the message. If it is the bounce, open it in Outlook and paste its text here, with its headers if possible (File > Properties > Internet headers), or ask the customer to forward the bounce itself rather than a saved file.`,
    ),
  mimeError: (detail: string) =>
    note(
      'input.mime-error',
      `Le message n’a pas pu être décodé entièrement (${detail}) ; lecture du texte brut.`,
      `The message could not be fully decoded (${detail}); the raw text was read instead.`,
    ),
  decodedPart: (field: FieldName, line: number) =>
    note(
      `source.decoded.${field}`,
      `${capitalized(FIELD_LABELS[field].fr)} provient d’une partie encodée (base64 ou quoted-printable) ; la ligne ${line} indiquée est le début de cette partie.`,
      `${capitalized(FIELD_LABELS[field].en)} comes from an encoded part (base64 or quoted-printable); line ${line} is where that part starts.`,
    ),
  decodedAttachment: (line: number) =>
    note(
      'source.decoded-attachment',
      `Le rebond a été lu dans le message joint à partir de la ligne ${line}, encodé par le logiciel de messagerie (base64 ou quoted-printable) et décodé avant lecture, comme s’il avait été collé seul\u00a0: ses valeurs n’apparaissent pas en clair dans le texte, la ligne ${line} indiquée est le début de cette pièce jointe.`,
      `The bounce was read from the message attached at line ${line}, which the mail client had encoded (base64 or quoted-printable) and which was decoded before being read, as if pasted alone: its values are not in the text as written; line ${line} is where that attachment starts.`,
    ),
  privateLinkIp: (ip: string) =>
    note(
      'ip.private-in-link',
      `L’adresse ${ip} du lien de la réponse est privée : ce n’est pas l’adresse d’envoi (texte probablement anonymisé).`,
      `The address ${ip} in the reply's link is private: it is not the sending IP (the text was probably redacted).`,
    ),
  orangeNetworkIp: (ip: string) =>
    note(
      'ip.orange-network',
      `L’adresse ${ip} lue comme adresse d’envoi appartient au réseau d’Orange\u00a0: c’est un serveur d’Orange, pas l’adresse d’envoi dont le service abuse d’Orange a besoin\u00a0; elle n’a pas été reprise. Indiquez l’adresse IP publique de votre serveur d’envoi.`,
      `The address ${ip} read as a sending IP belongs to Orange's network: it is one of Orange's servers, not the sending address Orange's abuse desk needs; it was not kept. Give your sending server's public IP address.`,
    ),
  severalReportedRecipients: (domains: readonly string[]) =>
    note(
      'recipient.several-reported',
      `Le rapport de plainte nomme des destinataires de plusieurs domaines (${domains.join(', ')}) sans dire lequel s’est plaint\u00a0: le domaine du destinataire est laissé vide\u00a0; indiquez-le si vous le savez.`,
      `The complaint report names recipients under several domains (${domains.join(', ')}) without saying which one complained: the recipient domain is left empty; fill it in if you know it.`,
    ),
  ipFromBounceRoute: (ip: string) =>
    note(
      'ip.from-bounce-route',
      `L’adresse d’envoi ${ip} est celle d’où le rebond lui-même est reparti (vue par le serveur suivant) : c’est en général l’adresse du serveur qui a tenté la remise, mais vérifiez-la dans ses journaux s’il envoie par plusieurs adresses.`,
      `The sending IP ${ip} is the address the bounce itself left from (as the next server saw it): usually the address of the server that attempted the delivery, but check it in that server's logs if it sends from several addresses.`,
    ),
  noZone: (zone: string) =>
    note(
      'date.no-zone',
      `La date ne précise pas de fuseau horaire : ${zone} a été supposé.`,
      `The date carries no time zone: ${zone} was assumed.`,
    ),
  zoneOfRequest: (offset: string) =>
    note(
      'date.zone-of-request',
      `L’horodatage du journal ne précise pas de fuseau horaire\u00a0: celui (${offset}) de la ligne «\u00a0Started\u00a0» de la même requête a été retenu.`,
      `The log's time stamp carries no time zone: the zone (${offset}) of the same request's "Started" line was taken.`,
    ),
  zoneOfOwnHop: (offset: string) =>
    note(
      'date.zone-of-own-hop',
      `La date de l’avis ne précise pas de fuseau horaire\u00a0: celui (${offset}) de sa ligne Received horodatée au même moment a été supposé.`,
      `The notice's Date carries no time zone: the zone (${offset}) of its Received line stamped at the same time was assumed.`,
    ),
  dateOfWriting: () =>
    note(
      'date.message-written',
      'La date est celle à laquelle le message a été écrit, que l’avis de retard cite\u00a0: les refus sont venus plus tard, pendant que le serveur réessayait. Corrigez-la d’après le journal du serveur si vous l’avez.',
      "The date is when the message was written, as the delay warning quotes it: the refusals came later, while the server kept retrying. Correct it from the server's log if you have it.",
    ),
  dateOfQuotedNotice: (zoneOfMessage: boolean) =>
    note(
      'date.quoted-notice',
      zoneOfMessage
        ? 'La date est celle de la ligne qui introduit l’avis cité («\u00a0Le … a écrit\u00a0»), à la minute près, dans le fuseau du message qui le cite\u00a0: le refus est venu peu avant.'
        : 'La date est celle de la ligne qui introduit l’avis cité («\u00a0Le … a écrit\u00a0»), à la minute près\u00a0: le refus est venu peu avant.',
      zoneOfMessage
        ? 'The date is that of the line introducing the quoted notice ("On … wrote:"), to the minute, in the zone of the message quoting it: the refusal came shortly before.'
        : 'The date is that of the line introducing the quoted notice ("On … wrote:"), to the minute: the refusal came shortly before.',
    ),
  /**
   * The date read from the header lines of a notice forwarded inline; `zone` says where its zone came
   * from: the lines themselves, the forwarding message's Date, none (assumed, see date.no-zone), or none
   * since that Date is Microsoft 365's UTC.
   */
  dateOfForwardedNotice: (zone: 'own' | 'message' | 'utc-message' | 'none') =>
    note(
      'date.forwarded-notice',
      `La date est celle de l’avis transféré, d’après les lignes d’en-tête que le logiciel de messagerie a écrites au-dessus («\u00a0Date\u00a0:\u00a0», «\u00a0Envoyé\u00a0:\u00a0»), à la précision qu’elles donnent (souvent la minute), et non celle du message qui le transfère${
        zone === 'message'
          ? ', dans le fuseau de ce message'
          : zone === 'utc-message'
            ? '\u00a0; ce message est daté en UTC, comme Microsoft 365 date tous les messages, ce qui ne dit rien du fuseau de son auteur'
            : ''
      }.`,
      `The date is that of the forwarded notice, from the header lines the mail client wrote above it ("Date:", "Sent:"), as precise as they are (often to the minute), not that of the message forwarding it${
        zone === 'message'
          ? ', in the zone of that message'
          : zone === 'utc-message'
            ? "; that message is dated in UTC, as Microsoft 365 dates every message, which says nothing of its writer's zone"
            : ''
      }.`,
    ),
  /** A notice forwarded inline whose forward lines give no date that reads: the forward's own Date is not used. */
  forwardedNoticeUndated: () =>
    note(
      'date.forwarded-notice-undated',
      'Aucune date lisible dans les lignes d’en-tête de l’avis transféré\u00a0; la date du message qui le transfère n’a pas été reprise, car elle dit seulement quand l’avis a été transmis, souvent un jour ou plus après le refus. Reprenez la date de l’avis lui-même ou celle du journal du serveur d’envoi.',
      "No readable date in the header lines of the forwarded notice; the date of the message forwarding it was not used, since it only says when the notice was passed on, often a day or more after the refusal. Take the date from the notice itself or from the sending server's log.",
    ),
  /** A person's forward (`TR:`, `Fwd:`) of a notice that gives no date: the forward's own Date is not used. */
  forwardOwnDateUnused: () =>
    note(
      'date.forward-own-date-unused',
      'Ce message transfère l’avis (son objet commence par «\u00a0TR\u00a0:\u00a0» ou «\u00a0Fwd\u00a0:\u00a0») et l’avis ne donne pas de date\u00a0; la date du message, celle du transfert, n’a pas été reprise, car le refus est venu avant, parfois des jours plus tôt. Reprenez la date de l’avis lui-même ou celle du journal du serveur d’envoi.',
      'This message forwards the notice (its subject starts with "TR:" or "Fwd:") and the notice gives no date; the message\'s date, when it was forwarded, was not used, since the refusal came earlier, sometimes days before. Take the date from the notice itself or from the sending server\'s log.',
    ),
  dateOfQuotingMessage: () =>
    note(
      'date.quoting-message',
      'La date est celle du message qui cite le refus, quand son auteur l’a écrit : le refus est venu avant. Corrigez-la d’après l’avis lui-même ou le journal du serveur d’envoi si vous l’avez.',
      "The date is that of the message quoting the refusal, when its author wrote it: the refusal came before. Correct it from the notice itself or the sending server's log if you have it.",
    ),
  dateOfReturnedMessage: () =>
    note(
      'date.returned-message',
      'La date est celle du message renvoyé, quand il a été écrit\u00a0: l’avis n’en donne pas d’autre, et le refus est venu à ce moment ou un peu plus tard. Corrigez-la d’après le journal du serveur d’envoi si vous l’avez.',
      "The date is the returned message's, when it was written: the notice gives no other, and the refusal came then or a little later. Correct it from the sending server's log if you have it.",
    ),
  queuedUntilBounce: (bounceIso: string) =>
    note(
      'date.queued-until-bounce',
      `La date indiquée est celle de l’arrivée du message dans la file d’attente\u00a0; il y est resté jusqu’à l’avis du serveur (${readableStamp(bounceIso)})\u00a0: la réponse citée est celle de la dernière tentative, juste avant cet avis. Pour une suspension (999), vérifiez l’heure exacte du refus dans le journal du serveur.`,
      `The date is when the message entered the queue; it stayed there until the server's notice (${readableStamp(bounceIso)}): the reply quoted is the last attempt's, right before that notice. For a suspension (999), check the exact time of the refusal in the server's log.`,
    ),
  dateFromMicrosoftReply: (server: string) =>
    note(
      'date.from-microsoft-reply',
      `La date est celle que le serveur de Microsoft ${server} a écrite dans sa réponse (en UTC) : l’heure exacte du refus.`,
      `The date is the one Microsoft's server ${server} wrote in its reply (in UTC): the exact time of the refusal.`,
    ),
  dateFromNetEaseReply: () =>
    note(
      'date.from-netease-reply',
      'La date est l’heure Unix que le serveur de NetEase (163.com, 126.com) a écrite dans sa réponse, convertie en UTC : l’heure exacte du refus.',
      "The date is the Unix time NetEase's server (163.com, 126.com) wrote in its reply, converted to UTC: the exact time of the refusal.",
    ),
  dateFromGreeting: () =>
    note(
      'date.from-greeting',
      'La date est celle que le serveur distant a écrite dans son message d’accueil (220), au début de la session : le refus est venu quelques instants plus tard.',
      'The date is the one the remote server wrote in its greeting (220), at the start of the session: the refusal came moments later.',
    ),
  dateOfLastRetry: () =>
    note(
      'date.last-retry',
      'La date est celle de la dernière tentative que montre la file d’attente d’Exchange (LastRetryTime), à l’heure du serveur\u00a0: le refus cité est celui de cette tentative.',
      "The date is the last attempt Exchange's queue shows (LastRetryTime), in the server's time: the refusal quoted is that attempt's.",
    ),
  ambiguousLastRetry: (written: string) =>
    note(
      'date.ambiguous',
      `La date de la dernière tentative que montre la file d’attente d’Exchange, «\u00a0${written}\u00a0», se lit jour/mois comme mois/jour\u00a0: elle n’a pas été reprise. Complétez la date à la main.`,
      `The last attempt's date Exchange's queue shows, "${written}", reads day/month as well as month/day: it was not used. Please fill in the date.`,
    ),
  ambiguousRowDate: (written: string) =>
    note(
      'date.ambiguous',
      `La date de la ligne du tableau, «\u00a0${written}\u00a0», n’est écrite qu’en chiffres, sans que rien ne dise dans quel ordre (mois/jour ou jour/mois)\u00a0: elle n’a pas été reprise. Complétez la date à la main.`,
      `The table row's date, "${written}", is written in numbers only, with nothing to say in which order (month/day or day/month): it was not used. Please fill in the date.`,
    ),
  ambiguousForwardDate: (written: string, forwarded: boolean) =>
    note(
      'date.ambiguous',
      `La date des lignes d’en-tête de l’avis${forwarded ? ' transféré' : ''}, «\u00a0${written}\u00a0», n’est écrite qu’en chiffres, et la langue de ses intitulés ne dit pas dans quel ordre (mois/jour aux États-Unis, jour/mois au Royaume-Uni). Elle n’a pas été reprise${forwarded ? ', ni celle du message qui transfère l’avis, qui dit seulement quand il a été transmis' : ''}. Complétez la date à la main.`,
      `The date in the ${forwarded ? 'forwarded ' : ''}notice's header lines, "${written}", is written in numbers only, and the language of its labels does not say in which order (month/day in the United States, day/month in the United Kingdom). It was not used${forwarded ? ', nor was the date of the message forwarding the notice, which only says when it was passed on' : ''}. Please fill in the date.`,
    ),
  codeFromDotnet: (code: number, words: string) =>
    note(
      'reply.code-from-client-words',
      `Le code ${code} est déduit des mots de .NET « ${words} », qui remplacent le code de la réponse du serveur.`,
      `The code ${code} was read from .NET's words "${words}", which stand in for the server reply's code.`,
    ),
  noServerReply: (words: string) =>
    note(
      'input.no-server-reply',
      `Aucune réponse SMTP d’un serveur distant : le serveur d’envoi n’a pas pu établir la connexion, ou la session s’est interrompue avant son terme (« ${words} »). Il ne s’agit pas d’un refus : il n’y a pas de réponse SMTP à transmettre au service abuse d’Orange. Vérifiez le réseau et le DNS, ou attendez la prochaine tentative.`,
      `No SMTP reply from a remote server: the sending server could not connect, or the session broke off before it completed ("${words}"). This is not a refusal: there is no SMTP reply to give Orange's abuse desk. Check the network and DNS, or wait for the next attempt.`,
    ),
  localServiceReply: (ip: string) =>
    note(
      'input.local-service-reply',
      `Une réponse d’erreur vient d’un service de la machine d’envoi elle-même (${ip}, un filtre de contenu ou une remise locale), et non d’un serveur distant\u00a0: ce n’est pas un refus à signaler à Orange.`,
      `An error reply comes from a service of the sending machine itself (${ip}, a content filter or local delivery), not from a remote server: it is no refusal to report to Orange.`,
    ),
  delayNotice: () =>
    note(
      'input.delay-notice',
      'Ce rapport est un avis de retard, pas un échec définitif : le serveur d’envoi n’a pas encore remis le message et continue d’essayer. Le refus qu’il rapporte est temporaire ; attendez de voir si le message finit par passer avant d’écrire au service abuse.',
      'This report is a delay notice, not a final failure: the sending server has not delivered the message yet and keeps trying. The refusal it reports is temporary; wait to see whether the message gets through before writing to the abuse desk.',
    ),
  logError: (detail: string) =>
    note(
      'input.log-error',
      `La lecture de ce journal a échoué (${detail.slice(0, 120)}) ; merci de signaler ce texte.`,
      `Reading this log failed (${detail.slice(0, 120)}); please report this text.`,
    ),
  abuseReport: () =>
    note(
      'input.abuse-report',
      'Ce message est un rapport de plainte (ARF, champ Feedback-Type), pas un refus : il ne contient aucune réponse SMTP à transmettre au service abuse d’Orange. L’adresse IP et le domaine signalés sont repris pour aider à trouver la cause.',
      'This message is a complaint report (ARF, Feedback-Type field), not a refusal: it holds no SMTP reply for Orange’s abuse desk. The reported IP address and domain are given to help find the cause.',
    ),
  hotmailComplaint: () =>
    note(
      'input.hotmail-complaint',
      'Ce message est une plainte transmise par Microsoft (Hotmail / Outlook.com, programme JMRP\u00a0: un destinataire a classé votre message comme indésirable), pas un refus\u00a0: le message avait été remis, et il n’y a pas de réponse SMTP à transmettre au service abuse d’Orange. Le message signalé est joint\u00a0; voyez pourquoi ce destinataire l’a reçu.',
      'This message is a complaint forwarded by Microsoft (Hotmail / Outlook.com, JMRP: a recipient marked your message as junk), not a refusal: the message had been delivered, and there is no SMTP reply for Orange’s abuse desk. The reported message is attached; look at why this recipient got it.',
    ),
  autoReply: () =>
    note(
      'input.auto-reply',
      'Ce message est une réponse automatique du destinataire (absence, congés, accusé de réception d’un répondeur\u00a0; champ Auto-Submitted ou X-Autoreply), pas un refus\u00a0: votre message a été remis. Il n’y a pas de réponse SMTP, et rien à signaler au service abuse d’Orange.',
      'This message is an automatic reply from the recipient (out of office, vacation, an autoresponder’s acknowledgement; Auto-Submitted or X-Autoreply field), not a refusal: your message was delivered. There is no SMTP reply, and nothing to report to Orange’s abuse desk.',
    ),
  postmasterCopies: (n: number) =>
    note(
      'input.postmaster-copy',
      n === 1
        ? 'Une copie pour le postmaster («\u00a0Postmaster Copy\u00a0») d’un avis de non-remise déjà présent dans ce fichier (même identifiant de file d’attente Postfix) n’a pas été comptée une seconde fois.'
        : `${n} copies pour le postmaster («\u00a0Postmaster Copy\u00a0») d’avis de non-remise déjà présents dans ce fichier (mêmes identifiants de file d’attente Postfix) n’ont pas été comptées une seconde fois.`,
      n === 1
        ? 'A copy for the postmaster ("Postmaster Copy") of a bounce already in this file (the same Postfix queue id) was not counted twice.'
        : `${n} copies for the postmaster ("Postmaster Copy") of bounces already in this file (the same Postfix queue ids) were not counted twice.`,
    ),
  thunderbirdExpunged: (n: number) =>
    note(
      'input.thunderbird-expunged',
      n === 1
        ? 'Un message que Thunderbird a supprimé ou déplacé vers un autre dossier (X-Mozilla-Status), encore dans ce fichier tant que le dossier n’est pas compacté, n’a pas été lu.'
        : `${n} messages que Thunderbird a supprimés ou déplacés vers un autre dossier (X-Mozilla-Status), encore dans ce fichier tant que le dossier n’est pas compacté, n’ont pas été lus.`,
      n === 1
        ? 'A message Thunderbird deleted or moved to another folder (X-Mozilla-Status), still in this file until the folder is compacted, was not read.'
        : `${n} messages Thunderbird deleted or moved to another folder (X-Mozilla-Status), still in this file until the folder is compacted, were not read.`,
    ),
  groupRefusal: (words: string) =>
    note(
      'input.group-refusal',
      `Google Groups a refusé le message («\u00a0${words}\u00a0»)\u00a0: c’est le logiciel du groupe qui l’a écarté, après que les serveurs de Google l’ont accepté. Il n’y a pas de réponse SMTP, et rien à signaler au service abuse d’Orange\u00a0; voyez avec les responsables du groupe.`,
      `Google Groups refused the message ("${words}"): the group's software turned it away after Google's servers had accepted it. There is no SMTP reply, and nothing to report to Orange's abuse desk; ask the group's owners.`,
    ),
  deliveredReport: () =>
    note(
      'input.delivered-report',
      'Ce rapport de remise annonce une remise réussie (champ Action : delivered, relayed ou expanded) : aucun refus à signaler.',
      'This delivery report announces a successful delivery (Action field: delivered, relayed or expanded): no refusal to report.',
    ),
  messageTraceSummaryOnly: (recipient: string) =>
    note(
      'input.message-trace-summary',
      `Ce résumé du suivi des messages d’Exchange Online (Get-MessageTrace) dit que l’envoi à ${recipient} a échoué (Failed), mais il ne contient pas la réponse du serveur qui l’a refusé. Lancez Get-MessageTraceDetail pour ce message (ou ouvrez-le dans le suivi des messages du centre d’administration) et collez son événement Fail\u00a0: sa réponse, son heure et le serveur distant y figurent.`,
      `This Exchange Online message trace summary (Get-MessageTrace) says the message to ${recipient} failed (Failed), but it does not hold the reply of the server that refused it. Run Get-MessageTraceDetail for that message (or open it in the admin center's message trace) and paste its Fail event: its reply, time and remote server are there.`,
    ),
  exchangeOwnStatus: (status: string) =>
    note(
      'input.exchange-own-status',
      `Ce statut a été écrit par Exchange lui-même (« ${status} ») : c’est une décision du serveur de l’organisation qui envoie (agent de transport, règle, routage, file d’attente), pas le refus d’un serveur distant. Il n’y a rien à signaler au service abuse d’Orange ; voyez la configuration d’Exchange.`,
      `Exchange wrote this status itself ("${status}"): it is the decision of the sending organisation’s own server (a transport agent, a rule, routing, the queue), not a remote server’s refusal. There is nothing to report to Orange’s abuse desk; look at Exchange’s configuration.`,
    ),
  sizeLimitAnnounced: (limit: { size: number; limit: number; host: string | null; ip: string | null }) => {
    const named = limit.host ?? limit.ip;
    const server = named ? ` ${named}` : '';
    const fr = (n: number) => n.toLocaleString('fr-FR');
    const en = (n: number) => n.toLocaleString('en-GB');
    return note(
      'input.size-limit-announced',
      `Le serveur d’envoi n’a pas transmis le message : il pèse ${fr(limit.size)} octets et le serveur distant${server} annonce une limite de ${fr(limit.limit)} octets (extension SIZE). Il ne s’agit pas d’un refus : il n’y a pas de réponse SMTP à transmettre au service abuse d’Orange. Réduisez la taille du message (pièces jointes, par exemple) ou faites-le parvenir par un autre moyen.`,
      `The sending server did not transmit the message: it is ${en(limit.size)} bytes and the remote server${server} advertises a limit of ${en(limit.limit)} bytes (SIZE extension). This is not a refusal: there is no SMTP reply to give Orange's abuse desk. Reduce the message's size (attachments, for instance) or deliver it another way.`,
    );
  },
  /** `where`: in a Diagnostic-Code of type X-Postfix, or in the recipients' list of Postfix's notice. */
  senderOwnDiagnostic: (words: string, where: 'x-postfix' | 'notice' = 'x-postfix') =>
    note(
      'input.sender-own-diagnostic',
      `Ce diagnostic a été écrit par le serveur d’envoi lui-même («\u00a0${words}\u00a0», ${where === 'x-postfix' ? 'type X-Postfix' : 'raison donnée par Postfix, sans code de réponse'}), sans réponse d’aucun serveur distant\u00a0: c’est une décision locale (filtre de contenu, milter, table de destinataires, limite de taille) sur un message qui ne lui est parvenu d’aucun autre serveur, pas un refus d’Orange. Il n’y a rien à transmettre au service abuse d’Orange\u00a0; voyez la configuration et les journaux de ce serveur.`,
      `The sending server wrote this diagnostic itself ("${words}", ${where === 'x-postfix' ? 'type X-Postfix' : 'a reason Postfix gives without a reply code'}), with no reply from any remote server: it is a local decision (a content filter, a milter, a recipient table, a size limit) on a message that came to it from no other server, not a refusal by Orange. There is nothing to give Orange's abuse desk; look at that server's configuration and logs.`,
    ),
  testProbe: () =>
    note(
      'input.test-probe',
      'Cette session est le test de MXToolbox sur votre propre serveur (sa sonde keeper-….mxtoolbox.com, l’expéditeur supertool@mxtoolboxsmtpdiag.com) : une réponse d’erreur y est celle de votre serveur au test (un « Relay access denied » est la bonne réponse d’un serveur qui n’est pas un relais ouvert), pas un refus de votre courrier. Il n’y a rien à signaler au service abuse d’Orange.',
      'This session is MXToolbox’s test of your own server (its probe keeper-….mxtoolbox.com, the sender supertool@mxtoolboxsmtpdiag.com): an error reply in it is your server’s answer to the test (“Relay access denied” is the right answer of a server that is no open relay), not a refusal of your mail. There is nothing to report to Orange’s abuse desk.',
    ),
  challengeNotice: () =>
    note(
      'input.challenge-notice',
      'Ce message est un avis de filtrage par challenge-réponse (Boxbe\u00a0: le destinataire trie son courrier avec une liste d’invités)\u00a0: votre message a été mis en attente de votre confirmation, ou remis, et non refusé par un serveur de messagerie\u00a0; ses mots sont ceux de Boxbe, pas une réponse SMTP. Il n’y a rien à transmettre au service abuse d’Orange.',
      'This message is a challenge-response notice (Boxbe: the recipient screens mail with a guest list): your message was held pending your confirmation, or delivered, not refused by a mail server; its words are Boxbe’s, no SMTP reply. There is nothing to give Orange’s abuse desk.',
    ),
  readReceipt: () =>
    note(
      'input.read-receipt',
      'Ce message est un accusé de lecture (MDN, champ Disposition), pas un refus : le message a bien été remis, et la messagerie du destinataire indique ce qu’il en est advenu. Rien à signaler au service abuse d’Orange.',
      'This message is a read receipt (MDN, Disposition field), not a refusal: the message was delivered, and the recipient’s mail client tells what became of it. Nothing to report to Orange’s abuse desk.',
    ),
  postfixServerErrors: () =>
    note(
      'input.postfix-server-errors',
      'Ce message est le rapport que votre serveur Postfix adresse à son postmaster sur une session SMTP entrante en erreur («\u00a0Postfix SMTP server: errors from\u00a0…\u00a0»)\u00a0: les lignes «\u00a0Out:\u00a0» sont ses propres réponses, pas le refus d’un autre serveur. Rien à signaler au service abuse d’Orange.',
      'This message is the report your Postfix server sends its postmaster about an incoming SMTP session that failed (“Postfix SMTP server: errors from …”): the “Out:” lines are its own replies, not another server’s refusal. Nothing to report to Orange’s abuse desk.',
    ),
  authFailureReport: (result: string | null) =>
    note(
      'input.auth-failure-report',
      `Ce message est un rapport d’échec d’authentification (DMARC, Feedback-Type : auth-failure), pas un refus : il ne contient aucune réponse SMTP à transmettre au service abuse d’Orange${result ? ` (résultat de la remise indiqué : ${result.slice(0, 40)})` : ''}. Vérifiez plutôt SPF, DKIM et l’alignement DMARC du domaine d’envoi.`,
      `This message is an authentication failure report (DMARC, Feedback-Type: auth-failure), not a refusal: it holds no SMTP reply for Orange’s abuse desk${result ? ` (delivery result given: ${result.slice(0, 40)})` : ''}. Check the sending domain’s SPF, DKIM and DMARC alignment instead.`,
    ),
  logsUnavailable: () =>
    note(
      'input.logs-unavailable',
      'Ce texte ressemble à un journal de serveur de messagerie, mais la lecture des journaux n’est pas disponible.',
      'This text looks like a mail server log, but log reading is not available.',
    ),
};
