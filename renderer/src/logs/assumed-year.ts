/**
 * A group whose dates carry a year the log did not write (a syslog line has none: the extraction assumed
 * the most recent year that fits, and said so in a note). The main tab lists that note under the fields;
 * the groups table flags the dates and shows the note once above it.
 */
import type { IncidentGroup } from '../../../core/summary';
import type { Note } from '../../../core/types';

/** The extraction's notes for a year assumed (core/extract/logs, core/extract/quoted-log-year.ts). */
const ASSUMED_YEAR = new Set(['assumed-year-and-zone', 'assumed-year-from-message']);

/** The note saying the year of the group's dates was assumed, or null when the log gave it. */
export function assumedYearNote(group: IncidentGroup): Note | null {
  return group.example.assumptions.find((note) => ASSUMED_YEAR.has(note.code)) ?? null;
}

/** The different notes of assumed years among the groups (one per year assumed, in order). */
export function assumedYearNotes(groups: readonly IncidentGroup[]): Note[] {
  const seen = new Map<string, Note>();
  for (const group of groups) {
    const note = assumedYearNote(group);
    if (note && !seen.has(note.text.en)) seen.set(note.text.en, note);
  }
  return [...seen.values()];
}
