/**
 * Why a notice that quotes no reply quotes none, when its own words say so (the "no server was reached"
 * sentences aside, read first by connection-failure.ts): the first of these, in this order, gives the
 * note shown beside the incidents, and whether the user is still asked for the reply.
 * - Google Groups' refusal of a post (google-groups.ts): no reply to ask for.
 * - The sending server gave up at the end of its retry period (Exim's `retry timeout exceeded`) or its
 *   queue time (OpenSMTPD's `Envelope expired`, dma's `Could not deliver for the last N seconds. Giving
 *   up.`), retry-timeout.ts: each attempt's reply is in its log,
 *   so it is still asked for.
 * - Exim's delivery to a program or a file of its own machine (exim-local-delivery.ts), Exim's own words
 *   under the failed address (exim-own-message.ts, Exim's notices only), a local delivery program's
 *   `Diagnostic-Code: x-unix; …` (local-delivery.ts), the exit status of qmail's delivery program under
 *   the failed address (qmail-child-status.ts): no server replied, no reply to ask for.
 * - The notice's server's own reason under its software's heading, for a mailbox it delivers to itself
 *   (Biglobe's, Gmail's older notice; receiver-own-reason.ts): no reply to ask for.
 */
import type { Note } from '../types';
import { eximLocalDelivery } from './exim-local-delivery';
import { eximOwnMessage } from './exim-own-message';
import { googleGroupsRefusal } from './google-groups';
import { NOTES } from './notes';
import { qmailChildStatus } from './qmail-child-status';
import { receiverOwnReason } from './receiver-own-reason';
import { envelopeExpiredLine, retryTimeoutLine } from './retry-timeout';

export interface ReplylessNotice {
  note: Note;
  /** The reply exists somewhere (the sending server's log): the user is still asked for it. */
  askReply: boolean;
  /** Said after the sending server's own diagnostic, when there is one (a local program's words). */
  last?: boolean;
}

/**
 * The note for a notice none of whose incidents has a reply. `local`: the note on a local delivery
 * program's diagnostic the DSN gave (local-delivery.ts) or on Sendmail's status for its local mailer
 * (message-local-mailer.ts), or null.
 */
export function replylessNotice(
  bodyLines: readonly string[],
  isExim: boolean,
  local: Note | null,
): ReplylessNotice | null {
  const group = googleGroupsRefusal(bodyLines);
  if (group) return { note: NOTES.groupRefusal(group), askReply: false };
  const gaveUp = retryTimeoutLine(bodyLines);
  if (gaveUp) return { note: NOTES.retryTimeout(gaveUp), askReply: true };
  const expired = envelopeExpiredLine(bodyLines);
  if (expired) return { note: NOTES.envelopeExpired(expired), askReply: true };
  const exim = eximLocalDelivery(bodyLines);
  if (exim)
    return {
      note: exim.kind === 'pipe' ? NOTES.eximPipeFailed(exim.target) : NOTES.eximFileFailed(exim.target),
      askReply: false,
    };
  const own = isExim ? eximOwnMessage(bodyLines) : null;
  if (own) return { note: NOTES.eximOwnMessage(own), askReply: false };
  const child = qmailChildStatus(bodyLines);
  if (child)
    return {
      note:
        child.status === null
          ? NOTES.qmailLocalProgram(child.words)
          : NOTES.qmailChildStatus(child.status, child.words),
      askReply: false,
    };
  if (local) return { note: local, askReply: false, last: true };
  const reason = receiverOwnReason(bodyLines);
  if (reason) return { note: NOTES.receiverOwnReason(reason), askReply: false };
  return null;
}
