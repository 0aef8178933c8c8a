/**
 * Orange's parts of a reply (../shared/notes/orange.md, section 2): its token (`OFR006_102`,
 * `ofr_506`, `OFR004-104`), the reason number, the server id (`mwinf5c04`, `opmta1mti33nd1`), its
 * wordings in French and English, and its host names.
 */

import type { OrangeReply } from '../types';
import { isCutPrefix } from './cut-orange-token';
import { reasonAfterGluedPrefix } from './glued-orange-prefix';
import { allMatches } from './matches';
import { ORANGE_MAIL_DOMAINS, ORANGE_MX_NAMES } from './orange-network';
import { isSpacedToken, spacedTokenContradicted } from './spaced-orange-token';

// The prefix may be followed by a space instead of `_` (spaced-orange-token.ts), when the reason after it
// starts no IP address (`OFR006 203.0.113.7` is not a token); or by its `_` and a line break, a hand-wrapped
// paste's (`OFR005_` at a line's end, `104 [104]` on the next; a space once unwrapped), when the next line
// starts with the reason: three digits that start no IP address nor another reply (`550 5.7.1 ...`,
// `421-...`). A prefix whose `_` ends the text is no reason (cut-orange-token.ts).
export const ORANGE_TOKEN =
  /\bOFR(?:(\d{3})(?:[_-]| (?=\d{3}(?!\d|\.\d))|[_-](?:[ \t]|[ \t]?\r?\n[ \t]{0,8})(?=\d{3}(?![\d-]|\.\d|[ \t]\d\.\d)))|[ _-]?)(\d{3})(?!\d)/i;

const BRACKET_REASON = /\[(\d{3})\]/g;

const ORANGE_SERVER = /\b(mwinf\d[a-z]\d{1,3}|opmta\d{1,2}[a-z]{2,4}\d{1,3}[a-z]{1,4}\d{0,3})\b/i;

// Newer replies put the server id right before `smtp.orange.fr` (`421 opmtad4k4345ydf smtp.orange.fr
// 9d0fgdhg9n Trop de connexions`, a Postfix notice in crisp-oss/email-bounce-parser's fixtures): an
// `opmta` id of another pattern is read from that place.
const ORANGE_SERVER_BEFORE_HOST = /\b(opmta[a-z0-9]{3,16})\s{1,4}smtp\.orange\.fr\b/i;

/**
 * French wordings only Orange uses (accents and case removed before matching). Not `Service refuse.
 * Veuillez essayer plus tard`, which La Poste writes too (`550 5.5.0 Service refuse. ... LPN007_510`).
 */
const ORANGE_WORDINGS = [
  'adresse ip source bloquee',
  'emetteur invalide',
  'trop de connexions',
  'adresse d au moins un destinataire invalide',
  'boite du destinataire pleine',
  'spf/dns de votre nom de domaine',
];

const NON_ASCII = /[^\x00-\x7f]/;

/** True when `text` holds one of the words (a loop: no closure per call). */
export function includesAny(text: string, words: readonly string[]): boolean {
  for (const w of words) if (text.includes(w)) return true;
  return false;
}

/** Lower case, accents removed: `Émetteur refusé` → `emetteur refuse`. */
export function foldText(text: string): string {
  // ASCII text has no accents to remove and is its own NFD form.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Orange's token-less SPF refusal (`Emetteur invalide ... SPF check failed`). */
export function isOrangeSpfRefusal(text: string): boolean {
  const t = foldText(text);
  return (
    t.includes('emetteur invalide') && (t.includes('spf check failed') || t.includes('configuration spf'))
  );
}

/** True for Orange's MX/relay names and any host under orange.fr or wanadoo.fr. */
export function isOrangeHost(name: string): boolean {
  const host = name.trim().toLowerCase().replace(/\.$/, '');
  if (ORANGE_MX_NAMES.includes(host)) return true;
  return ORANGE_MAIL_DOMAINS.some((d) => host === d || host.endsWith(`.${d}`));
}

/**
 * La Poste's own token (`LPN007_510`, also `LPN416` and `LPN 104-105`): a reply in French wording that is
 * La Poste's, not Orange's.
 */
const LA_POSTE_TOKEN = /\bLPN ?\d{3}(?!\d)/;

function hasOrangeWording(text: string): boolean {
  const folded = foldText(text);
  return includesAny(folded, ORANGE_WORDINGS) && !LA_POSTE_TOKEN.test(text);
}

export function parseOrange(
  text: string,
  code: number | null,
): { orange: OrangeReply | null; tokenEnd: number } {
  const tokenMatch = ORANGE_TOKEN.exec(text);
  const head = text.slice(0, 400);
  const serverMatch = ORANGE_SERVER.exec(head) ?? ORANGE_SERVER_BEFORE_HOST.exec(head);
  const server = serverMatch?.[1]?.toLowerCase() ?? null;
  let token: string | null = null;
  let reason: number | null = null;
  // A spaced token its `[NNN]` contradicts names no reason, nor does the bracket (one of the two is wrong).
  const contradicted =
    tokenMatch !== null && isSpacedToken(tokenMatch) && spacedTokenContradicted(tokenMatch, text);
  if (tokenMatch && !contradicted) {
    const prefix = tokenMatch[1] ?? '';
    // `OFR006 203.0.113.7 [103]`: the prefix alone, the reason in the bracket (glued-orange-prefix.ts).
    const bracketReason = reasonAfterGluedPrefix(tokenMatch, text);
    // `OFR005_` with no reason after it: the prefix is no reason (the bracket's is read below, if any).
    const cut = isCutPrefix(tokenMatch, text);
    token = bracketReason || cut ? `OFR${tokenMatch[2]}` : `OFR${prefix}_${tokenMatch[2]}`;
    reason = bracketReason ?? (cut ? null : Number(tokenMatch[2]));
  }
  // The wordings are looked for only when neither a token nor a server id says it is Orange.
  const isOrange = token !== null || server !== null || hasOrangeWording(text);
  if (!isOrange) return { orange: null, tokenEnd: -1 };
  if (reason === null && code !== null && !contradicted) {
    // The last `[NNN]` of the reply, when it is a reason number.
    const brackets = allMatches(BRACKET_REASON, text);
    const last = brackets.length > 0 ? Number(brackets[brackets.length - 1]?.[1]) : -1;
    if (last >= 100) reason = last;
  }
  const tokenEnd = tokenMatch && !contradicted ? tokenMatch.index + tokenMatch[0].length : -1;
  return { orange: { token, reason, server }, tokenEnd };
}
