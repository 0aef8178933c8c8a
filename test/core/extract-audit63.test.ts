/**
 * Real bounces of Sisimai's set-of-emails read wrong in a hand audit of 40 of them (round 63), each field
 * checked against the text (test/fixtures/extract/audit63/SOURCES.md): Sendmail's own lines under the
 * transcript of its delay notice (`Warning: message still undelivered after 4 hours`, `Will keep trying
 * until message is 8 hours old`) are no part of the status line above them; Hotmail's `554 The mail could
 * not be delivered to the recipient because the domain is not reachable` is its own words, no server's
 * reply.
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
    "Sendmail's 4-hour warning: `451 4.0.0 Operating system error` under its transcript, then its own `Warning: message still undelivered ...` lines",
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
  [
    "Hotmail's notice of 2014, `Diagnostic-Code: smtp;554 The mail could not be delivered to the recipient because the domain is not reachable. ...`, no Remote-MTA: no server replied",
    'hotmail-domain-not-reachable.eml',
    [
      [
        '2014-11-21T14:17:51-08:00',
        ['65.55.116.98'],
        ['blu004-omc3s23.hotmail.example.org'],
        'hotmail.example.org',
        'example.jp',
        null,
        null,
        null,
        '5.5.0',
        null,
      ],
    ],
  ],
];

fieldTable('real bounces audited by hand (audit63)', 'audit63', NOW, cases);

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit63/${name}`, import.meta.url)), 'utf8');

describe("Sendmail's own words under the transcript of its delay notice", () => {
  it('end the status line above them', async () => {
    // (That line is Sendmail's status for its local mailer's exit, no reply: extract-sendmail-local-mailer.)
    const { warnings } = await extract(fixture('sendmail-delay-warning-under-transcript.eml'), {
      now: new Date(NOW),
    });
    const note = warnings.find((w) => w.code === 'input.local-program-failed');
    expect(note?.text.en).toContain('"71 (451 4.0.0 Operating system error)"');
  });

  it('end a remote reply a transcript quotes as well', async () => {
    const text = fixture('sendmail-delay-warning-under-transcript.eml').replace(
      '451 4.0.0 Operating system error\n',
      '451 4.7.1 Greylisted, please try again in 300 seconds\n',
    );
    const { incidents } = await extract(text, { now: new Date(NOW) });
    expect(incidents.map((i) => i.reply.text)).toEqual([
      '451 4.7.1 Greylisted, please try again in 300 seconds',
    ]);
  });
});

describe("Hotmail's `554 ... because the domain is not reachable`", () => {
  it('is quoted as its own words, no reply to ask for', async () => {
    const { incidents, warnings } = await extract(fixture('hotmail-domain-not-reachable.eml'), {
      now: new Date(NOW),
    });
    expect(incidents.map((i) => i.reply.text)).toEqual(['']);
    const note = warnings.find((w) => w.code === 'input.no-server-reply');
    expect(note?.text.en).toContain(
      '"554 The mail could not be delivered to the recipient because the domain is not reachable.',
    );
    expect(warnings.map((w) => w.code)).not.toContain('missing.reply');
  });
});
