/** Month names and abbreviations of log lines and forward headers, to their number. */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Month abbreviations of the French and German locales (glibc's fr_FR `janv. févr. mars avril mai juin
 * juil. août sept. oct. nov. déc.`, de_DE `Jan Feb Mär Apr Mai Jun Jul Aug Sep Okt Nov Dez`), which
 * journalctl writes when run in such a locale (`Mär 08 20:48:47 webserver smtpd[88171]: ...`, quoted in
 * a German blog post), by their first three letters where they differ from English.
 */
const LOCALE_MONTHS: Record<string, number> = {
  fév: 2,
  fev: 2,
  mär: 3,
  avr: 4,
  mai: 5,
  aoû: 8,
  aou: 8,
  okt: 10,
  déc: 12,
  dez: 12,
  // Spanish, Italian, Dutch and Portuguese (client-date.ts reads their forward headers).
  ene: 1,
  gen: 1,
  maa: 3,
  abr: 4,
  mag: 5,
  mei: 5,
  giu: 6,
  lug: 7,
  ago: 8,
  set: 9,
  ott: 10,
  out: 10,
  dic: 12,
};

/**
 * 1-12 for an English, French, German, Spanish, Italian or Dutch month name or abbreviation, or 0. French
 * `juin` and `juil.` share their first three letters: the fourth tells them apart.
 */
export function monthNumber(name: string): number {
  const key = name.slice(0, 3).toLowerCase();
  const month = MONTHS.indexOf(key) + 1 || (LOCALE_MONTHS[key] ?? 0);
  if (month !== 0 || key !== 'jui') return month;
  const fourth = name.charAt(3).toLowerCase();
  return fourth === 'n' ? 6 : fourth === 'l' ? 7 : 0;
}
