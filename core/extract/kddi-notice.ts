/**
 * au by KDDI's notice that a message it had taken in could not be delivered (au one net, sent from a
 * `no-reply@....dion.ne.jp` address under a Subject of `Mail` or a Japanese one):
 *
 *   Your mail sent on: Thu, 29 Apr 2013 23:45:22 +0900
 *        Could not be delivered to: <user@example.dion.ne.jp>
 *        As their mailbox is full.
 *
 * Neither its From nor its Subject says it is a bounce, and it quotes no SMTP reply: these lines are
 * what show it is one. It is still an incident (its date, recipient and sender are written), with the
 * reply left empty and the usual warning that it is missing. Written by the receiving side about a
 * copy it had accepted, its own Date is a server's, when it gave up. (Shape of Sisimai's set-of-emails,
 * lhost-kddi-01 to 03, and of the `Your mail attempted to be delivered on:` variant its KDDI module
 * names.)
 */

const SENT_ON = /^\s{0,8}Your mail (?:sent on|attempted to be delivered on):?[ \t]+\S/i;
const NOT_DELIVERED = /^\s{0,8}Could not be delivered to:?[ \t]+<?[^\s<>@]{1,64}@[^\s<>@]{1,253}>?\s*$/i;
/** The notice's text comes first, before the returned copy: no need to read further. */
const MAX_LINES = 300;
/** Blank lines tolerated between the two lines. */
const MAX_GAP = 3;

/** Read once per body: the reader asks for each incident of the notice. */
const seen = new WeakMap<readonly string[], boolean>();

/** True when the body holds KDDI's `Your mail sent on:` line followed by its `Could not be delivered to:`. */
export function isKddiNotice(bodyLines: readonly string[]): boolean {
  const known = seen.get(bodyLines);
  if (known !== undefined) return known;
  const found = findNotice(bodyLines);
  seen.set(bodyLines, found);
  return found;
}

function findNotice(bodyLines: readonly string[]): boolean {
  const end = Math.min(bodyLines.length, MAX_LINES);
  for (let i = 0; i < end; i++) {
    if (!SENT_ON.test(bodyLines[i] ?? '')) continue;
    for (let j = i + 1; j < end && j <= i + 1 + MAX_GAP; j++) {
      const line = bodyLines[j] ?? '';
      if (NOT_DELIVERED.test(line)) return true;
      if (line.trim() !== '') break;
    }
  }
  return false;
}
