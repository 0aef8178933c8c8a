/**
 * The year and zone a classic syslog stamp (`Dec  4 10:12:18 mx1 postfix/smtp[…]`) lacks, read in a
 * streamed log as extract reads them in a pasted one (core/extract/logs/index.ts): from a Message-ID the
 * MTA made itself out of the UTC time (message-id-clock.ts: `message-id=<20261204091218.4F2A1C2E3D@mx1>`)
 * and from journalctl's `-- Logs begin at …, end at … --` header (journal-header-clock.ts), both looked
 * for in the log's first MAX_LINES lines, as extract does. Only the lines that may hold one are parsed:
 * the text is searched for their marks (indexOf), so the watch costs little while it lasts, and nothing
 * after it. What it keeps: one clock per syslog host and one span.
 */
import {
  MAX_LINES as JOURNAL_MAX_LINES,
  type JournalSpan,
  journalSpanOf,
  journalTimeOf,
  withJournalYear,
} from '../extract/logs/journal-header-clock';
import {
  addMadeIdClock,
  clockTimeOf,
  type MadeIdClock,
  MAX_LINES as MESSAGE_ID_MAX_LINES,
  withHostClock,
} from '../extract/logs/message-id-clock';
import type { ExtractOptions, Incident } from '../types';

/** Lines looked at, as extract does (both readers look at as many). */
export const WATCHED_LINES = Math.min(MESSAGE_ID_MAX_LINES, JOURNAL_MAX_LINES);

/** What may show a clock: a Message-ID the MTA made (Postfix's, then Sendmail's) or journalctl's header. */
const POSTFIX_ID = 'message-id=<';
const SENDMAIL_ID = 'msgid=<';
const JOURNAL_HEADERS = ['-- Logs begin at ', '-- Journal begins at '];
/** A partial line longer than this is not looked at again (a line of a log is seldom 8 KB long). */
const MAX_TAIL = 8192;
/** A Message-ID made of the time: `YYYYMMDDhhmmss.` (Postfix) or `YYYYMMDDhhmm.` (Sendmail) after `<`. */
const TIME_ID = /^\d{12}(?:\d\d)?\./;

export interface ClockWatch {
  /** True while the first WATCHED_LINES lines are read: an incident's date may still change. */
  readonly watching: boolean;
  /**
   * Looks at `text`, whose first character is on line `firstLine` (1-based; a partial line's rest
   * continues the line before), for a clock; ends the watch past WATCHED_LINES.
   */
  see(text: string, firstLine: number): void;
  /** Ends the watch (the rest of the log is read elsewhere, or it ended). */
  stop(): void;
  /** Dates an incident whose year and zone were assumed by a clock seen so far (its trigger too). */
  date(incident: Incident): void;
}

export function createClockWatch(options: ExtractOptions = {}): ClockWatch {
  const clocks = new Map<string, MadeIdClock>();
  let span: JournalSpan | null = null;
  let watching = true;
  /** The last text's partial line (a chunk may end anywhere), looked at again with the next text. */
  let tail = '';

  /** The line holding `at`, without its line end. */
  const lineAround = (text: string, at: number): { start: number; line: string } => {
    const start = Math.max(text.lastIndexOf('\n', at), text.lastIndexOf('\r', at)) + 1;
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    if (text.charCodeAt(end - 1) === 13) end--;
    return { start, line: text.slice(start, end) };
  };

  /** Line numbers of positions in one text, counted forward from the last one asked. */
  const lineCounter = (text: string, firstLine: number) => {
    let at = 0;
    let line = firstLine;
    return (position: number): number => {
      for (let nl = text.indexOf('\n', at); nl >= 0 && nl < position; nl = text.indexOf('\n', at)) {
        line++;
        at = nl + 1;
      }
      return line;
    };
  };

  /** Every place in `text` where `mark` starts, in order. */
  const places = (text: string, mark: string): number[] => {
    const found: number[] = [];
    for (let i = text.indexOf(mark); i >= 0; i = text.indexOf(mark, i + mark.length)) found.push(i);
    return found;
  };

  return {
    get watching() {
      return watching;
    },
    see(chunk, firstLine) {
      if (!watching) return;
      const text = tail + chunk;
      const lastEnd = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
      tail = text.length - lastEnd - 1 <= MAX_TAIL ? text.slice(lastEnd + 1) : '';
      const lineOf = lineCounter(text, firstLine);
      const ids = [...places(text, POSTFIX_ID), ...places(text, SENDMAIL_ID)].filter((at) => {
        const id = at + (text.startsWith(POSTFIX_ID, at) ? POSTFIX_ID.length : SENDMAIL_ID.length);
        return TIME_ID.test(text.slice(id, id + 15));
      });
      const headers = span ? [] : JOURNAL_HEADERS.flatMap((mark) => places(text, mark));
      const hits = [...ids.map((at) => ({ at, id: true })), ...headers.map((at) => ({ at, id: false }))];
      hits.sort((a, b) => a.at - b.at);
      for (const hit of hits) {
        const { start, line } = lineAround(text, hit.at);
        const lineNo = lineOf(start);
        if (lineNo > WATCHED_LINES) break;
        if (hit.id) addMadeIdClock(line, clocks);
        else if (!span && start === hit.at) span = journalSpanOf(line, lineNo);
      }
      if (lineOf(text.length) > WATCHED_LINES) watching = false;
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
      } else if (span && withJournalYear(incident, span, options.assumeZone)) {
        time =
          trigger && trigger.line > span.line ? journalTimeOf(trigger.text, span, options.assumeZone) : null;
      }
      // A copy: the scanner links later suspensions to the same trigger, by the date it read.
      if (trigger && time) incident.trigger = { ...trigger, occurredAt: time.iso };
    },
  };
}
