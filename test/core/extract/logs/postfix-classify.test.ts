/**
 * classifyPostfix (core/extract/logs/postfix-fast.ts) reads the usual program names (smtpd, cleanup, qmgr,
 * smtp) in place, without the general reading's scans: the same class either way, also for a line cut
 * right after the name, a name that only starts like a usual one, and a line inside a chunk. Lines in the
 * shape of test/fixtures/logs/generate-postfix.ts (a Postfix 3 mail.log).
 */
import { describe, expect, it } from 'vitest';
import {
  classifyPostfix,
  createPostfixFinders,
  POSTFIX_READ,
  POSTFIX_REMOVED,
  POSTFIX_SENDER,
  POSTFIX_SKIP,
  POSTFIX_UNKNOWN,
} from '../../../../core/extract/logs/postfix-fast';

const classOf = (line: string) => classifyPostfix(line, 0, line.length, createPostfixFinders());
const P = 'Mar 14 00:00:01 mta3 postfix';

describe('classifyPostfix on the usual program names', () => {
  it.each([
    [`${P}/smtpd[1001]: connect from app1.example.net[192.0.2.2]`, POSTFIX_SKIP],
    [`${P}/smtpd[1001]: 4Q000000001: client=app1.example.net[192.0.2.2]`, POSTFIX_SKIP],
    [
      `${P}/smtpd[1001]: NOQUEUE: reject: RCPT from unknown[192.0.2.9]: 554 5.7.1 <a@example.net>: Relay access denied; from=<b@example.com> to=<a@example.net> proto=ESMTP helo=<x>`,
      POSTFIX_READ,
    ],
    [`${P}/cleanup[1002]: 4Q000000001: message-id=<1.4Q000000001@news.example.com>`, POSTFIX_SKIP],
    [
      `${P}/qmgr[900]: 4Q000000001: from=<bounce-1@news.example.com>, size=2001, nrcpt=1 (queue active)`,
      POSTFIX_SENDER,
    ],
    [`${P}/qmgr[900]: 4Q000000001: removed`, POSTFIX_REMOVED],
    [`${P}/qmgr[900]: 4Q000000001: skipped, still being delivered`, POSTFIX_SKIP],
    [
      `${P}/smtp[1003]: 4Q000000001: to=<user1@example.org>, relay=mx.example.org[192.0.2.1]:25, delay=0.9, dsn=2.0.0, status=sent (250 2.0.0 Ok)`,
      POSTFIX_READ,
    ],
    // Names that only start like a usual one: the general reading decides.
    [`${P}/smtpx[1003]: 4Q000000001: to=<user1@example.org>`, POSTFIX_SKIP],
    [`${P}/qmgrd[900]: 4Q000000001: from=<bounce-1@news.example.com>`, POSTFIX_SKIP],
    [`${P}/cleanupd[1002]: 4Q000000001: message-id=<1@example.com>`, POSTFIX_SKIP],
    [`${P}-out/smtp[1003]: 4Q000000001: to=<user1@example.org>, status=sent (250 Ok)`, POSTFIX_READ],
    [`${P}/10025/smtpd[1001]: connect from localhost[127.0.0.1]`, POSTFIX_SKIP],
    // Cut right after the name: no bracket, not a program; cut after its bracket: an smtpd line.
    [`${P}/smtpd`, POSTFIX_UNKNOWN],
    [`${P}/smtpd[`, POSTFIX_SKIP],
    [`${P}/qmgr`, POSTFIX_UNKNOWN],
    // No space after the name's bracket: not a syslog line.
    [`${P}/cleanup[1002]:4Q000000001:message-id=<1@example.com>`, POSTFIX_UNKNOWN],
  ])('%s', (line, expected) => {
    expect(classOf(line)).toBe(expected);
  });

  it('classifies a line inside a chunk by its own bounds, not the next line', () => {
    const first = `${P}/smtpd[1001]: connect from app1.example.net[192.0.2.2]`;
    const second = `${P}/smtpd[1001]: NOQUEUE: reject: RCPT from unknown[192.0.2.9]: 554 5.7.1 Relay access denied`;
    const chunk = `${first}\n${second}\n`;
    const finders = createPostfixFinders();
    expect(classifyPostfix(chunk, 0, first.length, finders)).toBe(POSTFIX_SKIP);
    const s = first.length + 1;
    expect(classifyPostfix(chunk, s, s + second.length, finders)).toBe(POSTFIX_READ);
    // A line cut right after `smtpd[` inside a chunk: the bracket is the chunk's, past the line's end.
    const cut = `${P}/smtpd`;
    const chunk2 = `${cut}\n[1001]: connect from a[192.0.2.2]\n`;
    expect(classifyPostfix(chunk2, 0, cut.length, createPostfixFinders())).toBe(POSTFIX_UNKNOWN);
  });
});
