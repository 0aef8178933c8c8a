/**
 * PowerMTA accounting dates as a spreadsheet writes them back: a file opened in Excel and saved again
 * in a French (or other day-first) locale has `05/12/2026 10:04` (minutes only, Excel's default date
 * format) or `05/12/2026 10:04:33` where PowerMTA wrote `2026-12-05 10:04:33`, and `;` between fields.
 * `05/12/2026` is 5 December or 12 May: it is read day first only when the file shows it, by a first
 * number above 12 in some row's date (`13/12/2026`), or by its `;` separator (Excel writes the list
 * separator of the system's locale, `;` where the decimal mark is a comma, and those locales write the
 * day first). A second number above 12 shows the month first. Until the file shows an order, rows with an
 * ambiguous date wait (see PendingDates); at its end those still waiting keep no date, with a note.
 */
import type { Note } from '../../../types';
import type { RawRejection, ScanContext } from '../model';
import type { RawStamp } from '../time';

const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;

export type DateOrder = 'day-first' | 'month-first';

export interface SlashedDate {
  first: number;
  second: number;
  year: string;
  time: string;
  /** False when the spreadsheet kept minutes only. */
  seconds: boolean;
}

/** A `dd/mm/yyyy hh:mm[:ss]` or `mm/dd/yyyy ...` value, or null. */
export function slashedDate(value: string | undefined): SlashedDate | null {
  if (!value?.includes('/')) return null;
  const m = SLASHED.exec(value.trim());
  if (!m) return null;
  const hour = (m[4] ?? '').padStart(2, '0');
  return {
    first: Number(m[1]),
    second: Number(m[2]),
    year: m[3] ?? '',
    time: `${hour}:${m[5]}:${m[6] ?? '00'}`,
    seconds: m[6] !== undefined,
  };
}

/** The order a date shows by itself (a number above 12 cannot be a month), or null. */
export function orderShownBy(date: SlashedDate): DateOrder | null {
  if (date.first > 12 && date.second <= 12) return 'day-first';
  if (date.second > 12 && date.first <= 12) return 'month-first';
  return null;
}

/** The date read in `order`, or null when it is no calendar date. */
export function stampIn(date: SlashedDate, order: DateOrder): RawStamp | null {
  const day = order === 'day-first' ? date.first : date.second;
  const month = order === 'day-first' ? date.second : date.first;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const two = (n: number) => String(n).padStart(2, '0');
  return { kind: 'local', date: `${date.year}-${two(month)}-${two(day)}`, time: date.time };
}

const why = {
  separator: {
    fr: 'le fichier est séparé par des points-virgules, comme l’enregistre un tableur réglé en français ou dans une autre langue qui écrit le jour en premier',
    en: 'the file is separated by semicolons, as a spreadsheet set to French or another day-first language saves it',
  },
  day: {
    fr: 'une date du fichier a un premier nombre supérieur à 12, qui ne peut être qu’un jour',
    en: 'a date of the file has a first number above 12, which can only be a day',
  },
  month: {
    fr: 'une date du fichier a un deuxième nombre supérieur à 12, qui ne peut être qu’un jour',
    en: 'a date of the file has a second number above 12, which can only be a day',
  },
};

export type OrderEvidence = keyof typeof why;

/** Said beside a date read from a slashed value: in which order, and what in the file shows it. */
export function orderNote(order: DateOrder, evidence: OrderEvidence, seconds: boolean): Note {
  const minutes = seconds
    ? { fr: '', en: '' }
    : {
        fr: ' Le tableur n’a gardé que les minutes\u00a0: l’heure est exacte à la minute près.',
        en: ' The spreadsheet kept minutes only: the time is right to the minute.',
      };
  const read =
    order === 'day-first'
      ? { fr: 'jour, mois, année', en: 'day, month, year' }
      : { fr: 'mois, jour, année', en: 'month, day, year' };
  return {
    code: `powermta-${order}${seconds ? '' : '-minutes'}`,
    text: {
      fr: `Les dates du fichier PowerMTA (réenregistré par un tableur) ont été lues dans l’ordre ${read.fr}\u00a0: ${why[evidence].fr}.${minutes.fr}`,
      en: `The PowerMTA file's dates (saved again by a spreadsheet) were read in the order ${read.en}: ${why[evidence].en}.${minutes.en}`,
    },
  };
}

/** Said beside a row whose date the file never showed the order of: no date rather than a wrong one. */
export const AMBIGUOUS_DATE_NOTE: Note = {
  code: 'powermta-ambiguous-date',
  text: {
    fr: 'La date de cette ligne PowerMTA (réenregistrée par un tableur, par exemple 05/12/2026) peut se lire jour/mois ou mois/jour, et rien dans le fichier ne tranche\u00a0: elle n’a pas été reprise. Indiquez-la vous-même.',
    en: "This PowerMTA line's date (saved again by a spreadsheet, e.g. 05/12/2026) reads either day/month or month/day, and nothing in the file decides: it was not taken. Please fill it in.",
  },
};

/** Rows whose date waits for the file to show its order, at most this many (then they keep no date). */
const MAX_PENDING = 5000;

/** The file's date order as far as its rows have shown it, and the rows waiting for it. */
export class PendingDates {
  order: DateOrder | null = null;
  evidence: OrderEvidence | null = null;
  /** Set when rows show both orders: dates not yet read stay empty. */
  conflicting = false;
  private readonly waiting: { rejection: RawRejection; date: SlashedDate }[] = [];

  /** What a row's date shows; rows waiting are published once the order is known. */
  observe(date: SlashedDate, ctx: ScanContext): void {
    const shown = orderShownBy(date);
    if (!shown || this.conflicting) return;
    if (this.order === null) {
      this.order = shown;
      this.evidence = shown === 'day-first' ? 'day' : 'month';
      this.flush(ctx);
    } else if (this.order !== shown) {
      this.conflicting = true;
      this.order = null;
      this.flush(ctx);
    }
  }

  /** Gives the rejection its date if the order is known, else keeps it; false when kept. */
  date(rejection: RawRejection, date: SlashedDate): boolean {
    if (this.order !== null && this.evidence !== null) {
      rejection.stamp = stampIn(date, this.order);
      rejection.stampNote = orderNote(this.order, this.evidence, date.seconds);
      return true;
    }
    rejection.stamp = null;
    rejection.stampNote = AMBIGUOUS_DATE_NOTE;
    if (this.conflicting || this.waiting.length >= MAX_PENDING) return true;
    this.waiting.push({ rejection, date });
    return false;
  }

  /** Publishes the rows waiting: dated if the order is now known, else without date (the file's end). */
  flush(ctx: ScanContext): void {
    for (const { rejection, date } of this.waiting.splice(0)) {
      if (this.order !== null && this.evidence !== null) {
        rejection.stamp = stampIn(date, this.order);
        rejection.stampNote = orderNote(this.order, this.evidence, date.seconds);
      }
      ctx.emit(rejection);
    }
  }
}
