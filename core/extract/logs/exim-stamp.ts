/**
 * Where an Exim main log record starts: its stamp, maybe its pid, and the message id
 * (`2014-10-15 12:42:12 1XeRdP-0006JC-FO `), as a regular expression's source. Readers of text that runs
 * records together (a flattened paste, a reply glued to the next record) look for it mid-line.
 */
export const EXIM_RECORD_START = String.raw`\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{3})? (?:\[\d{1,10}\] )?[0-9A-Za-z]{6}-[0-9A-Za-z]{6,11}-[0-9A-Za-z]{2,4} `;
