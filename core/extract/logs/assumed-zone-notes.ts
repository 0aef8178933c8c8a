/**
 * The notes said of a log stamp completed from the assumed zone (and year): which were assumed, and
 * when the clocks changed at that time in that zone.
 */
import type { Note } from '../../types';
import { wallTimeAmbiguity } from '../zone-offset';
import { formatOffset } from './offset-text';

function zoneLabel(zone: string): string {
  return zone === 'UTC' ? 'UTC' : zone;
}

// The note of a year and zone, made once: every classic syslog stamp of a log says the same.
const yearZoneNotes = new Map<string, Note>();

export function yearZoneNote(year: number, zone: string): Note {
  const key = `${year}/${zone}`;
  let note = yearZoneNotes.get(key);
  if (note === undefined) {
    note = makeYearZoneNote(year, zone);
    if (yearZoneNotes.size >= 256) yearZoneNotes.clear();
    yearZoneNotes.set(key, note);
  }
  return note;
}

function makeYearZoneNote(year: number, zone: string): Note {
  const z = zoneLabel(zone);
  return {
    code: 'assumed-year-and-zone',
    text: {
      fr: `La ligne de journal n’indique ni l’année ni le fuseau horaire : année ${year} supposée (la plus récente qui ne place pas la ligne après l’heure qu’il est, quel que soit le fuseau) et fuseau ${z} supposé.`,
      en: `The log line gives neither the year nor the time zone: assumed year ${year} (the most recent one that does not put the line after the present time in any time zone) and zone ${z}.`,
    },
  };
}

export function zoneNote(zone: string): Note {
  const z = zoneLabel(zone);
  return {
    code: 'assumed-zone',
    text: {
      fr: `La ligne de journal n’indique pas le fuseau horaire : fuseau ${z} supposé.`,
      en: `The log line gives no time zone: zone ${z} assumed.`,
    },
  };
}

/**
 * The note of an assumed zone, saying also when the clocks changed at that time in that zone: the time
 * happened twice (the offset taken and the other one are both said) or never.
 */
export function withClockChange(note: Note, zone: string, local: number, offset: number): Note {
  const change = wallTimeAmbiguity(zone, local);
  if (!change) return note;
  const o = formatOffset(offset);
  const other = formatOffset(offset === change.before ? change.after : change.before);
  const added =
    change.kind === 'overlap'
      ? {
          fr: `Cette heure a eu lieu deux fois dans ce fuseau (retour à l’heure d’hiver)\u00a0: elle a été lue en UTC${o}\u00a0; l’autre fois, c’était en UTC${other}. Vérifiez-la dans le journal (l’ordre des lignes le dit).`,
          en: `That time happened twice in that zone (the clocks went back): it was read at UTC${o}; the other time was at UTC${other}. Check it in the log (the order of the lines tells).`,
        }
      : {
          fr: `Cette heure n’a pas existé dans ce fuseau (passage à l’heure d’été)\u00a0: elle a été lue en UTC${o}\u00a0; vérifiez-la.`,
          en: `That time did not exist in that zone (the clocks went forward): it was read at UTC${o}; check it.`,
        };
  return { code: note.code, text: { fr: `${note.text.fr} ${added.fr}`, en: `${note.text.en} ${added.en}` } };
}
