/**
 * The year and zone a classic syslog stamp (`Dec  4 10:12:18 mx1 postfix/smtp[…]`) lacks, read in a streamed
 * log as extract reads them in a pasted one (core/extract/logs/index.ts): from a Message-ID the MTA made
 * itself out of the UTC time (message-id-clock.ts: `message-id=<20261204091218.4F2A1C2E3D@mx1>`) (looked for
 * in the log's first WATCHED_LINES lines, as extract does, give or take a chunk) and from journalctl's
 * `-- Logs begin at …, end at … --` headers (journal-header-clock.ts; each run of journalctl appended to a
 * file prints its own, a log pasted above may push the first far down). Only the lines that may hold one are
 * parsed: the text is searched for their marks (indexOf), so the watch costs little while it lasts (some
 * 13 ms on the first 200,000 lines, 23 MB, of the generated 100 MB Postfix log: 24 ms when each journal
 * header had its own search), and nothing after it. What it keeps: one clock per
 * syslog host, the spans (MAX_SPANS at most); and the full name of each short syslog host that those lines
 * give (made-id-host.ts: a Message-ID made there, Postfix's `greeted me with my own hostname` warning),
 * MAX_HOSTS at most.
 */
import {
  MAX_LINES as JOURNAL_MAX_LINES,
  type JournalSpan,
  journalSpanOf,
  journalTimeOf,
  MAX_SPANS,
  spanAbove,
  withJournalYear,
} from '../extract/logs/journal-header-clock';
import {
  addFullHostName,
  addOwnHostname,
  type FullHostNames,
  knowsHost,
  MAX_HOSTS,
  OWN_HOSTNAME_MARK,
} from '../extract/logs/made-id-host';
import {
  addClockOf,
  clockTimeOf,
  type MadeIdClock,
  MAX_LINES as MESSAGE_ID_MAX_LINES,
  madeIdIn,
  withHostClock,
} from '../extract/logs/message-id-clock';
import type { ExtractOptions, Incident } from '../types';

/** Lines looked at, as extract does (both readers look at as many). */
export const WATCHED_LINES = Math.min(MESSAGE_ID_MAX_LINES, JOURNAL_MAX_LINES);

/**
 * What may show a clock: a Message-ID the MTA made, Postfix's `message-id=<` and Sendmail's `msgid=<` both
 * found by one search for their common end (a search for a mark costs about 1 ms per MB).
 */
const ID_MARK = 'id=<';
const JOURNAL_HEADERS = ['-- Logs begin at ', '-- Journal begins at '];
/**
 * The start both headers share: one search for it finds either (on the generated 100 MB Postfix log's
 * watched 23 MB, about 2 ms, where a search for each header took 5-6 ms).
 */
const HEADER_START = '-- ';
/** A partial line longer than this is not looked at again (a line of a log is seldom 8 KB long). */
const MAX_TAIL = 8192;

/** True when one of the journal headers starts at `at`. */
const isHeaderAt = (text: string, at: number) => JOURNAL_HEADERS.some((mark) => text.startsWith(mark, at));

/** The first line end of `text` (`\n`, or `\r` when it comes first), or -1. */
function firstLineEnd(text: string): number {
  const lf = text.indexOf('\n');
  const cr = lf < 0 ? text.indexOf('\r') : text.slice(0, lf).indexOf('\r');
  return cr >= 0 && (lf < 0 || cr < lf - 1) ? cr : lf;
}

/** The line number of `text`'s character `at` (a line start), its first on line `firstLine`: CRLF, LF or CR. */
function lineNoAt(text: string, at: number, firstLine: number): number {
  let lineNo = firstLine;
  for (let i = 0; i < at; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) lineNo++;
  }
  return lineNo;
}

/** True when `text` has, from `at`, the time a Message-ID is made of: 12 (Sendmail) or 14 (Postfix) digits, `.`. */
function madeOfTime(text: string, at: number): boolean {
  let i = at;
  while (i < at + 14 && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  return (i - at === 12 || i - at === 14) && text.charCodeAt(i) === 46;
}

export interface ClockWatch {
  /** True while the first WATCHED_LINES lines are read: an incident's date may still change. */
  readonly watching: boolean;
  /**
   * Looks at `text`, whose first character is on line `firstLine` (1-based; a partial line's rest
   * continues the line before), for a clock; ends the watch once `firstLine` passes WATCHED_LINES.
   */
  see(text: string, firstLine: number): void;
  /** Ends the watch (the rest of the log is read elsewhere, or it ended). */
  stop(): void;
  /** Dates an incident whose year and zone were assumed by a clock seen so far (its trigger too). */
  date(incident: Incident): void;
}

/**
 * `names` takes the full host names those Message-IDs give (made-id-host.ts), each with its line, as extract
 * reads them.
 */
export function createClockWatch(options: ExtractOptions = {}, names: FullHostNames = new Map()): ClockWatch {
  const clocks = new Map<string, MadeIdClock>();
  /** The journal headers seen, in line order (each dates the lines below it up to the next). */
  const spans: JournalSpan[] = [];
  let watching = true;
  /** The last text's partial line (a chunk may end anywhere), looked at again with the next text. */
  let tail = '';

  /**
   * The line holding `at`, without its line end. Its start is looked for in the MAX_TAIL characters before
   * `at` only: a search back to the text's start for a kind of line end it lacks (`\r` in a LF log) cost a
   * whole chunk per Message-ID line.
   */
  const lineAround = (text: string, at: number): { start: number; line: string } => {
    const from = Math.max(0, at - MAX_TAIL);
    const before = text.slice(from, at);
    const start = from + Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    if (text.charCodeAt(end - 1) === 13) end--;
    return { start, line: text.slice(start, end) };
  };

  /** Looks at `text` from `from` on (`firstLine` the line of its start) for a clock. */
  const look = (text: string, from: number, firstLine: number) => {
    for (let at = text.indexOf(ID_MARK, from); at >= 0; at = text.indexOf(ID_MARK, at + ID_MARK.length)) {
      if (!madeOfTime(text, at + ID_MARK.length)) continue;
      if (!text.startsWith('message-', at - 8) && !text.startsWith('msg', at - 3)) continue;
      const { start, line } = lineAround(text, at);
      const made = madeIdIn(line, (host) => clocks.has(host) && knowsHost(names, host));
      if (!made) continue;
      addClockOf(made, clocks);
      if (!knowsHost(names, made.syslog.host))
        addFullHostName(made, line, lineNoAt(text, start, firstLine), names);
    }
    // Postfix's warning on a server greeting it with its own name gives the name as well (made-id-host.ts).
    const mark = OWN_HOSTNAME_MARK;
    for (
      let at = names.size < MAX_HOSTS ? text.indexOf(mark, from) : -1;
      at >= 0;
      at = text.indexOf(mark, at + 1)
    ) {
      const { start, line } = lineAround(text, at);
      addOwnHostname(line, lineNoAt(text, start, firstLine), names);
    }
    // In line order, as they are found.
    for (
      let at = text.indexOf(HEADER_START, from);
      at >= 0;
      at = text.indexOf(HEADER_START, at + HEADER_START.length)
    ) {
      if (!isHeaderAt(text, at)) continue;
      const { start, line } = lineAround(text, at);
      const span = start === at ? journalSpanOf(line, lineNoAt(text, start, firstLine)) : null;
      if (span && spans.length < MAX_SPANS) spans.push(span);
    }
  };

  return {
    get watching() {
      return watching;
    },
    see(chunk, firstLine) {
      if (!watching) return;
      // Past the lines extract looks at (give or take the chunk that passes them, looked at whole).
      if (firstLine > WATCHED_LINES) {
        watching = false;
        return;
      }
      // The line the last chunk left partial, whole, then the chunk's own lines (not the two joined: a
      // search through a joined string of a megabyte cost twenty times a search through the chunk).
      const nl = firstLineEnd(chunk);
      const first = tail + (nl < 0 ? chunk : chunk.slice(0, nl));
      look(first, 0, firstLine);
      if (nl >= 0) look(chunk, nl, firstLine);
      const end = chunk.slice(Math.max(0, chunk.length - MAX_TAIL));
      const lastEnd = Math.max(end.lastIndexOf('\n'), end.lastIndexOf('\r'));
      if (nl < 0) tail = first.length <= MAX_TAIL ? first : '';
      else tail = lastEnd >= 0 ? end.slice(lastEnd + 1) : '';
    },
    stop() {
      watching = false;
    },
    date(incident) {
      if (!incident.assumptions.some((a) => a.code === 'assumed-year-and-zone')) return;
      const trigger = incident.trigger;
      let time: { iso: string } | null = null;
      if (clocks.size > 0 && withHostClock(incident, clocks)) {
        time = trigger ? clockTimeOf(trigger.text, clocks) : null;
      } else {
        const span = spanAbove(spans, incident.sources.occurredAt?.line ?? 0);
        const above = trigger ? spanAbove(spans, trigger.line) : null;
        if (span && withJournalYear(incident, span, options.assumeZone))
          time = trigger && above ? journalTimeOf(trigger.text, above, options.assumeZone) : null;
      }
      // A copy: the scanner links later suspensions to the same trigger, by the date it read.
      if (trigger && time) incident.trigger = { ...trigger, occurredAt: time.iso };
    },
  };
}
