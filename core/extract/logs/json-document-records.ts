/**
 * A large export written as one JSON document, cut into the records it lists as it streams by, never
 * parsed whole: an Elasticsearch or OpenSearch search response (`{"took":..,"hits":{"total":..,"hits":
 * [{"_index":..,"_source":{...}}, ...]}}`, as Kibana's Inspect or a `_search` query saves it), each hit
 * one record, and a JSON array (an ESP's events exported as a list), each element one record. The
 * document may be pretty-printed or on one line of hundreds of MB: braces are counted character by
 * character, outside strings, whatever the chunks. Each record is the element's own text from its line
 * on, read by the log scanner as a line of JSON is (a hit as the log line its `_source` wraps, an event
 * as extract reads it). A top-level object that lists no hits (another value after the first) is one
 * record itself. Holds one record at a time, at most MAX_RECORD_LENGTH characters: a longer one is
 * dropped and counted.
 */
import { MAX_RECORD_LENGTH } from './records';

/**
 * The start of such a document (after a byte-order mark and blank space): an array of objects, or an
 * object whose first member is one a search response opens with (`took`, Elasticsearch's and
 * OpenSearch's; `_scroll_id` or `pit_id` for a scroll or point-in-time search; `hits` alone).
 */
export const JSON_DOCUMENT_HINT =
  /^\uFEFF?[\t\n\r ]{0,1024}(?:\[[\t\n\r ]{0,1024}\{|\{[\t\n\r ]{0,1024}"(?:took|timed_out|_shards|hits|_scroll_id|pit_id)"[\t\n\r ]{0,64}:)/;

export interface JsonDocumentRecords {
  /** The document's next piece of text, cut anywhere. */
  push(chunk: string): void;
  /** The end of the input (an element left open there is dropped: the file was cut). */
  end(): void;
  /** Lines of the document so far (a last line without its line end counted). */
  readonly lines: number;
  /** Records dropped because they grew past MAX_RECORD_LENGTH. */
  readonly oversized: number;
}

/** The longest member name kept to tell `hits` (a longer one is some other name). */
const KEY_LENGTH = 16;

const OPEN_OBJECT = 123;
const OPEN_ARRAY = 91;

export function createJsonDocumentRecords(
  onRecord: (text: string, line: number) => void,
): JsonDocumentRecords {
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  /** The kind of the containers open at depths 0 to 2 (outer first), and the member each is at. */
  const kinds: number[] = [0, 0, 0];
  const keys: (string | null)[] = [null, null, null];
  /** The name of the last string read at depth 1 or 2, which a `:` makes a member's name. */
  let lastString: string | null = null;
  /** Where the string being read at depth 1 or 2 started in the chunk (-1: none), and its text so far. */
  let stringStart = -1;
  let stringText = '';
  /** The depth inside which each element is a record: 1 in a top-level array, 3 in `hits.hits`; else -1. */
  let elementDepth = -1;
  /** The depth the record being gathered opened at (-1: none), its line, pieces and size. */
  let captureDepth = -1;
  let captureLine = 0;
  let captureStart = 0;
  let parts: string[] = [];
  let size = 0;
  /** True while the record opened is too long: its braces are still counted, its text no longer kept. */
  let dropping = false;
  let oversized = 0;
  /** True when the last character read ends no line (the last line goes on, or ends without its end). */
  let midLine = false;

  const keep = (piece: string) => {
    if (dropping) return;
    size += piece.length;
    if (size > MAX_RECORD_LENGTH) {
      dropping = true;
      parts = [];
    } else parts.push(piece);
  };
  const close = (chunk: string, at: number) => {
    keep(chunk.slice(captureStart, at + 1));
    // (Counted as it closes: a response gathered while its hits were not yet found was no record.)
    if (dropping) oversized++;
    else onRecord(parts.join(''), captureLine);
    captureDepth = -1;
    parts = [];
    size = 0;
    dropping = false;
  };
  /** A container opens at `depth` (before it): a record starts, or the hits' list is entered. */
  const open = (c: number, at: number) => {
    if (captureDepth < 0 && (depth === elementDepth || (depth === 0 && c === OPEN_OBJECT))) {
      captureDepth = depth;
      captureLine = line;
      captureStart = at;
    }
    if (depth === 0 && c === OPEN_ARRAY) elementDepth = 1;
    if (depth < 3) kinds[depth] = c;
    if (depth < 3) keys[depth] = null;
    // `hits.hits` of a search response: each hit a record, the response around them none.
    if (
      depth === 2 &&
      c === OPEN_ARRAY &&
      kinds[0] === OPEN_OBJECT &&
      kinds[1] === OPEN_OBJECT &&
      keys[0] === 'hits' &&
      keys[1] === 'hits'
    ) {
      elementDepth = 3;
      if (captureDepth === 0) {
        captureDepth = -1;
        parts = [];
        size = 0;
        dropping = false;
      }
    }
    depth++;
  };

  return {
    push(chunk) {
      if (captureDepth >= 0) captureStart = 0;
      if (stringStart >= 0) stringStart = 0;
      for (let i = 0; i < chunk.length; i++) {
        const c = chunk.charCodeAt(i);
        if (c === 10) line++;
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 92) escaped = true;
          else if (c === 34) {
            inString = false;
            if (stringStart >= 0) {
              lastString = (stringText + chunk.slice(stringStart, i)).slice(0, KEY_LENGTH + 1);
              stringStart = -1;
              stringText = '';
            }
          }
          continue;
        }
        if (c === 34) {
          inString = true;
          if (captureDepth < 0 || depth <= 2) {
            stringStart = depth === 1 || depth === 2 ? i + 1 : -1;
            stringText = '';
          }
        } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) open(c, i);
        else if (c === 125 || c === 93) {
          if (depth === 0) continue;
          depth--;
          if (depth === elementDepth - 1) elementDepth = -1;
          if (depth === captureDepth) close(chunk, i);
        } else if (c === 58 && (depth === 1 || depth === 2)) {
          keys[depth - 1] = lastString;
          lastString = null;
        } else if (c === 44 && (depth === 1 || depth === 2)) keys[depth - 1] = null;
      }
      if (captureDepth >= 0) keep(chunk.slice(captureStart));
      if (stringStart >= 0) {
        stringText = (stringText + chunk.slice(stringStart)).slice(0, KEY_LENGTH + 1);
      }
      if (chunk.length > 0) midLine = chunk.charCodeAt(chunk.length - 1) !== 10;
    },
    end() {
      captureDepth = -1;
      parts = [];
    },
    get lines() {
      return midLine ? line : line - 1;
    },
    get oversized() {
      return oversized;
    },
  };
}
