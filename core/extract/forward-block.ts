/**
 * The header lines of a notice forwarded inline by a mail client that forward-header-date.ts's
 * separators do not announce: Orange's own webmail (`> Message du 04/12/26 10:12` then `> De : ...`,
 * quoted), Free's Zimbra (`----- Mail transféré -----`, `Envoyé: Vendredi 4 Décembre 2026 10:12:03`),
 * Outlook for Mac, Outlook's older plain text and Windows' Courrier, which write the lines with no
 * separator above (`De : ... [mailto:...]`, `Envoyé le :vendredi 4 décembre 2026 10:12`), and a
 * separator whose date is written in a form not read (Proton's `Date: On Friday, December 4th, 2026 at
 * 10:12 AM`). Once such lines name a mail system as the sender, the text below is a forwarded notice:
 * the forwarding message's own Date (when the customer passed it on, often a day later) is not its
 * date, even when the lines' own date cannot be read.
 */
import { clientDate, unsettledSlashedDate } from './client-date';
import { parseDate } from './dates';
import { type SlashedOrder, slashedOrderOf } from './forward-date-order';
import { FORWARD_MARKER, type ForwardedDate, OUTLOOK_SENT_LABEL } from './forward-header-date';

export interface ForwardBlock {
  /** The notice's date as its forward lines give it; null when they give none that reads. */
  date: ForwardedDate | null;
  /** When `date` is null: the date line's slashed date as written (`04/05/2026`), read both ways. */
  unsettled?: string;
  /** The block's first line (its separator, or its From line). */
  line: string;
}

/** Quote marks before a line (Orange's webmail quotes what it forwards). */
const QUOTE = /^\s{0,4}(?:>\s?){0,3}/;
/** Orange's webmail: `Message du 04/12/26 10:12` (day, month, two-digit year), the user's local time. */
const ORANGE_WEBMAIL = /^Message du (\d{2})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2})\s*$/;
/**
 * Zimbra in French (Free's webmail among others): `----- Mail transféré -----`, `----- Mail original -----`.
 */
const ZIMBRA_MARKER = /^\s{0,4}-{3,}\s?Mail (?:transf[ée]r[ée]|original)\s?-{3,}\s*$/i;
/** From in the languages Gmail translates it to (it leaves Date, Subject and To in English). */
export const FROM_LINE = /^(?:From|De|Von|Da|Od|Van|Fra|Från|Lähettäjä)\s{0,4}:/i;
/**
 * Outlook's `Sent:`/`Envoyé :` (in Polish `Wysłane:`, Danish and Norwegian `Sendt:`, Swedish `Skickat:`,
 * Finnish `Lähetetty:`, German `Gesendet:`), Windows' Courrier `Envoyé le :`, Gmail's and others' `Date:`,
 * Apple Mail's in Polish, Danish and Norwegian, Swedish, Finnish, Italian, Spanish (`Data:`, `Dato:`,
 * `Datum:`, `Päivämäärä:`, `Fecha:`).
 */
const DATE_LINE =
  /^(Date|Data|Dato|Datum|Fecha|Päivämäärä|Sent|Envoy[ée](?: le)?|Gesendet|Wysłane|Sendt|Skickat|Lähetetty)\s{0,4}:\s{0,4}(\S.{8,80})$/i;
export const SUBJECT_LINE = /^(?:Subject|Objet|Sujet|Betreff|Temat|Emne|Ämne|Aihe)\s{0,4}:/i;
/** How many lines under a separator (or after a From line) the block's lines are looked for in. */
const BLOCK_LINES = 7;

export const unquoted = (line: string) => line.replace(QUOTE, '').trim();

/**
 * Proton's `On Friday, December 4th, 2026 at 10:12 AM`: without `On` and the ordinal, as clientDate reads it.
 */
function plainerDate(value: string): string {
  return value.replace(/^On\s+/i, '').replace(/\b(\d{1,2})(?:st|nd|rd|th)\b/i, '$1');
}

/** A date line's value as a ForwardedDate; null when it does not read. */
function readDate(
  value: string,
  line: string,
  outlook: boolean,
  slashed: SlashedOrder,
): ForwardedDate | null {
  const parsed = parseDate(value) ?? clientDate(value, slashed) ?? clientDate(plainerDate(value), slashed);
  if (!parsed) return null;
  if (parsed.hadZone) return { text: parsed.iso, hadZone: true, line, outlook };
  const text = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.exec(parsed.iso)?.[0];
  return text ? { text, hadZone: false, line, outlook } : null;
}

/**
 * The date line among the block's lines, read (a slashed date in the order its labels' language
 * settles, forward-date-order.ts); its slashed date as written when it reads both ways.
 */
export function blockDate(lines: readonly string[]): Pick<ForwardBlock, 'date' | 'unsettled'> {
  const plain = lines.map(unquoted);
  for (const line of lines) {
    const m = DATE_LINE.exec(unquoted(line));
    if (!m) continue;
    const slashed = slashedOrderOf(m[1] as string, plain);
    const date = readDate(m[2] as string, line, OUTLOOK_SENT_LABEL.test(m[1] as string), slashed);
    const unsettled = date ? null : unsettledSlashedDate(m[2] as string, slashed);
    return unsettled ? { date, unsettled } : { date };
  }
  return { date: null };
}

/** `Message du 04/12/26 10:12` as a zone-less date. */
function orangeWebmailDate(m: RegExpExecArray, line: string): ForwardedDate | null {
  const [, day, month, year, hour, minute] = m;
  if (Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > 31) return null;
  return { text: `20${year}-${month}-${day}T${hour}:${minute}:00`, hadZone: false, line, outlook: false };
}

/**
 * The forward block starting at `lines[i]` whose From names a mail system (`isSystemFrom`), or null.
 * Separators forward-header-date.ts reads are taken here only when it found no date under them.
 */
export function forwardBlockAt(
  lines: readonly string[],
  i: number,
  isSystemFrom: (line: string) => boolean,
): ForwardBlock | null {
  const line = lines[i] as string;
  const plain = unquoted(line);
  if (plain === '') return null;
  // (The lines below are cut out only under a separator: this runs on every line of a body.)
  const webmail = ORANGE_WEBMAIL.exec(plain);
  if (webmail)
    return systemFromBelow(lines, i, isSystemFrom) ? { date: orangeWebmailDate(webmail, line), line } : null;
  if (FORWARD_MARKER.test(line) || ZIMBRA_MARKER.test(line)) {
    const below = lines.slice(i + 1, i + 1 + BLOCK_LINES);
    return systemFromBelow(lines, i, isSystemFrom) ? { ...blockDate(below), line } : null;
  }
  if (NOTICE_RETURN_PATH.test(plain)) return noticeOwnHeader(lines, i, isSystemFrom);
  // No separator: a From line naming a mail system at the start of a paragraph, with a date line and
  // a subject line right under it, is the header a client wrote above what it forwards.
  if (!FROM_LINE.test(plain) || !isSystemFrom(plain)) return null;
  if (i > 0 && unquoted(lines[i - 1] as string) !== '') return null;
  const next = lines.slice(i + 1, i + 5).map(unquoted);
  if (!next.some((l) => DATE_LINE.test(l)) || !next.some((l) => SUBJECT_LINE.test(l))) return null;
  return { ...blockDate(lines.slice(i + 1, i + 5)), line };
}

/** Whether one of the BLOCK_LINES lines below `lines[i]` is a From line naming a mail system. */
function systemFromBelow(
  lines: readonly string[],
  i: number,
  isSystemFrom: (line: string) => boolean,
): boolean {
  const end = Math.min(lines.length, i + 1 + BLOCK_LINES);
  for (let k = i + 1; k < end; k++) {
    const plain = unquoted(lines[k] as string);
    if (FROM_LINE.test(plain) && isSystemFrom(plain)) return true;
  }
  return false;
}

/** A bounce's own Return-Path, empty (`Return-Path: <>`), as qmail's notice starts its header. */
const NOTICE_RETURN_PATH = /^Return-Path:\s{0,4}<>\s*$/i;
/** A line of a message header (`Received: (qmail 12122 invoked for bounce); ...`, `To: ...`). */
const HEADER_LINE = /^[A-Za-z][A-Za-z0-9-]{0,40}:\s/;

/**
 * A notice's own header quoted in a post (`> Return-Path: <>`, `> Date: 17 Oct 2018 07:43:13 -0000`,
 * `> From: MAILER-DAEMON@...`), as qmail writes it: its Date above its From, so no From line starts
 * it. Read from its empty Return-Path at the start of a paragraph, up to the first line that is no
 * header line, when that block names a mail system as the sender and has a date and a subject line.
 */
function noticeOwnHeader(
  lines: readonly string[],
  i: number,
  isSystemFrom: (line: string) => boolean,
): ForwardBlock | null {
  if (i > 0 && unquoted(lines[i - 1] as string) !== '') return null;
  const block: string[] = [];
  for (const line of lines.slice(i + 1, i + 1 + BLOCK_LINES)) {
    if (!HEADER_LINE.test(unquoted(line))) break;
    block.push(line);
  }
  const plain = block.map(unquoted);
  if (!plain.some((l) => FROM_LINE.test(l) && isSystemFrom(l))) return null;
  if (!plain.some((l) => SUBJECT_LINE.test(l))) return null;
  const { date } = blockDate(block);
  return date ? { date, line: lines[i] as string } : null;
}
