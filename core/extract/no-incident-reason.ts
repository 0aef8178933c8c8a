/**
 * Why a paste gave no incident, said in a note when its readers said nothing.
 */

import type { ExtractionResult } from '../types';
import { noReplyWords } from './connection-failure';
import { exchangeOwnStatus } from './exchange-status';
import { hasInputNote } from './input-note';
import { failedTraceSummaryRecipient } from './message-trace-summary';
import { NOTES } from './notes';
import { postfixNoticeOwnWords } from './postfix-own-words';
import { isSesComplaint } from './ses-complaint';

/**
 * The result, with a note first saying why no incident was read when none of its notes says so: no
 * server replied, the sending side's own Exchange or Postfix wrote the status, an Exchange Online trace
 * summary holds no reply, Amazon SES's notice is a complaint, else nothing was found.
 */
export function withNoIncidentReason(result: ExtractionResult, input: string): ExtractionResult {
  // A log's note that Postfix kept back a message too big for its remote (logs/formats/postfix.ts) tells
  // of that message only: the connection failures of its other lines are still said.
  const notes = result.warnings.filter((w) => w.code !== 'input.size-limit-announced');
  if (result.incidents.length === 0 && !hasInputNote(notes)) {
    const words = noReplyWords(input);
    const own = words ? null : exchangeOwnStatus(input);
    // Postfix's notice pasted without its delivery-status part, listing its own reason for each recipient.
    const postfixOwn = words || own ? null : postfixNoticeOwnWords(input);
    // Exchange Online's trace summary: a Failed row without the reply, which its detail holds.
    const traced = words || own || postfixOwn ? null : failedTraceSummaryRecipient(input);
    // Amazon SES's complaint notification: a delivered message reported as spam.
    const complaint = !words && !own && !postfixOwn && !traced && isSesComplaint(input);
    const nothing = !words && !own && !postfixOwn && !traced && !complaint;
    if (!nothing || notes.length === result.warnings.length)
      result.warnings.unshift(
        words
          ? NOTES.noServerReply(words)
          : own
            ? NOTES.exchangeOwnStatus(own)
            : postfixOwn
              ? NOTES.senderOwnDiagnostic(postfixOwn, 'notice')
              : traced
                ? NOTES.messageTraceSummaryOnly(traced)
                : complaint
                  ? NOTES.sesComplaint()
                  : NOTES.nothingFound(),
      );
  }
  return result;
}
