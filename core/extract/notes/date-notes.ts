/**
 * The notes on the incident's date: which date was taken (the notice's, the forward's, the returned
 * message's, the last retry's...), in which zone, and when the text leaves it ambiguous.
 */
import { note } from './note';

/** An ISO date as people read it: `2024-11-12 14:02:41 (UTC+01:00)`. */
function readableStamp(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${m[1]} ${m[2]} (UTC${m[3] === 'Z' ? '+00:00' : m[3]})`;
}

export const DATE_NOTES = {
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
  zoneOfNoticeDate: (offset: string) =>
    note(
      'date.zone-of-notice-date',
      `L’heure de la tentative ne précise pas de fuseau horaire\u00a0: c’est celle de la date de l’avis, écrit à ce moment-là, et son fuseau (${offset}) a été retenu.`,
      `The attempt's time carries no time zone: it is the time of the notice's Date, written at that moment, and its zone (${offset}) was taken.`,
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
  /**
   * A notice forwarded inline whose forward lines give no date that reads: the forward's own Date is not
   * used.
   */
  forwardedNoticeUndated: () =>
    note(
      'date.forwarded-notice-undated',
      'Aucune date lisible dans les lignes d’en-tête de l’avis transféré\u00a0; la date du message qui le transfère n’a pas été reprise, car elle dit seulement quand l’avis a été transmis, souvent un jour ou plus après le refus. Reprenez la date de l’avis lui-même ou celle du journal du serveur d’envoi.',
      "No readable date in the header lines of the forwarded notice; the date of the message forwarding it was not used, since it only says when the notice was passed on, often a day or more after the refusal. Take the date from the notice itself or from the sending server's log.",
    ),
  /**
   * A person's forward (`TR:`, `Fwd:`) of a notice that gives no date: the forward's own Date is not used.
   */
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
  dateOfLastHop: () =>
    note(
      'date.last-hop',
      'La date est celle du dernier passage que l’avis d’Office 365 liste dans ses « Message Hops » (en UTC) : le dernier transfert entre serveurs de Microsoft avant la remise refusée, qui a eu lieu à ce moment ou un peu plus tard. Corrigez-la d’après le suivi des messages d’Exchange Online si vous l’avez.',
      "The date is that of the last hop Office 365's notice lists under \"Message Hops\" (in UTC): the last transfer between Microsoft's servers before the refused delivery, which came then or a little later. Correct it from Exchange Online's message trace if you have it.",
    ),
  noticeBeforeMessage: (noticeIso: string, messageIso: string) =>
    note(
      'date.notice-before-message',
      `La date n’est pas remplie\u00a0: l’avis porte la date ${readableStamp(noticeIso)}, plus d’un jour avant celle du message qu’il renvoie, ${readableStamp(messageIso)}. L’une des deux horloges se trompe\u00a0; reprenez la date du refus dans le journal du serveur d’envoi.`,
      `The date is left empty: the notice is dated ${readableStamp(noticeIso)}, more than a day before the message it returns, dated ${readableStamp(messageIso)}. One of the two clocks is wrong; take the refusal's date from the sending server's log.`,
    ),
  dateOfReturnedHop: (writtenIso: string) =>
    note(
      'date.returned-hop',
      `La date est celle où le dernier serveur avant le refus a reçu le message renvoyé (sa ligne Received la plus haute), bien après la date du message lui-même (${readableStamp(writtenIso)}) : le refus est venu à ce moment ou un peu plus tard. Corrigez-la d’après le journal du serveur d’envoi si vous l’avez.`,
      `The date is when the last server before the refusal received the returned message (its topmost Received line), well after the message's own date (${readableStamp(writtenIso)}): the refusal came then or a little later. Correct it from the sending server's log if you have it.`,
    ),
  queuedUntilBounce: (bounceIso: string) =>
    note(
      'date.queued-until-bounce',
      `La date indiquée est celle de l’arrivée du message dans la file d’attente\u00a0; il y est resté jusqu’à l’avis du serveur (${readableStamp(bounceIso)})\u00a0: la réponse citée est celle de la dernière tentative, juste avant cet avis. Pour une suspension (999), vérifiez l’heure exacte du refus dans le journal du serveur.`,
      `The date is when the message entered the queue; it stayed there until the server's notice (${readableStamp(bounceIso)}): the reply quoted is the last attempt's, right before that notice. For a suspension (999), check the exact time of the refusal in the server's log.`,
    ),
  /**
   * queuedUntilBounce for a notice that quotes no reply (Hotmail's `unable to connect successfully to the
   * destination mail server`, Postfix's `connect to …: Connection timed out`): no attempt's reply to speak of.
   */
  queuedUntilNoticeWithoutReply: (bounceIso: string) =>
    note(
      'date.queued-until-notice-no-reply',
      `La date indiquée est celle de l’arrivée du message dans la file d’attente\u00a0; il y est resté jusqu’à ce que le serveur abandonne et écrive son avis (${readableStamp(bounceIso)}). L’avis ne cite aucune réponse d’un serveur distant\u00a0: l’heure et l’erreur de chaque tentative figurent dans le journal du serveur d’envoi.`,
      `The date is when the message entered the queue; it stayed there until the server gave up and wrote its notice (${readableStamp(bounceIso)}). The notice quotes no reply from a remote server: each attempt's time and error are in the sending server's log.`,
    ),
  /**
   * A DSN dated by its Arrival-Date (or Received-Date) alone: RFC 3464's time the message reached the server
   * that wrote the report, not the refusal's, which came then or later.
   */
  arrivalDateOnly: (field: string) =>
    note(
      'date.arrival-only',
      `La date est celle de l’arrivée du message sur le serveur qui a écrit le rapport (son champ ${field}) : le refus est venu à ce moment ou plus tard (aussitôt pour un refus à la connexion, plus tard si le message a attendu dans la file), et aucune heure écrite juste après ne le borne ; vérifiez-la dans le journal du serveur si besoin.`,
      `The date is when the message reached the server that wrote the report (its ${field}): the refusal came then or later (at once for a refusal at connection, later if the message waited in the queue), and no time written right after it bounds it; check it in the server's log if needed.`,
    ),
  /**
   * A notice pasted without its headers, dated by Sendmail's `The original message was received at …` (or
   * Courier's `received on`): when the server that wrote it took the message in, not the refusal's time.
   */
  receivedAtOnly: () =>
    note(
      'date.received-at-only',
      'La date est celle où le serveur qui a écrit l’avis a reçu le message («\u00a0The original message was received…\u00a0»)\u00a0: le refus est venu à ce moment ou plus tard (aussitôt pour un refus à la connexion, plus tard si le message a attendu dans la file)\u00a0; vérifiez-la dans le journal du serveur si besoin.',
      'The date is when the server that wrote the notice received the message ("The original message was received…"): the refusal came then or later (at once for a refusal at connection, later if the message waited in the queue); check it in the server\'s log if needed.',
    ),
  /** A mail system's notice whose own Date came over a quarter of an hour before the message's Arrival-Date. */
  noticeBeforeArrival: (field: string, arrivalIso: string) =>
    note(
      'date.notice-before-arrival',
      `La date est celle de l’avis du serveur (son en-tête Date) : son champ ${field} (${readableStamp(arrivalIso)}) tombe plus d’un quart d’heure après, ce qui ne se peut pas (l’avis suit l’arrivée du message) ; son fuseau est sans doute faux. Vérifiez l’heure dans le journal du serveur si besoin.`,
      `The date is the server's notice's (its Date header): its ${field} (${readableStamp(arrivalIso)}) falls over a quarter of an hour later, which cannot be (the notice follows the message's arrival); its time zone is likely wrong. Check the time in the server's log if needed.`,
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
  ambiguousRecipientLineDate: (written: string) =>
    note(
      'date.ambiguous',
      `L’heure qu’Exchange donne à côté du destinataire, « ${written} », n’est écrite qu’en chiffres, sans que rien ne dise dans quel ordre (mois/jour aux États-Unis, jour/mois ailleurs) : elle n’a pas été reprise. Complétez la date à la main.`,
      `The time Exchange gives beside the recipient, "${written}", is written in numbers only, with nothing to say in which order (month/day in the United States, day/month elsewhere): it was not used. Please fill in the date.`,
    ),
  ambiguousForwardDate: (written: string, forwarded: boolean) =>
    note(
      'date.ambiguous',
      `La date des lignes d’en-tête de l’avis${forwarded ? ' transféré' : ''}, «\u00a0${written}\u00a0», n’est écrite qu’en chiffres, et la langue de ses intitulés ne dit pas dans quel ordre (mois/jour aux États-Unis, jour/mois au Royaume-Uni). Elle n’a pas été reprise${forwarded ? ', ni celle du message qui transfère l’avis, qui dit seulement quand il a été transmis' : ''}. Complétez la date à la main.`,
      `The date in the ${forwarded ? 'forwarded ' : ''}notice's header lines, "${written}", is written in numbers only, and the language of its labels does not say in which order (month/day in the United States, day/month in the United Kingdom). It was not used${forwarded ? ', nor was the date of the message forwarding the notice, which only says when it was passed on' : ''}. Please fill in the date.`,
    ),
};
