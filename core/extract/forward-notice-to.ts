/**
 * Whom a notice forwarded inline was sent to, as the forward's header lines name it: Outlook's `-----Original
 * Message-----` / `-----Message d'origine-----` then `From: Microsoft Outlook <MicrosoftExchange…@…>`,
 * `Sent:`, `To: Marie Martin <marie.martin@example.com>` (`De :`, `Envoyé :`, `À :`, `Objet :` in French;
 * `Von:`, `Gesendet:`, `An:`, `Betreff:` in German), Gmail's, Thunderbird's and the other blocks
 * forward-block.ts reads. A mail system writes its notice to the envelope sender of the message it returns
 * (RFC 5321 §4.5.5, RFC 3464 §2), the `MAIL FROM` the refusing server saw: that address's domain is the
 * sending domain. The forwarding message's own From is only who passed the notice on (a colleague, the
 * support desk), and its To whom it was passed to: neither is taken.
 *
 * Only when the block's From names a mail system, and its To line holds one address: Outlook writes an
 * address book entry by its name alone (`À : Marie Martin`), and a line naming several people says not
 * which one sent the refused message; the caller then says so in a note.
 */
import { FROM_LINE, forwardBlockAt, unquoted } from './forward-block';
import { domainOf } from './header-block';

/** To in the languages forward-block.ts reads the other labels in (Outlook's, Gmail's, Apple Mail's…). */
const TO_LINE =
  /^(?:To|À|A|Pour|An|Para|Aan|Til|Till|Do|Komu|Vastaanottaja|Adresat)\s{0,4}:\s{0,4}(\S.{0,400})$/i;
const ADDRESS = /[^\s<>"'(),;:[\]]{1,64}@[A-Za-z0-9][A-Za-z0-9.-]{0,252}[A-Za-z0-9]/g;
/** How many lines of a forward's header block are read (separator, From, Sent, To, Cc, Subject…). */
const BLOCK_LINES = 8;

export type ForwardedNoticeTo =
  /** The one address the notice was sent to, its domain and the line naming it. */
  | { kind: 'address'; domain: string; line: string }
  /** A To line naming no address (a name alone) or several: the sender is not known from it. */
  | { kind: 'unsure'; value: string; line: string };

/**
 * The To line of the first forward block (in the first 2,000 lines) whose From names a mail system
 * (`isSystemFrom`), read; null when there is no such block or it has no To line.
 */
export function forwardedNoticeTo(
  lines: readonly string[],
  isSystemFrom: (line: string) => boolean,
): ForwardedNoticeTo | null {
  // Asked again for each recipient's incident of the same message.
  let found = known.get(lines);
  if (found === undefined) {
    found = findForwardedNoticeTo(lines, isSystemFrom);
    known.set(lines, found);
  }
  return found;
}

const known = new WeakMap<readonly string[], ForwardedNoticeTo | null>();

function findForwardedNoticeTo(
  lines: readonly string[],
  isSystemFrom: (line: string) => boolean,
): ForwardedNoticeTo | null {
  const last = Math.min(lines.length, 2000);
  for (let i = 0; i < last; i++) {
    const line = lines[i] as string;
    if (line.length > 400 || !forwardBlockAt(lines, i, isSystemFrom)) continue;
    const block = headerLines(lines, i);
    if (!block.some((l) => FROM_LINE.test(unquoted(l)) && isSystemFrom(unquoted(l)))) continue;
    const to = block.find((l) => TO_LINE.test(unquoted(l)));
    return to ? readTo(to) : null;
  }
  return null;
}

/** The block's lines from `i` (its separator or its From line) to its first empty line. */
function headerLines(lines: readonly string[], i: number): string[] {
  const block: string[] = [];
  for (const line of lines.slice(i, i + BLOCK_LINES)) {
    if (block.length > 0 && unquoted(line) === '') break;
    block.push(line);
  }
  return block;
}

/** The different addresses a To value names (`"marie@x" <marie@x>`, `marie@x [mailto:marie@x]`: one). */
function addressesIn(value: string): Set<string> {
  return new Set((value.match(ADDRESS) ?? []).map((a) => a.toLowerCase()));
}

/** True when a To value names more than one address. */
export function severalAddresses(value: string): boolean {
  return addressesIn(value).size > 1;
}

function readTo(line: string): ForwardedNoticeTo {
  const value = (TO_LINE.exec(unquoted(line))?.[1] ?? '').trim();
  const addresses = addressesIn(value);
  const only = addresses.size === 1 ? [...addresses][0] : undefined;
  const domain = only ? domainOf(only) : null;
  if (domain?.includes('.')) return { kind: 'address', domain, line };
  return { kind: 'unsure', value, line };
}
