/**
 * Month names as Outlook writes them in a Polish, Danish, Norwegian (bokmål), Swedish or Finnish forward's
 * sent line (`Wysłane: czwartek, 4 grudnia 2026 10:12`, `Sendt: torsdag den 4. december 2026 10:12`,
 * `Skickat: den 4 december 2026 10:12`, `Lähetetty: torstai 4. joulukuuta 2026 10.12`): Polish in the
 * genitive and Finnish in the partitive, the cases those languages put a month in after its day. Also their
 * abbreviations as Gmail writes them in its forward's `Date:` line (`pt., 4 gru 2026 o 10:12`,
 * `fre. 4. des. 2026 kl. 10:12`, `pe 4. jouluk. 2026 klo 10.12`): CLDR's abbreviated format names, Finnish
 * ones with their dot (read after the name, as for every month). Kept apart from logs/time.ts's monthNumber,
 * which reads a name by its first three letters for log stamps: Finnish `marraskuuta` (November) begins as
 * March does, and Polish `lis`, `sie`, `lip` would make three-letter words read as syslog months.
 */
const NAMES: Record<string, number> = {
  // Polish, genitive.
  stycznia: 1,
  lutego: 2,
  marca: 3,
  kwietnia: 4,
  maja: 5,
  czerwca: 6,
  lipca: 7,
  sierpnia: 8,
  września: 9,
  października: 10,
  listopada: 11,
  grudnia: 12,
  // Polish, abbreviated (`mar` and `maj` are read as the English and Danish names already are).
  sty: 1,
  lut: 2,
  kwi: 4,
  cze: 6,
  lip: 7,
  sie: 8,
  wrz: 9,
  paź: 10,
  lis: 11,
  gru: 12,
  // Danish, Norwegian and Swedish, where they are not English, French or German names already read.
  marts: 3,
  maj: 5,
  augusti: 8,
  desember: 12,
  // Norwegian, abbreviated (`des.`; the other Danish, Norwegian and Swedish abbreviations are English).
  des: 12,
  // Finnish, partitive.
  tammikuuta: 1,
  helmikuuta: 2,
  maaliskuuta: 3,
  huhtikuuta: 4,
  toukokuuta: 5,
  kesäkuuta: 6,
  heinäkuuta: 7,
  elokuuta: 8,
  syyskuuta: 9,
  lokakuuta: 10,
  marraskuuta: 11,
  joulukuuta: 12,
  // Finnish, abbreviated (`marrask.` is November, `maalisk.` March).
  tammik: 1,
  helmik: 2,
  maalisk: 3,
  huhtik: 4,
  toukok: 5,
  kesäk: 6,
  heinäk: 7,
  elok: 8,
  syysk: 9,
  lokak: 10,
  marrask: 11,
  jouluk: 12,
};

/** The names as a regular-expression alternation, longest first so none stops inside another. */
export const NORDIC_POLISH_MONTH = Object.keys(NAMES)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** 1-12 for one of these full names (any case), or 0. */
export function nordicPolishMonthNumber(name: string): number {
  return NAMES[name.toLowerCase()] ?? 0;
}
