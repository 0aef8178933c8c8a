/**
 * The prefix nodemailer's console logger puts before each line of a session (lib/shared `getLogger`):
 * `[#cid] [sid] S: ` for a server's line, `[sid] C: ` for the client's, `[sid] ` for its own remarks
 * (`Connection established to ...`), the connection id `[#cid]` optional. Logger adapters that log
 * nodemailer as JSON keep it at the start of each record's message (nodemailer-json-log.ts,
 * logs/formats/nodemailer-prefixed-record.ts).
 */

const PREFIX = /^(?:\[#[\w-]{1,40}\] )?\[([\w-]{1,40})\] (?:([SC]): )?/;

export interface SessionPrefix {
  /** The session id, without its brackets. */
  sid: string;
  /** Whose line follows: the server's (`S`), the client's (`C`), or null for the logger's own remark. */
  side: 'S' | 'C' | null;
  /** How many characters of the line the prefix takes. */
  length: number;
}

/** The console logger's prefix at the start of `line`, or null when it has none. */
export function sessionPrefix(line: string): SessionPrefix | null {
  const m = PREFIX.exec(line);
  if (!m?.[1]) return null;
  const side = m[2] === 'S' || m[2] === 'C' ? m[2] : null;
  return { sid: m[1], side, length: m[0].length };
}
