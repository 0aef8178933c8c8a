/**
 * The notes on texts that hold no refusal to report to Orange: no server reply, a delay notice, a
 * complaint or authentication report, an automatic reply, a read receipt, the sending side's own
 * decision, a test probe...
 */
import type { AutoReplyMark } from '../auto-reply';
import { note } from './note';

/** How the automatic reply said it was one, as the note names it. */
const AUTO_REPLY_MARK_FR: Record<AutoReplyMark, string> = {
  field: 'champ Auto-Submitted ou X-Autoreply',
  'outlook-subject': 'objet «\u00a0Réponse automatique\u00a0» d’Outlook et champ X-Auto-Response-Suppress',
  'icloud-vacation': 'champ X-Apple-Action\u00a0: VACATION d’iCloud',
};
const AUTO_REPLY_MARK_EN: Record<AutoReplyMark, string> = {
  field: 'Auto-Submitted or X-Autoreply field',
  'outlook-subject': 'Outlook’s "Automatic reply" subject and X-Auto-Response-Suppress field',
  'icloud-vacation': 'iCloud’s X-Apple-Action: VACATION field',
};

export const NOT_A_REFUSAL_NOTES = {
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
  sesComplaint: () =>
    note(
      'input.ses-complaint',
      'Ce message est une notification de plainte d’Amazon SES (un destinataire a signalé votre message comme indésirable, et la boucle de rétroaction de sa messagerie l’a fait savoir à SES), pas un refus\u00a0: le message avait été remis, et il n’y a pas de réponse SMTP à transmettre au service abuse d’Orange. Voyez pourquoi ce destinataire l’a reçu, et ne lui écrivez plus.',
      'This message is a complaint notification from Amazon SES (a recipient marked your message as spam, and their mailbox provider’s feedback loop told SES), not a refusal: the message had been delivered, and there is no SMTP reply for Orange’s abuse desk. Look at why this recipient got it, and do not mail them again.',
    ),
  autoReply: (mark: AutoReplyMark = 'field') =>
    note(
      'input.auto-reply',
      `Ce message est une réponse automatique du destinataire (absence, congés, accusé de réception d’un répondeur\u00a0; ${AUTO_REPLY_MARK_FR[mark]}), pas un refus\u00a0: votre message a été remis. Il n’y a pas de réponse SMTP, et rien à signaler au service abuse d’Orange.`,
      `This message is an automatic reply from the recipient (out of office, vacation, an autoresponder’s acknowledgement; ${AUTO_REPLY_MARK_EN[mark]}), not a refusal: your message was delivered. There is no SMTP reply, and nothing to report to Orange’s abuse desk.`,
    ),
  unsubscribeRequest: () =>
    note(
      'input.unsubscribe-request',
      'Ce message est une demande de désinscription que la messagerie du destinataire a envoyée pour lui (champ X-Apple-Unsubscribe d’Apple Mail, à l’adresse de votre en-tête List-Unsubscribe), pas un refus\u00a0: votre message a été remis. Retirez cette adresse de votre liste (des envois qui continuent finissent en plaintes)\u00a0; il n’y a rien à signaler au service abuse d’Orange.',
      'This message is an unsubscribe request the recipient’s mail client sent for them (Apple Mail’s X-Apple-Unsubscribe field, to the address of your List-Unsubscribe header), not a refusal: your message was delivered. Remove this address from your list (mail that keeps coming ends up as complaints); there is nothing to report to Orange’s abuse desk.',
    ),
  groupRefusal: (words: string) =>
    note(
      'input.group-refusal',
      `Google Groups a refusé le message («\u00a0${words}\u00a0»)\u00a0: c’est le logiciel du groupe qui l’a écarté, après que les serveurs de Google l’ont accepté. Il n’y a pas de réponse SMTP, et rien à signaler au service abuse d’Orange\u00a0; voyez avec les responsables du groupe.`,
      `Google Groups refused the message ("${words}"): the group's software turned it away after Google's servers had accepted it. There is no SMTP reply, and nothing to report to Orange's abuse desk; ask the group's owners.`,
    ),
  retryTimeout: (words: string) =>
    note(
      'input.retry-timeout',
      `Le serveur d’envoi a renoncé à la fin de son délai de nouvelles tentatives («\u00a0${words}\u00a0»)\u00a0: l’avis ne cite aucune réponse du serveur distant. La réponse de chaque tentative figure dans le journal du serveur d’envoi (pour Exim, les lignes «\u00a0==\u00a0» de ce destinataire dans le mainlog)\u00a0; collez la dernière pour obtenir la réponse à transmettre.`,
      `The sending server gave up when its retry period ran out ("${words}"): the notice quotes no reply from the remote server. Each attempt's reply is in the sending server's log (for Exim, the "==" lines for this recipient in its mainlog); paste the last one to get the reply to report.`,
    ),
  envelopeExpired: (words: string) =>
    note(
      'input.envelope-expired',
      `Le serveur d’envoi (OpenSMTPD) indique que la durée de séjour du message dans sa file d’attente a expiré («\u00a0${words}\u00a0»)\u00a0: l’avis ne cite aucune réponse du serveur distant. La réponse de chaque tentative figure dans le journal d’OpenSMTPD (ses lignes «\u00a0mta delivery\u00a0» de ce destinataire, result="TempFail" stat="…")\u00a0; collez la dernière pour obtenir la réponse à transmettre.`,
      `The sending server (OpenSMTPD) says the message's time in its queue ran out ("${words}"): the notice quotes no reply from the remote server. Each attempt's reply is in OpenSMTPD's log (its "mta delivery" lines for this recipient, result="TempFail" stat="…"); paste the last one to get the reply to report.`,
    ),
  eximPipeFailed: (command: string) =>
    note(
      'input.local-pipe-failed',
      `Exim n’a pas pu remettre le message au programme qu’un alias ou un fichier .forward désigne sur sa propre machine («\u00a0pipe to ${command}\u00a0»)\u00a0: l’erreur vient de ce programme, pas d’un serveur distant qui refuserait le courrier. Il n’y a pas de réponse SMTP, et rien à signaler au service abuse d’Orange\u00a0; voyez la sortie du programme, que l’avis cite.`,
      `Exim could not hand the message to the program an alias or .forward file names on its own machine ("pipe to ${command}"): the error comes from that program, not from a remote server refusing the mail. There is no SMTP reply, and nothing to report to Orange's abuse desk; see the program's output, which the notice quotes.`,
    ),
  eximFileFailed: (path: string) =>
    note(
      'input.local-file-failed',
      `Exim n’a pas pu écrire le message dans le fichier de boîte aux lettres de sa propre machine («\u00a0save to ${path}\u00a0»)\u00a0: l’échec est celui de la distribution locale (boîte pleine, droits d’accès, disque), pas le refus d’un serveur distant. Il n’y a pas de réponse SMTP, et rien à signaler au service abuse d’Orange\u00a0; l’avis cite l’erreur sous l’adresse.`,
      `Exim could not write the message to the mailbox file of its own machine ("save to ${path}"): this is a local delivery failure (full mailbox, permissions, disk), not a remote server's refusal. There is no SMTP reply, and nothing to report to Orange's abuse desk; the notice quotes the error under the address.`,
    ),
  localProgramFailed: (words: string) =>
    note(
      'input.local-program-failed',
      `Le serveur qui a écrit l’avis a échoué dans sa propre distribution locale (Diagnostic-Code de type x-unix\u00a0: «\u00a0${words}\u00a0»)\u00a0: l’erreur vient d’un programme ou d’une boîte aux lettres de cette machine (quota, droits, disque), pas d’un serveur distant qui refuserait le courrier. Il n’y a pas de réponse SMTP, et rien à signaler au service abuse d’Orange.`,
      `The server that wrote the notice failed its own local delivery (Diagnostic-Code of type x-unix: "${words}"): the error comes from a program or mailbox on that machine (quota, permissions, disk), not from a remote server refusing the mail. There is no SMTP reply, and nothing to report to Orange's abuse desk.`,
    ),
  sendmailLocalTargetFailed: (status: string) =>
    note(
      'input.local-target-failed',
      `Sendmail n’a pas pu remettre le message au programme ou au fichier qu’un alias ou un fichier .forward désigne sur sa propre machine («\u00a0${status}\u00a0»)\u00a0: ce code est son propre statut pour l’échec de cette distribution locale, pas la réponse d’un serveur distant qui refuserait le courrier. Il n’y a pas de réponse SMTP, et rien à signaler au service abuse d’Orange.`,
      `Sendmail could not hand the message to the program or file an alias or .forward file names on its own machine ("${status}"): that code is its own status for the failure of this local delivery, not the reply of a remote server refusing the mail. There is no SMTP reply, and nothing to report to Orange's abuse desk.`,
    ),
  receiverOwnReason: (words: string) =>
    note(
      'input.receiver-own-reason',
      `L’avis ne donne que la raison propre de son serveur («\u00a0${words}\u00a0») et ne cite la réponse d’aucun autre serveur\u00a0: la boîte aux lettres est de celles que ce serveur dessert lui-même, et il avait accepté le message. Aucun serveur ne l’a refusé en SMTP\u00a0: il n’y a pas de réponse SMTP, et rien à signaler au service abuse d’Orange.`,
      `The notice gives only its own server's reason ("${words}") and quotes no other server's reply: the mailbox is one that server delivers to itself, and it had accepted the message. No server refused it over SMTP: there is no SMTP reply, and nothing to report to Orange's abuse desk.`,
    ),
  qmailChildStatus: (status: string, words: string) =>
    note(
      'input.qmail-child-status',
      `Le serveur qui a écrit l’avis a échoué dans sa propre distribution vers la boîte aux lettres\u00a0: son programme de distribution s’est arrêté avec le statut ${status} («\u00a0${words}\u00a0»). qmail signale autrement le refus d’un serveur distant, en nommant ce serveur et en citant sa réponse («\u00a0Remote host said\u00a0»). Il n’y a pas de réponse SMTP, et rien à signaler au service abuse d’Orange.`,
      `The server that wrote the notice failed its own delivery to the mailbox: its delivery program ended with status ${status} ("${words}"). qmail reports a remote server's refusal otherwise, naming that server and quoting its reply ("Remote host said"). There is no SMTP reply, and nothing to report to Orange's abuse desk.`,
    ),
  qmailLocalProgram: (words: string) =>
    note(
      'input.qmail-local-program',
      `Le serveur qui a écrit l’avis a échoué dans sa propre distribution vers la boîte aux lettres\u00a0: son programme de distribution locale a écrit «\u00a0${words}\u00a0». qmail signale autrement le refus d’un serveur distant, en nommant ce serveur et en citant sa réponse («\u00a0Remote host said\u00a0»). Il n’y a pas de réponse SMTP, et rien à signaler au service abuse d’Orange.`,
      `The server that wrote the notice failed its own delivery to the mailbox: its local delivery program wrote "${words}". qmail reports a remote server's refusal otherwise, naming that server and quoting its reply ("Remote host said"). There is no SMTP reply, and nothing to report to Orange's abuse desk.`,
    ),
  eximOwnMessage: (words: string) =>
    note(
      'input.exim-own-message',
      `Exim, sur la machine qui a écrit cet avis, a écarté l’adresse avec ses propres mots («\u00a0${words}\u00a0»)\u00a0: un routeur, un filtre ou une règle de cette machine les a fixés. Exim cite la réponse d’un serveur distant autrement, sous «\u00a0SMTP error from remote mail server\u00a0» et en nommant ce serveur. Il n’y a pas de réponse SMTP, et rien à signaler au service abuse d’Orange\u00a0; demandez aux administrateurs de ce serveur pourquoi l’adresse a été écartée.`,
      `Exim, on the machine that wrote this notice, turned the address away in its own words ("${words}"): a router, a filter or a rule of that machine set them. Exim quotes a remote server's reply otherwise, under "SMTP error from remote mail server" and naming that server. There is no SMTP reply, and nothing to report to Orange's abuse desk; ask that server's administrators why the address was turned away.`,
    ),
  deliveredReport: () =>
    note(
      'input.delivered-report',
      'Ce rapport de remise annonce une remise réussie (champ Action : delivered, relayed ou expanded) : aucun refus à signaler.',
      'This delivery report announces a successful delivery (Action field: delivered, relayed or expanded): no refusal to report.',
    ),
  verifiedDeliverableReport: () =>
    note(
      'input.verified-deliverable-report',
      'Ce rapport confirme que le destinataire peut être remis\u00a0: c’est le résultat d’une vérification d’adresse demandée au serveur d’envoi (Postfix, sendmail -bv\u00a0; champ Action\u00a0: deliverable, statut 2.X.X), que le serveur distant a acceptée. Aucun message n’a été refusé\u00a0: rien à signaler au service abuse d’Orange.',
      'This report confirms that the recipient is deliverable: it is the result of an address verification asked of the sending server (Postfix, sendmail -bv; Action field: deliverable, status 2.X.X), which the remote server accepted. No message was refused: nothing to report to Orange’s abuse desk.',
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
};
