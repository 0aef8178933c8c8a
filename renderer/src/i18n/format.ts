/** Dates, numbers and sizes written the way each language writes them. */
import { format } from 'date-fns';
import { enGB, fr as frLocale } from 'date-fns/locale';
import type { Lang } from '../../../core/types';

const ISO_WITH_ZONE =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

export interface WallClock {
  /** The moment's fields as written (in its own zone), as a local Date only used for formatting. */
  local: Date;
  /** "UTC+01:00", "UTC", or null when the text gave no zone. */
  zone: string | null;
}

/** Reads an ISO 8601 date-time keeping the wall-clock time and zone it was written in. */
export function readWallClock(iso: string): WallClock | null {
  const m = ISO_WITH_ZONE.exec(iso.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, z] = m;
  const local = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? '0'));
  if (Number.isNaN(local.getTime()) || local.getMonth() !== Number(mo) - 1) return null;
  let zone: string | null = null;
  if (z === 'Z') zone = 'UTC';
  else if (z) zone = `UTC${z.length === 5 ? `${z.slice(0, 3)}:${z.slice(3)}` : z}`;
  return { local, zone };
}

/** "lundi 16 décembre 2019 à 22:00:18 (UTC+01:00)" / "Monday 16 December 2019 at 22:00:18 (UTC+01:00)". */
export function formatOccurredAt(iso: string, lang: Lang): string | null {
  const wall = readWallClock(iso);
  if (!wall) return null;
  const text =
    lang === 'fr'
      ? format(wall.local, "EEEE do MMMM yyyy 'à' HH:mm:ss", { locale: frLocale })
      : format(wall.local, "EEEE d MMMM yyyy 'at' HH:mm:ss", { locale: enGB });
  return wall.zone ? `${text} (${wall.zone})` : text;
}

/** A short form for lists: "16/12/2019 22:00" / "16 Dec 2019 22:00". */
export function formatShortDate(iso: string, lang: Lang): string | null {
  const wall = readWallClock(iso);
  if (!wall) return null;
  return lang === 'fr'
    ? format(wall.local, 'dd/MM/yyyy HH:mm', { locale: frLocale })
    : format(wall.local, 'd MMM yyyy HH:mm', { locale: enGB });
}

const numberFormats: Record<Lang, Intl.NumberFormat> = {
  fr: new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }),
};

export function formatNumber(n: number, lang: Lang): string {
  return numberFormats[lang].format(n);
}

/** Size in bytes, kB or MB with the language's number format (unit keys come from the catalogue). */
export function sizeParts(bytes: number): { unit: 'size.bytes' | 'size.kb' | 'size.mb'; value: number } {
  if (bytes < 1000) return { unit: 'size.bytes', value: bytes };
  if (bytes < 1_000_000) return { unit: 'size.kb', value: Math.round(bytes / 100) / 10 };
  return { unit: 'size.mb', value: Math.round(bytes / 100_000) / 10 };
}
