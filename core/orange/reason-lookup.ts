/**
 * The knowledge-base entry (reasons/) for a reason number, an entry's id, or an Orange reply: by its
 * reason number, else by the wording of the tokenless SPF refusal, else by another wording that names
 * one reason (reason-wordings.ts).
 */

import { reasonIdFromWording } from './reason-wordings';
import { REASONS, type ReasonEntry } from './reasons';

/**
 * Orange's SPF rejection that carries no OFR token, recognised by its wording (official table): `421 ...
 * Emetteur invalide, Veuillez verifier la configuration SPF/DNS ... Invalid Sender. SPF check failed`.
 * "Emetteur invalide" alone also opens the 405 reply (501 5.1.0), so without the SPF words it only counts on
 * a temporary (4xx) reply.
 */
const SPF_WORDS = /SPF check failed|configuration SPF/i;
const INVALID_SENDER = /Emetteur invalide/i;

const byNumber = new Map<number, ReasonEntry>();
for (const entry of REASONS) for (const n of entry.reasons) byNumber.set(n, entry);

export function findReason(reason: number | null | undefined): ReasonEntry | null {
  if (reason === null || reason === undefined) return null;
  return byNumber.get(reason) ?? null;
}

export function findReasonById(id: string): ReasonEntry | null {
  return REASONS.find((entry) => entry.id === id) ?? null;
}

/** True for Orange's tokenless SPF rejection. */
export function isTokenlessSpfReply(code: number | null, replyText: string): boolean {
  const text = replyText.slice(0, 10_000);
  if (SPF_WORDS.test(text)) return true;
  return INVALID_SENDER.test(text) && code !== null && code >= 400 && code < 500;
}

/**
 * The entry for an Orange reply: by reason number, else by the tokenless SPF wording, else by another
 * wording that names one reason (reason-wordings.ts).
 */
export function reasonForReply(
  reason: number | null,
  code: number | null,
  replyText: string,
): ReasonEntry | null {
  const entry = findReason(reason);
  if (entry) return entry;
  if (reason !== null) return null;
  if (isTokenlessSpfReply(code, replyText)) return findReasonById('39X');
  const id = reasonIdFromWording(code, replyText);
  return id ? findReasonById(id) : null;
}
