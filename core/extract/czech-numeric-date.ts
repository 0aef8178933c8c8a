/**
 * The date part of Gmail's forward `Date:` line in Czech (`st 27. 10. 2021 v 9:31`): day, month and
 * year as numbers each closed by a dot and a space, then `v` before the time, after an optional
 * weekday abbreviation (po, út, st, čt, pá, so, ne). Czech writes numeric dates day first, and this
 * spaced-dot shape with its `v` is Czech's alone, so the order is known; a bare `4.12.2026` or a
 * slashed date is left to client-date.ts's numeric reading and its own rules.
 */
const WEEKDAY = String.raw`(?:(?:po|út|st|čt|pá|so|ne)\.?\s{1,2})?`;

/** Day, month, year groups, then the `v` joiner; client-date.ts appends its time and zone. */
export const CZECH_NUMERIC_DATE = String.raw`(?:^|\s)${WEEKDAY}(\d{1,2})\.\s{1,2}(\d{1,2})\.\s{1,2}(\d{4})\s{1,4}v\s{1,4}`;
