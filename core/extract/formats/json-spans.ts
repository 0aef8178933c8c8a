/**
 * Where each top-level value of a JSON paste lies, as 1-based line ranges: the elements of a top-level
 * array, or one value per line of NDJSON, or the whole text for one object. A batch of events (Mandrill
 * posts up to a thousand) repeats its senders and dates from one event to the next: each event's values
 * are cited from its own lines. One pass over the text, strings and escapes respected.
 */
export interface LineSpan {
  from: number;
  to: number;
}

const NEWLINE = 10;
const CR = 13;

export function topLevelSpans(text: string): LineSpan[] {
  const spans: LineSpan[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let start = 0;
  // Depth at which values are counted: 1 inside a top-level array, 0 for objects side by side (NDJSON).
  let valueDepth = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE || (c === CR && text.charCodeAt(i + 1) !== NEWLINE)) {
      line++;
      continue;
    }
    if (inString) {
      if (c === 92)
        i++; // backslash: the next character is escaped
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) {
      if (depth === valueDepth && start === 0) start = line;
      inString = true;
    } else if (c === 91 || c === 123) {
      if (valueDepth === -1) valueDepth = c === 91 ? 1 : 0;
      if (depth === valueDepth && start === 0) start = line;
      depth++;
    } else if (c === 93 || c === 125) {
      if (depth === valueDepth && start > 0) {
        spans.push({ from: start, to: line }); // the array's last value, a number or a string
        start = 0;
      }
      depth--;
      if (depth === valueDepth && start > 0) {
        spans.push({ from: start, to: line });
        start = 0;
      }
    } else if (depth === valueDepth && start === 0 && c > 32 && c !== 44) {
      start = line; // a number, true, false or null in the array
    } else if (depth === valueDepth && start > 0 && c === 44) {
      spans.push({ from: start, to: line });
      start = 0;
    }
  }
  return spans;
}

/**
 * A string value as the paste writes it inside JSON (escapes and all), cut to `max` characters: what
 * to search the paste's lines for to cite the value.
 */
export function jsonPiece(value: string, max = 60): string {
  return JSON.stringify(value).slice(1, -1).slice(0, max);
}

/**
 * The texts of JSON values written one after the other (`{...}{...}`, or pretty-printed objects pasted
 * one below the other), or null when the text is not only such values (a string, a stray character).
 */
export function concatenatedValues(text: string): string[] | null {
  const values: string[] = [];
  let depth = 0;
  let inString = false;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) {
      if (depth === 0) return null;
      inString = true;
    } else if (c === 123 || c === 91) {
      if (depth++ === 0) start = i;
    } else if (c === 125 || c === 93) {
      if (--depth < 0) return null;
      if (depth === 0) values.push(text.slice(start, i + 1));
    } else if (depth === 0 && c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 44) return null;
  }
  return depth === 0 && values.length > 1 ? values : null;
}

/**
 * The line ranges of a text's JSON objects by object depth (1 for a top-level object; braces only, arrays do
 * not count), each depth's in the order they open: one pass, for `objectSpanAt` to look up each event's own
 * lines in a batch of thousands.
 */
export function objectSpansByDepth(text: string): LineSpan[][] {
  const byDepth: LineSpan[][] = [];
  const opened: number[] = [];
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE || (c === CR && text.charCodeAt(i + 1) !== NEWLINE)) line++;
    else if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123) {
      opened.push(line);
      byDepth[opened.length] ??= [];
      byDepth[opened.length]?.push({ from: line, to: -1 });
    } else if (c === 125 && opened.length > 0) {
      const spans = byDepth[opened.length];
      const open = spans?.[spans.length - 1];
      if (open) open.to = line;
      opened.pop();
    }
  }
  return byDepth;
}

/**
 * The lines of the object at `depth` that holds `line` (an event's own record, so a page of records that
 * all name the same fields, MailBaby's, cites each from its own); null when none holds it.
 */
export function objectSpanAt(byDepth: LineSpan[][], line: number, depth: number): LineSpan | null {
  const spans = byDepth[depth] ?? [];
  let lo = 0;
  let hi = spans.length - 1;
  // The last object opened on or before the line.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((spans[mid]?.from ?? 0) <= line) lo = mid;
    else hi = mid - 1;
  }
  const span = spans[lo];
  return span && span.from <= line && span.to >= line ? span : null;
}
