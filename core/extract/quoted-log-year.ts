/**
 * A log line without its year (`Dec  3 14:02:11 mail postfix/smtp[...]`) quoted under a dated line of
 * the paste, a reply's attribution (`Le 03/12/2025 à 15:10, X a écrit :`, `On Wed, Dec 3, 2025 at
 * 3:10 PM X wrote:`) or a forum post's header (FluxBB's `#1 Le 03/12/2025, à 14:02`, as
 * forum.ubuntu-fr.org shows it), was logged before that message was written: its year is the one that
 * puts it at or shortly before that date, chosen as the log scanner chooses it against "now"
 * (logs/time.ts), rather than against the day the paste is read. The note says which line gave the date.
 * Only where the lines below are known to be that message's: a quote marked `> ` line by line (an
 * unmarked line under it is the replier's), a post under its header. Under an attribution whose quote
 * lost its marks (an HTML reply copied as text) the quote's end is nowhere told, and the replier's own
 * log line pasted below it (`Voici ce que je vois aujourd’hui :`) was logged after the quoted message,
 * never before: its year stays the one chosen against "now", with the scanner's note.
 */
import type { ExtractionResult, ExtractOptions, Incident, Note } from '../types';
import { anyAttributionDate, holdsAttributionWords, looksLikeAttribution } from './attribution-date';
import { parseDateIn } from './dates';
import { resolveStamp } from './logs/time';
import { SourceText } from './source-text';

/** The scanner's note for a year chosen against "now" (logs/time.ts). */
const YEAR_FROM_NOW = 'assumed-year-and-zone';

/** FluxBB's post header (`#1 Le 03/12/2025, à 14:02`): day first, as its French pack writes it. */
const FORUM_POST = /^\s{0,4}#\d{1,7} Le (\d{2})\/(\d{2})\/(\d{4}),? à (\d{2}):(\d{2})\s*$/;
const FORUM_POST_IN = /^\s{0,4}#\d{1,7} Le \d\d\//m;

interface DatedLine {
  line: number;
  /** The date as written, `YYYY-MM-DDTHH:MM:SS` without a zone. */
  wall: string;
  /** How the message's lines are told: a forum post's header, a quote marked `> `, or not at all. */
  kind: 'post' | 'marked' | 'unmarked';
}

/** The paste's dated attribution and post-header lines, in order. */
function datedLines(source: SourceText): DatedLine[] {
  const out: DatedLine[] = [];
  for (let line = 1; line <= source.lineCount; line++) {
    const text = source.line(line);
    const post = FORUM_POST.exec(text);
    const wall = post
      ? `${post[3]}-${post[2]}-${post[1]}T${post[4]}:${post[5]}:00`
      : looksLikeAttribution(text)
        ? anyAttributionDate(text)
        : null;
    if (!wall) continue;
    const kind = post ? 'post' : nextTextLine(source, line).startsWith('>') ? 'marked' : 'unmarked';
    out.push({ line, wall, kind });
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
  const when = `${date} ${time.slice(0, 5)}`;
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
  if (!result.incidents.some(yearless) || !(holdsAttributionWords(text) || FORUM_POST_IN.test(text)))
    return result;
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
