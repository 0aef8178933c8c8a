/**
 * Groups lines into records: one line each, except indented continuation lines (a reply wrapped to fit a
 * page or a terminal, as in Exim's manual) which are joined onto the previous line, the pieces of a
 * record a post wrapped without indenting them (see RecordAssembler.cutShort), and pretty-printed or
 * commented JSON objects (KumoMTA records copied from its documentation), gathered until their braces
 * balance. Holds at most one record; every size is capped.
 */

/** A record longer than this stops taking continuation lines. */
export const MAX_RECORD_LENGTH = 1024 * 1024;

export interface RecordAssembler {
  push(line: string, lineNo: number): void;
  /** Emits the record still held. */
  flush(): void;
  /** JSON objects dropped because they grew past MAX_RECORD_LENGTH. */
  readonly oversizedJson: number;
  /** True while a multi-line JSON object is being gathered. */
  readonly collectingJson: boolean;
  /** True while a record is held (the next line may continue it). */
  readonly holding: boolean;
  /**
   * True while the held record is a log entry that a post wrapped without indenting (a mailing list or
   * forum post, 72 columns): it ends with `:`, `,` or `=` (`... postfix/smtp[19383]: 8F27A27954:`,
   * `to=<...>, relay=...,`), or a parenthesis is still open (`status=bounced (host mx[192.0.2.1]`).
   * The next line that starts no entry continues it.
   */
  readonly cutShort: boolean;
}

// A line that starts a log entry even when indented (a whole paste quoted with leading spaces), also
// behind the line number of `cat -n` or `nl` (`   24  Oct 14 18:04:40 host sendmail[1131]: ...`), or
// Haraka's level and uuid (`[NOTICE] [uuid] [outbound] ...`, pasted with a space before each line).
export const ENTRY_START =
  /^(?:\d{1,10}[\t ]{1,8})?(?:\d{4}-\d\d-\d\d[T ]\d|[A-Z][a-z]{2} [ \d]\d \d\d:|@4000|\d{10}\.\d|<\d{1,3}>|\[(?:PROTOCOL|DEBUG|INFO|NOTICE|WARN|ERROR|CRIT|ALERT|EMERG)\] \[)/;

/** How many more `(` than `)` the text holds. */
function parenDepth(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40) depth++;
    else if (c === 41) depth--;
  }
  return depth;
}

/** A character a log entry may start with (a stamp's digit or upper-case letter, `<`, `@`). */
export const mayStartEntry = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 60 || c === 64;

// Postfix's `host X said: 421-4.7.28 ...`: the reply's first line announces more lines, which a post may
// have wrapped without indenting, until the `(in reply to ... command)` Postfix ends such a line with.
const MULTILINE_SAID = /\bsaid: [245]\d\d-/;
const IN_REPLY_TO = '(in reply to ';

// qmail-send's delivery status (`@4000... delivery 5: failure: 130.57.1.11_does_not_like_recipient./...`)
// ends with `/`: a line that does not was wrapped by a post.
const QMAIL_DELIVERY = /^@4000[0-9a-f]{20} delivery \d{1,10}: (?:success|failure|deferral): /;

// chasquid's failed delivery (`QID from=F to=T failed (temporary): MAIL+RCPT 421 4.7.28 ...`): Go's
// net/textproto joins a multi-line reply's lines with a line break and drops their `421-` (keeping the
// enhanced code the server repeats), and chasquid writes the error as it is (internal/maillog), so in its
// file, or in a syslog file fed from the journal, the reply's next lines follow alone, without a stamp.
const CHASQUID_FAILURE = /[A-Za-z0-9_-]{11} from=\S{0,512} to=\S{1,512} failed \((?:temporary|permanent)\): /;
/** A line of such a reply after its first: the server's enhanced code, then its words. */
const GO_REPLY_LINE = /^[245]\.\d{1,3}\.\d{1,3} /;

/** Where a multi-line Postfix reply stands in the text given: none, opened, or closed by its note. */
const SAID_NONE = 0;
const SAID_OPEN = 1;
const SAID_CLOSED = 2;

function saidState(text: string, before: number): number {
  if (before === SAID_CLOSED) return SAID_CLOSED;
  const opened = before === SAID_OPEN || MULTILINE_SAID.test(text);
  if (!opened) return SAID_NONE;
  return text.includes(IN_REPLY_TO) ? SAID_CLOSED : SAID_OPEN;
}

/** A record's last character when a post cut it short: `:`, `,` or `=`. */
export const endsCutShort = (c: number) => c === 58 || c === 44 || c === 61;

interface JsonState {
  line: number;
  parts: string[];
  size: number;
  depth: number;
  inString: boolean;
  escaped: boolean;
}

/** Updates brace depth over one line, outside strings and `//` comments. */
function scanBraces(state: JsonState, line: string): void {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (state.inString) {
      if (state.escaped) state.escaped = false;
      else if (c === 92) state.escaped = true;
      else if (c === 34) state.inString = false;
      continue;
    }
    if (c === 34) state.inString = true;
    else if (c === 123 || c === 91) state.depth++;
    else if (c === 125 || c === 93) state.depth--;
    else if (c === 47 && line.charCodeAt(i + 1) === 47) break;
  }
  // A JSON string never spans lines: a stray quote must not swallow the rest of the object.
  state.inString = false;
  state.escaped = false;
}

export function createRecordAssembler(onRecord: (text: string, line: number) => void): RecordAssembler {
  // The held record as two primitives: no object per line on the hot path.
  let heldText: string | null = null;
  let heldLine = 0;
  // What cutShort needs, found only when asked (most records are never asked about): whether the record
  // starts an entry, and its open parentheses, kept up to date as lines are joined once known.
  let heldEntry: boolean | null = null;
  let heldDepth: number | null = null;
  // The held record's last character, kept apart: reading it from a record joined line by line would
  // flatten the joined string each time (quadratic over a record wrapped over many lines).
  let heldLast = 0;
  // Kept up to date piece by piece, never read from the joined record (see heldLast): whether it is a
  // qmail status line, and where a multi-line Postfix reply in it stands (saidState).
  let heldQmail = false;
  let heldSaid = SAID_NONE;
  // Whether the held record is chasquid's failed delivery: found only when a line that may continue it
  // comes (null until then).
  let heldChasquid: boolean | null = null;
  const hold = (text: string, line: number) => {
    heldText = text;
    heldLine = line;
    heldEntry = null;
    heldDepth = null;
    heldLast = text.charCodeAt(text.length - 1);
    heldQmail = text.charCodeAt(0) === 64 && QMAIL_DELIVERY.test(text);
    heldSaid = saidState(text, SAID_NONE);
    heldChasquid = null;
  };
  const unfinishedQmail = () => heldQmail && heldLast !== 47;
  const join = (piece: string, separator = ' ') => {
    if (heldText === null || heldText.length >= MAX_RECORD_LENGTH) return;
    // qmail writes no space in its status (`_` stands for one): a wrap cut it anywhere, even in a word.
    heldText = unfinishedQmail() ? `${heldText}${piece}` : `${heldText}${separator}${piece}`;
    heldLast = piece.length > 0 ? piece.charCodeAt(piece.length - 1) : 32;
    if (heldDepth !== null) heldDepth += parenDepth(piece);
    heldSaid = saidState(piece, heldSaid);
  };
  const isCutShort = (): boolean => {
    if (heldText === null) return false;
    heldEntry ??= ENTRY_START.test(heldText);
    if (!heldEntry) return false;
    if (endsCutShort(heldLast)) return true;
    heldDepth ??= parenDepth(heldText);
    return heldDepth > 0 || heldSaid === SAID_OPEN || unfinishedQmail();
  };
  /** True when `line` is the next line of the reply in chasquid's held failure line. */
  const continuesGoReply = (line: string): boolean => {
    if (heldText === null || !GO_REPLY_LINE.test(line)) return false;
    heldEntry ??= ENTRY_START.test(heldText);
    heldChasquid ??= heldEntry && CHASQUID_FAILURE.test(heldText);
    return heldChasquid;
  };
  let json: JsonState | null = null;
  let oversized = 0;

  const flush = () => {
    if (heldText !== null) {
      const text = heldText;
      heldText = null;
      onRecord(text, heldLine);
    }
  };

  const feedJson = (state: JsonState, line: string) => {
    state.parts.push(line);
    state.size += line.length + 1;
    scanBraces(state, line);
    if (state.depth <= 0) {
      json = null;
      onRecord(state.parts.join('\n'), state.line);
    } else if (state.size > MAX_RECORD_LENGTH) {
      json = null;
      oversized++;
    }
  };

  return {
    push(line, lineNo) {
      if (json) {
        feedJson(json, line);
        return;
      }
      if (line.length === 0) {
        flush();
        return;
      }
      const c0 = line.charCodeAt(0);
      if (c0 === 32 || c0 === 9) {
        const trimmed = line.trim();
        if (trimmed.length === 0) {
          flush();
          return;
        }
        if (heldText !== null && !ENTRY_START.test(trimmed) && trimmed.charCodeAt(0) !== 123) {
          // (journalctl indents a message's next lines: chasquid's reply keeps its line breaks there too.)
          join(trimmed, continuesGoReply(trimmed) ? '\n' : ' ');
          return;
        }
        line = trimmed;
      } else if (
        heldText !== null &&
        !(mayStartEntry(c0) && ENTRY_START.test(line)) &&
        (c0 === 40 || isCutShort() || continuesGoReply(line))
      ) {
        // A wrapped record's next piece, not indented: `to=<...>`, `said: 554 ...`, `(host ... said:`; a
        // reply's next line in chasquid's log, kept on a line of its own as the reply wrote it (the
        // reader unwraps it).
        join(line.trim(), heldChasquid === true ? '\n' : ' ');
        return;
      }
      flush();
      if (line.charCodeAt(0) === 123) {
        const state: JsonState = {
          line: lineNo,
          parts: [],
          size: 0,
          depth: 0,
          inString: false,
          escaped: false,
        };
        feedJson(state, line);
        if (state.depth > 0 && state.size <= MAX_RECORD_LENGTH) json = state;
        return;
      }
      hold(line, lineNo);
    },
    flush() {
      flush();
      if (json) {
        // An unterminated object at the end: hand over what we have, the reader decides.
        const state: JsonState = json;
        json = null;
        onRecord(state.parts.join('\n'), state.line);
      }
    },
    get oversizedJson() {
      return oversized;
    },
    get collectingJson() {
      return json !== null;
    },
    get holding() {
      return heldText !== null;
    },
    get cutShort() {
      return isCutShort();
    },
  };
}
