/**
 * Rust's lettre (the mail library of Delta Chat, Vaultwarden and others) prints a refusal as its
 * `Response` structure: the code spelt out in words, then the reply's lines without it,
 *
 *     Permanent(Response { code: Code { severity: PermanentNegativeCompletion, category: MailSystem,
 *     detail: Four }, message: ["5.7.1 [2] Message rejected under suspicion of SPAM; ..."] })
 *
 * (its quotes escaped when the whole is quoted in a log's string). The code is put back before each
 * line, as the server sent them. Names from lettre's `transport::smtp::response` (Severity, Category,
 * Detail).
 */
import type { LibraryReply } from './library-errors';
import { replyFromLines } from './reply';

export const LETTRE_HINT = /\bCode \{ severity: /;

const SEVERITY: Record<string, string> = {
  PositiveCompletion: '2',
  PositiveIntermediate: '3',
  TransientNegativeCompletion: '4',
  PermanentNegativeCompletion: '5',
};
const CATEGORY: Record<string, string> = {
  Syntax: '0',
  Information: '1',
  Connections: '2',
  Unspecified3: '3',
  Unspecified4: '4',
  MailSystem: '5',
};
const DETAIL = ['Zero', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine'];

const RESPONSE =
  /\bcode: Code \{ severity: (\w{1,40}), category: (\w{1,20}), detail: (\w{1,10}) \}, message: \[((?:\\?"(?:[^"\\]|\\[^"]){0,2000}\\?"(?:, )?){0,30})\]/g;
const LINE = /\\?"((?:[^"\\]|\\[^"]){0,2000})\\?"/g;

/** The replies of lettre's `Response` structures in the text, in order. */
export function lettreReplies(text: string): LibraryReply[] {
  const found: LibraryReply[] = [];
  RESPONSE.lastIndex = 0;
  for (let m = RESPONSE.exec(text); m && found.length < 1000; m = RESPONSE.exec(text)) {
    const detail = DETAIL.indexOf(m[3] ?? '');
    const severity = SEVERITY[m[1] ?? ''];
    const category = CATEGORY[m[2] ?? ''];
    if (!severity || !category || detail < 0) continue;
    const code = `${severity}${category}${detail}`;
    const lines = [...(m[4] ?? '').matchAll(LINE)].map((l) => (l[1] ?? '').trim());
    const reply = replyFromLines(code, lines);
    found.push({ text: reply || code, offset: m.index, recipient: null });
  }
  return found;
}
