/**
 * At most MAX_INCIDENTS incidents from one paste that is no log. A real paste gives a few (the largest
 * of the fixtures and corpus, Sisimai's reference list, 417); a paste of ten megabytes of one refusal
 * repeated gave 150,000, each holding its lines and notes, and the CLI died printing them (an
 * adversarial audit). The first ones are kept, in the order of the text, and a warning says how many
 * were read and from which line the text was not. A log is read whole: its refusals are its record
 * (the CLI points large logs to `summarize`, which streams them).
 */
import type { ExtractionResult, Incident } from '../types';
import { keptNotes, note } from './notes';

export const MAX_INCIDENTS = 1000;

/**
 * Replies found beyond this many in one text are not made incidents by a reader (a few may still be
 * merged or dropped, hence more than MAX_INCIDENTS): each costs its lines and notes, and a paste of
 * millions would not fit in memory before withIncidentCap cut it.
 */
export const MAX_REPLIES_READ = 4 * MAX_INCIDENTS;

/**
 * The incidents a log's reader gave (asLogResult). Not told by their format: a notice's incident is
 * named after its MTA too (`postfix`), and an mbox of 6,000 Postfix notices is no log.
 */
const LOG_INCIDENTS = new WeakSet<Incident>();

/** The result of a log's reader, its incidents marked as a log's (never cut by withIncidentCap). */
export function asLogResult(result: ExtractionResult): ExtractionResult {
  for (const incident of result.incidents) LOG_INCIDENTS.add(incident);
  return result;
}

export const TOO_MANY_INCIDENTS = 'input.too-many-incidents';

/** `1000` as English writes it (`1,000`) or French (`1 000`, with a no-break space). */
function grouped(n: number, separator: string): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, separator);
}

/**
 * The warning of a paste cut after MAX_INCIDENTS incidents, the next one on `line`, which the last kept
 * one may share (a one-line paste).
 */
function tooManyIncidents(line: number | null, shared: boolean) {
  const [max, maxEn] = [grouped(MAX_INCIDENTS, '\u00a0'), grouped(MAX_INCIDENTS, ',')];
  const at = line === null ? null : { fr: grouped(line, '\u00a0'), en: grouped(line, ',') };
  const rest = !at
    ? { fr: 'la suite du texte ne l’a pas été', en: 'the rest of the text was not' }
    : shared
      ? {
          fr: `la suite de la ligne ${at.fr} et le texte après elle ne l’ont pas été`,
          en: `the rest of line ${at.en} and the text after it were not`,
        }
      : {
          fr: `le texte à partir de la ligne ${at.fr} ne l’a pas été`,
          en: `the text from line ${at.en} on was not`,
        };
  return note(
    TOO_MANY_INCIDENTS,
    `Le texte contient trop de refus (au plus ${max} incidents par texte)\u00a0: seuls les ${max} premiers ont été lus, ${rest.fr}. Collez la suite à part.`,
    `The text holds too many refusals (at most ${maxEn} incidents per text): only the first ${maxEn} were read, ${rest.en}. Paste the rest apart.`,
  );
}

/**
 * The warning of a reader that stopped after MAX_REPLIES_READ replies, which gave `incidents` (equal
 * replies on one line are one incident), the rest of the text left unread.
 */
export function tooManyReplies(incidents: number) {
  const read = { fr: grouped(MAX_REPLIES_READ, '\u00a0'), en: grouped(MAX_REPLIES_READ, ',') };
  const [fr, en] = [grouped(incidents, '\u00a0'), grouped(incidents, ',')];
  const plural = incidents === 1 ? '' : 's';
  return note(
    TOO_MANY_INCIDENTS,
    `Le texte contient trop de réponses SMTP pour être lu en entier\u00a0: seules les ${read.fr} premières ont été lues (${fr} incident${plural}), la suite du texte ne l’a pas été. Collez-la à part.`,
    `The text holds too many SMTP replies to be read whole: only the first ${read.en} were read (${en} incident${plural}), the rest of the text was not. Paste it apart.`,
  );
}

/** True when a log's reader gave the incident. */
export const isLogIncident = (incident: Incident): boolean => LOG_INCIDENTS.has(incident);

/** True when the incidents are a log's (one of them read by a log's reader). */
function isLog(incidents: readonly Incident[]): boolean {
  return incidents.some((i) => LOG_INCIDENTS.has(i));
}

/** The first line an incident cites (its reply's, else the first of its sources), or null. */
function firstLine(incident: Incident): number | null {
  const lines = Object.values(incident.sources).map((ref) => ref?.line ?? Number.POSITIVE_INFINITY);
  const first = incident.sources.reply?.line ?? Math.min(...lines);
  return Number.isFinite(first) ? first : null;
}

/**
 * The result with at most MAX_INCIDENTS incidents when it is no log's, the numbered warnings of those
 * left out dropped and the cut told; a warning of an earlier cut (a reader's, without the line) is
 * replaced by this one.
 */
export function withIncidentCap(result: ExtractionResult): ExtractionResult {
  const { incidents } = result;
  if (incidents.length <= MAX_INCIDENTS || isLog(incidents)) return result;
  const kept = incidents.map((_, k) => k < MAX_INCIDENTS);
  const warnings = keptNotes(
    result.warnings.filter((w) => w.code !== TOO_MANY_INCIDENTS),
    kept,
    0,
  );
  const next = firstLine(incidents[MAX_INCIDENTS] as Incident);
  const cut = tooManyIncidents(next, next === firstLine(incidents[MAX_INCIDENTS - 1] as Incident));
  return { incidents: incidents.slice(0, MAX_INCIDENTS), warnings: [cut, ...warnings] };
}

/** The first MAX_REPLIES_READ of replies found in text order, and the 0-based line of the first left out. */
export function boundedReplies<T extends { lineIndex: number }>(
  found: T[],
): { replies: T[]; cutAt: number | null } {
  if (found.length <= MAX_REPLIES_READ) return { replies: found, cutAt: null };
  return { replies: found.slice(0, MAX_REPLIES_READ), cutAt: (found[MAX_REPLIES_READ] as T).lineIndex };
}

/**
 * The result with a reader's warning of replies left unread counting the incidents left now (equal
 * ones merged since: identical-incidents.ts).
 */
export function withCutRecounted(result: ExtractionResult): ExtractionResult {
  const at = result.warnings.findIndex((w) => w.code === TOO_MANY_INCIDENTS);
  if (at < 0 || result.incidents.length > MAX_INCIDENTS) return result;
  const warnings = [...result.warnings];
  warnings[at] = tooManyReplies(result.incidents.length);
  return { ...result, warnings };
}
