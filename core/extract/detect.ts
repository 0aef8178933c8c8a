/** Which reader a pasted text needs. Decided on the first lines only, so it stays fast on big inputs. */
import { detectLogFormat } from './logs';

export type InputKind = 'empty' | 'mbox' | 'message' | 'log' | 'json' | 'text';

const HEADER_LINE = /^[A-Za-z][A-Za-z0-9-]{0,76}:[ \t]?\S?/;
const KEY_HEADERS =
  /^(?:Received|From|To|Subject|Date|Return-Path|Content-Type|MIME-Version|Message-ID|Delivered-To|X-[A-Za-z0-9-]{1,40}):/i;
const MBOX_FROM = /^From \S{1,320} {1,4}\S/;

function firstLines(text: string, count: number): string[] {
  const head = text.slice(0, 64 * 1024);
  return head.includes('\r') ? head.split(/\r\n|\r|\n/, count) : head.split('\n', count);
}

/** True when the text starts with a mail header block (at least two known headers before a blank line). */
export function startsWithHeaders(lines: readonly string[]): boolean {
  let known = 0;
  for (const line of lines) {
    if (line.trim() === '') return known >= 2;
    if (line[0] === ' ' || line[0] === '\t') continue;
    if (!HEADER_LINE.test(line)) return false;
    if (KEY_HEADERS.test(line)) known++;
  }
  return known >= 2;
}

export function detectInput(text: string): InputKind {
  const trimmed = text.replace(/^[\s\uFEFF]+/, '');
  if (trimmed === '') return 'empty';
  const lines = firstLines(trimmed, 200);
  if (MBOX_FROM.test(lines[0] ?? '')) return 'mbox';
  if (startsWithHeaders(lines)) return 'message';
  if (detectLogFormat(lines.map((l) => l.slice(0, 8192))) !== null) return 'log';
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return 'json';
  return 'text';
}
