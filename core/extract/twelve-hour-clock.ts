/**
 * The hour of a time written on a 12-hour clock (`12:05 AM`, `9:47:12 PM`, `3:10 p.m.`) on the 24-hour
 * clock: 12 AM is midnight (00), 12 PM is noon (12), 1 to 11 PM are 13 to 23. `meridiem` is read by its
 * first letter (`A`, `am`, `P.M.`); without one the hour is already on the 24-hour clock and is kept. An
 * hour of 0 or above 12 beside AM/PM is no time a clock writes: null, so that the date is left unread
 * rather than guessed.
 */
export function twentyFourHour(hour: number, meridiem?: string): number | null {
  const letter = meridiem?.charAt(0).toUpperCase();
  if (letter !== 'A' && letter !== 'P') return hour;
  if (!Number.isInteger(hour) || hour < 1 || hour > 12) return null;
  return (hour % 12) + (letter === 'P' ? 12 : 0);
}
