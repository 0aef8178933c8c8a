/**
 * A log line without its year (`Dec  3 14:02:11 mail postfix/smtp[...]`) quoted under a dated line of
 * the paste, a reply's attribution (`Le 03/12/2025 à 15:10, X a écrit :`, `On Wed, Dec 3, 2025 at
 * 3:10 PM X wrote:`) or a forum post's header (FluxBB's `#1 Le 03/12/2025, à 14:02`, as
 * forum.ubuntu-fr.org shows it, or a Mailman archive's page), was logged before that message was written:
 * its year is the one that puts it at or shortly before that date, chosen as the log scanner chooses it
 * against "now" (logs/time.ts), rather than against the day the paste is read. The note says which line gave the date.
 * Only where the lines below are known to be that message's: a quote marked `> ` line by line (an
 * unmarked line under it is the replier's), a post under its header. Under an attribution whose quote
 * lost its marks (an HTML reply copied as text) the quote's end is nowhere told, and the replier's own
 * log line pasted below it (`Voici ce que je vois aujourd’hui :`) was logged after the quoted message,
 * never before: its year stays the one chosen against "now", with the scanner's note.
 */
import type { ExtractionResult, ExtractOptions, Incident, Note } from '../types';
import { anyAttributionDate, holdsAttributionWords, looksLikeAttribution } from './attribution-date';
import { parseDateIn, wallClockText } from './dates';
import { monthNumber } from './logs/month-names';
import { resolveStamp } from './logs/time';
import { HEADER_DATE_HINT, isFromLine, messageHeaderDate } from './message-header-date';
import { SourceText } from './source-text';

/** The scanner's note for a year chosen against "now" (logs/time.ts). */
const YEAR_FROM_NOW = 'assumed-year-and-zone';

/** FluxBB's post header (`#1 Le 03/12/2025, à 14:02`): day first, as its French pack writes it. */
const FORUM_POST = /^\s{0,4}#\d{1,7} Le (\d{2})\/(\d{2})\/(\d{4}),? à (\d{2}):(\d{2})\s*$/;
const FORUM_POST_IN = /^\s{0,4}#\d{1,7} Le \d\d\//m;
/**
 * phpBB's post header as its prosilver style shows it, with the board's default date format (`D M d, Y
 * g:i a`): `Post by jdoe » Wed Dec 03, 2025 2:02 pm` (its relative `Today, 2:02 pm` tells no year).
 */
const PHPBB_POST =
  /^\s{0,4}(?:Post )?by [^\n»]{1,80} » (?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([A-Z][a-z]{2}) (\d{1,2}), (\d{4}) (\d{1,2}):(\d{2}) ?([ap]m)\s*$/i;
const PHPBB_POST_IN = / » (?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} \d{1,2}, \d{4} /;

/**
 * GitHub's issue page copied as text: `jdoe opened this issue on Dec 3, 2025 · 2 comments`, `jdoe
 * commented on Dec 3, 2025` (the year written for a date of another year than the reader's). No time:
 * the day's end, so that a log line of that day stays in its year.
 */
const GITHUB_POST =
  /^\s{0,4}@?[A-Za-z0-9][A-Za-z0-9-]{0,38} (?:commented|opened(?: this issue)?) on ([A-Z][a-z]{2}) (\d{1,2}), (\d{4})\b/;
const GITHUB_POST_IN = / (?:commented|opened(?: this issue)?) on [A-Z][a-z]{2} \d{1,2}, \d{4}\b/;

/**
 * A Mailman (pipermail) archive's message page copied as text: the author's name and address, the `@`
 * written ` at ` (`Benedict White Benedict.White at example.com`, the domain sometimes lost in the copy),
 * then the date on its own line as the archive prints it, `Thu Aug  8 00:05:37 CEST 2013`
 * (lists.amavis.org's amavis-users archive, 2013-August/002450): the lines below are that message's.
 */
const PIPERMAIL_DATE =
  /^\s{0,4}(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) [A-Z]{2,5} (\d{4})\s*$/;
const PIPERMAIL_DATE_IN =
  /^\s{0,4}(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} {1,2}\d{1,2} \d\d:\d\d:\d\d [A-Z]{2,5} \d{4}\s*$/m;
/** The author's line above it: an address written ` at `, its domain maybe lost. */
const PIPERMAIL_AUTHOR = /\S at(?: [A-Za-z0-9][A-Za-z0-9.-]{0,252})?\s*$/;

/** A pipermail page's date at `line`, under its author's line, or null. */
function pipermailDate(source: SourceText, line: number): Written | null {
  const m = PIPERMAIL_DATE.exec(source.line(line));
  if (!m || line < 2 || !PIPERMAIL_AUTHOR.test(source.line(line - 1))) return null;
  const [month, day, hour, minute, second, year] = [monthNumber(m[1] ?? ''), ...m.slice(2, 7).map(Number)];
  const wall = wallClockText(year ?? 0, month ?? 0, day ?? 0, hour ?? 0, minute ?? 0, second ?? 0);
  return wall ? { wall, dayOnly: false } : null;
}

/** A date as written (`YYYY-MM-DDTHH:MM:SS`, no zone); `dayOnly` when no time was written (GitHub's). */
interface Written {
  wall: string;
  dayOnly: boolean;
}

/** A forum post header's date, or null. */
function postDate(text: string): Written | null {
  const fluxbb = FORUM_POST.exec(text);
  if (fluxbb)
    return { wall: `${fluxbb[3]}-${fluxbb[2]}-${fluxbb[1]}T${fluxbb[4]}:${fluxbb[5]}:00`, dayOnly: false };
  const github = text.includes(' on ') ? GITHUB_POST.exec(text) : null;
  if (github) {
    const [day, year] = [Number(github[2]), Number(github[3])];
    const wall = wallClockText(year, monthNumber(github[1] ?? ''), day, 23, 59, 59);
    return wall ? { wall, dayOnly: true } : null;
  }
  const phpbb = text.includes(' » ') ? PHPBB_POST.exec(text) : null;
  if (!phpbb) return null;
  const [month, day, year, hour, minute] = [monthNumber(phpbb[1] ?? ''), ...phpbb.slice(2, 6).map(Number)];
  const wall = wallClockText(year ?? 0, month ?? 0, day ?? 0, hour ?? 0, minute ?? 0, 0, phpbb[6]);
  return wall ? { wall, dayOnly: false } : null;
}

interface DatedLine {
  line: number;
  /** The date as written, `YYYY-MM-DDTHH:MM:SS` without a zone. */
  wall: string;
  /** How the message's lines are told: a forum post's header, a quote marked `> `, or not at all. */
  kind: 'post' | 'marked' | 'unmarked';
  /** No time was written (the day's end stands in for it): the note names the day alone. */
  dayOnly: boolean;
}

/** The date of the message whose header lines start at `line` (message-header-date.ts), or null. */
function headerDate(source: SourceText, line: number): string | null {
  if (!isFromLine(source.line(line))) return null;
  const last = Math.min(source.lineCount, line + 4);
  const lines: string[] = [];
  for (let k = line; k <= last; k++) lines.push(source.line(k));
  return messageHeaderDate(lines);
}

function headerWritten(source: SourceText, line: number): Written | null {
  const wall = headerDate(source, line);
  return wall ? { wall, dayOnly: false } : null;
}

/** The paste's dated attribution, post-header and message-header lines, in order. */
function datedLines(source: SourceText): DatedLine[] {
  const out: DatedLine[] = [];
  for (let line = 1; line <= source.lineCount; line++) {
    const text = source.line(line);
    // (A message's header lines: its text below is the message's, as a post's under its header.)
    const post = postDate(text) ?? headerWritten(source, line) ?? pipermailDate(source, line);
    const wall = post ? post.wall : looksLikeAttribution(text) ? anyAttributionDate(text) : null;
    if (!wall) continue;
    const kind = post ? 'post' : nextTextLine(source, line).startsWith('>') ? 'marked' : 'unmarked';
    out.push({ line, wall, kind, dayOnly: post?.dayOnly === true });
  }
  return out;
}

/** The first line after `line` that is not blank, trimmed at its start. */
function nextTextLine(source: SourceText, line: number): string {
  for (let next = line + 1; next <= source.lineCount && next <= line + 5; next++) {
    const text = source.line(next).trimStart();
    if (text) return text;
  }
  return '';
}

/** The dated line nearest above `line` whose message holds it, or null. */
function datedAbove(dated: readonly DatedLine[], source: SourceText, line: number): DatedLine | null {
  let found: DatedLine | null = null;
  for (const d of dated) if (d.line < line) found = d;
  // Under a marked quote, an unmarked line is the replier's own, written after that date; under an
  // unmarked one, any line may be.
  if (found?.kind === 'unmarked') return null;
  if (found?.kind === 'marked' && !source.line(line).trimStart().startsWith('>')) return null;
  return found;
}

const WALL = /^\d{4}-(\d{2})-(\d{2})T(\d{2}:\d{2}:\d{2})/;

/** The date `iso` (a yearless stamp resolved against "now") with the year chosen against `now` instead. */
function redated(iso: string, now: Date, options: ExtractOptions): { iso: string; year: string } | null {
  const m = WALL.exec(iso);
  if (!m) return null;
  const stamp = { kind: 'syslog' as const, month: Number(m[1]), day: Number(m[2]), time: m[3] ?? '' };
  const resolved = resolveStamp(stamp, { now, assumeZone: options.assumeZone });
  return resolved.iso ? { iso: resolved.iso, year: resolved.iso.slice(0, 4) } : null;
}

function yearFromMessageNote(year: string, zone: string, d: DatedLine): Note {
  const [date = '', time = ''] = d.wall.split('T');
  const when = d.dayOnly ? date : `${date} ${time.slice(0, 5)}`;
  return {
    code: 'assumed-year-from-message',
    text: {
      fr: `La ligne de journal n’indique ni l’année ni le fuseau horaire\u00a0: année ${year} supposée, la plus récente qui ne place pas la ligne après le message qui la cite, daté du ${when} (ligne ${d.line})\u00a0; fuseau ${zone} supposé.`,
      en: `The log line gives neither the year nor the time zone: assumed year ${year}, the most recent one that does not put the line after the message quoting it, dated ${when} (line ${d.line}); zone ${zone} assumed.`,
    },
  };
}

/** `result` with the years of its yearless log lines taken from the dated line above them in `text`. */
export function withLogYearFromMessage(
  result: ExtractionResult,
  text: string,
  options: ExtractOptions,
): ExtractionResult {
  const yearless = (i: Incident) => i.assumptions.some((a) => a.code === YEAR_FROM_NOW);
  // Most results have no year to choose: the text is searched only for those that do (the four
  // expressions over the whole text were 2-3 % of a pass over the corpus's bounces).
  if (!result.incidents.some(yearless)) return result;
  const posts =
    FORUM_POST_IN.test(text) ||
    PHPBB_POST_IN.test(text) ||
    GITHUB_POST_IN.test(text) ||
    PIPERMAIL_DATE_IN.test(text) ||
    HEADER_DATE_HINT.test(text);
  if (!holdsAttributionWords(text) && !posts) return result;
  const source = new SourceText(text);
  const dated = datedLines(source);
  if (dated.length === 0) return result;
  const zone = options.assumeZone?.trim() || 'UTC';
  const incidents = result.incidents.map((incident) => {
    const line = incident.sources.occurredAt?.line;
    if (!yearless(incident) || !incident.occurredAt || line === undefined) return incident;
    const above = datedAbove(dated, source, line);
    const written = above ? parseDateIn(above.wall, options.assumeZone) : null;
    if (!above || !written) return incident;
    const now = new Date(written.iso);
    const date = redated(incident.occurredAt, now, options);
    if (!date) return incident;
    // The earlier error a 999 is linked to, from the same log, when its year was chosen as this one's.
    const before = incident.trigger?.occurredAt;
    const trigger =
      incident.trigger && before?.slice(0, 4) === incident.occurredAt.slice(0, 4)
        ? { ...incident.trigger, occurredAt: redated(before, now, options)?.iso ?? before }
        : incident.trigger;
    return {
      ...incident,
      occurredAt: date.iso,
      trigger,
      assumptions: incident.assumptions.map((a) =>
        a.code === YEAR_FROM_NOW ? yearFromMessageNote(date.year, zone, above) : a,
      ),
    };
  });
  return { ...result, incidents };
}
