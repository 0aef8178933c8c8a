/**
 * A record of MailBaby's mail log (InterServer's SMTP relay, `GET /mail/log`; its `MailLogEntry` as the
 * OpenAPI clients of interserver/mailbaby-api-samples describe it): `from` and `to` (the envelope),
 * `recipient`, `code` and `response` ("the full SMTP response string received from the destination MX
 * server"), `mxHostname` ("the MX hostname the relay connected to for delivery"), `time` ("Unix timestamp
 * of message acceptance"), and `origin`, the address of the client that submitted the message to the relay:
 * never the address MailBaby sent from. The reply, the sender and the recipient are read as in any event;
 * this module adds the MX and says which moment `time` is.
 */
import type { Note } from '../../types';
import { note } from '../notes';
import { type Obj, str } from './json-value';

const ACCEPTED_TIME_NOTE = note(
  'date.mailbaby-accepted',
  'La date est celle où MailBaby a accepté le message (son champ `time`), pas celle de la réponse du serveur\u00a0: un message différé puis refusé l’a été plus tard. Vérifiez-la dans le journal de MailBaby.',
  "The date is when MailBaby accepted the message (its `time` field), not when the server replied: a message deferred, then refused, was refused later. Check it in MailBaby's log.",
);

/** True for a record of MailBaby's mail log: its relay's own fields beside the delivery's. */
function isMailBabyEntry(o: Obj): boolean {
  return (
    str(o, 'transtype') !== null &&
    str(o, 'origin') !== null &&
    o.interface !== undefined &&
    (o.mxHostname !== undefined || o.sendingZone !== undefined)
  );
}

/**
 * The MX and the date's note of a MailBaby record; null for another object. A page of the log repeats its
 * sender and times in every record: each is cited from the lines nearest its reply.
 */
export function mailBabyEntry(
  o: Obj,
): { remoteHost: string | null; timeNote: Note | null; citeNearReply: boolean } | null {
  if (!isMailBabyEntry(o)) return null;
  const timeNote = o.time !== undefined ? ACCEPTED_TIME_NOTE : null;
  return { remoteHost: str(o, 'mxHostname'), timeNote, citeNearReply: true };
}
