/**
 * Sendmail's status line for its own local mailer's exit (core/extract/formats/message-local-mailer.ts):
 * a program it pipes to, or its local delivery agent, failed on the machine that holds the mailbox; the
 * transcript's last line is the code Sendmail maps the exit status to, the DSN's `Diagnostic-Code:
 * X-Unix; N` the status itself. No server replied: no reply, no rejecting host, a note that says so
 * instead of asking for the reply (Sisimai's lhost-sendmail-18 and -55, test/fixtures/extract/audit63).
 * Row: date, sending IPs, sending hosts, sending domain, recipient domain, rejecting host and address,
 * basic and enhanced code, Orange's reason.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { type FieldCase, fieldTable } from './field-table';

const NOW = '2026-12-08T12:00:00Z';

const cases: FieldCase[] = [
  [
    'a pipe to a program that exited with 255: `554 5.3.0 unknown mailer error 255`, `Diagnostic-Code: X-Unix; 255`',
    'sendmail-pipe-unknown-mailer-error.eml',
    [
      [
        '2009-04-29T23:34:45+09:00',
        ['192.0.2.4'],
        ['mx521.relay35.example.co.jp'],
        'crane-look.com',
        'example.jp',
        null,
        null,
        null,
        null,
        null,
      ],
    ],
  ],
  [
    "a program's EX_OSERR (71) in Sendmail's 4-hour warning: `451 4.0.0 Operating system error`",
    'sendmail-delay-warning-under-transcript.eml',
    [
      [
        '2018-06-15T21:46:30+09:00',
        ['217.69.141.15'],
        ['f373.i.mail.ru'],
        'mailru.example.com',
        'example.jp',
        null,
        null,
        null,
        null,
        null,
      ],
    ],
  ],
];

fieldTable("Sendmail's status for its local mailer's exit", 'audit63', NOW, cases);

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit63/${name}`, import.meta.url)), 'utf8');

describe("Sendmail's status for its local mailer's exit", () => {
  it('is quoted with the exit status in a note, and no reply is asked for', async () => {
    const { warnings } = await extract(fixture('sendmail-pipe-unknown-mailer-error.eml'), {
      now: new Date(NOW),
    });
    const note = warnings.find((w) => w.code === 'input.local-program-failed');
    expect(note?.text.en).toContain('"255 (554 5.3.0 unknown mailer error 255)"');
    expect(note?.text.fr).toContain('«\u00a0255 (554 5.3.0 unknown mailer error 255)\u00a0»');
    expect(warnings.map((w) => w.code)).not.toContain('missing.reply');
  });

  it('stays a reply when the diagnostic is no local program’s (an SMTP one)', async () => {
    const text = fixture('sendmail-pipe-unknown-mailer-error.eml').replace(
      'Diagnostic-Code: X-Unix; 255',
      'Diagnostic-Code: SMTP; 554 5.3.0 unknown mailer error 255',
    );
    const { incidents } = await extract(text, { now: new Date(NOW) });
    expect(incidents.map((i) => i.reply.code)).toEqual([554]);
  });

  it('stays a reply when the line is a remote server’s words, not one of Sendmail’s exit statuses', async () => {
    const text = fixture('sendmail-pipe-unknown-mailer-error.eml').replace(
      '554 5.3.0 unknown mailer error 255',
      '554 5.7.1 Service unavailable; client host blocked',
    );
    const { incidents } = await extract(text, { now: new Date(NOW) });
    expect(incidents.map((i) => i.reply.text)).toEqual([
      '554 5.7.1 Service unavailable; client host blocked',
    ]);
  });
});
