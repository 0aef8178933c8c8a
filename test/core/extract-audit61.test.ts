/**
 * Real bounces of Sisimai's set-of-emails read wrong in a hand audit of 40 of them (round 61), each field
 * checked against the text (test/fixtures/extract/audit61/SOURCES.md): the DragonFly Mail Agent's notices
 * of a name that did not resolve and of a message that outlived its queue say why they quote no reply;
 * Gmail's plain-text delay notice names the server it tried in a bracket on the line below its words;
 * qmail's sentence of a message too long in its queue is no part of the reply; Outlook's absence
 * message is an automatic reply, no unrecognised text.
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
    "dma's `DNS lookup failure: host cx.libsisimai.org not found`: no reply, no rejecting host",
    'dma-dns-lookup-failure.eml',
    [
      [
        '2024-06-11T18:15:33+09:00',
        [],
        ['df.example.jp'],
        'df.example.jp',
        'cx.libsisimai.org',
        null,
        null,
        null,
        null,
        null,
      ],
    ],
  ],
  [
    "dma's `Could not deliver for the last 432000 seconds. Giving up.`: no reply quoted",
    'dma-queue-time-ran-out.eml',
    [
      [
        '2024-06-16T18:15:07+09:00',
        [],
        ['df.example.jp'],
        'df.example.jp',
        'nyaan.jp',
        null,
        null,
        null,
        null,
        null,
      ],
    ],
  ],
  [
    "Gmail's delay notice of 2014: the server it could not connect to, in the bracket below its words",
    'gmail-delay-tried-server-next-line.eml',
    [
      [
        '2014-11-24T17:15:56+00:00',
        [],
        [],
        'gmail.example.com',
        '9jo.example.jp',
        '9jo.example.jp',
        '192.0.2.135',
        null,
        null,
        null,
      ],
    ],
  ],
  [
    "qmail's last status glued to its `I'm not going to try again; ...` sentence",
    'qmail-queue-too-long-glued.eml',
    [
      [
        '2010-04-29T00:00:00+00:00',
        [],
        ['mx.example.jp'],
        'example.jp',
        'example.net',
        null,
        null,
        null,
        '4.4.3',
        null,
      ],
    ],
  ],
];

fieldTable('real bounces audited by hand (audit61)', 'audit61', NOW, cases);

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit61/${name}`, import.meta.url)), 'utf8');

const read = (name: string) => extract(fixture(name), { now: new Date(NOW) });

describe("the DragonFly Mail Agent's notices that quote no reply", () => {
  it('says no server was reached when the name did not resolve, and asks for no reply', async () => {
    const { warnings } = await read('dma-dns-lookup-failure.eml');
    const note = warnings.find((w) => w.code === 'input.no-server-reply');
    expect(note?.text.en).toContain('"DNS lookup failure: host cx.libsisimai.org not found"');
    expect(note?.text.fr).toContain('DNS lookup failure: host cx.libsisimai.org not found');
    expect(warnings.map((w) => w.code)).not.toContain('missing.reply');
  });

  it('says the queue time ran out, the reply of each attempt being in its log', async () => {
    const { warnings } = await read('dma-queue-time-ran-out.eml');
    const note = warnings.find((w) => w.code === 'input.retry-timeout');
    expect(note?.text.en).toContain('"Could not deliver for the last 432000 seconds. Giving up."');
    expect(note?.text.fr).toContain('Could not deliver for the last 432000 seconds. Giving up.');
  });
});

describe("Gmail's bracket below its words", () => {
  it('cites the bracket for the server it tried', async () => {
    const { incidents } = await read('gmail-delay-tried-server-next-line.eml');
    expect(incidents[0]?.sources.remoteHost?.text).toBe(
      '[(0) 9jo.example.jp. [192.0.2.135]:25: socket error]',
    );
    expect(incidents[0]?.reply.text).toBe('');
  });
});

describe("qmail's sentence of a message too long in its queue", () => {
  it('is no part of the reply', async () => {
    const { incidents } = await read('qmail-queue-too-long-glued.eml');
    expect(incidents.map((i) => i.reply.text)).toEqual(['Unable to contact LDAP server. (#4.4.3)']);
  });
});

describe("Outlook's absence message", () => {
  it('is an automatic reply: no incident, and the note says what marked it', async () => {
    const { incidents, warnings } = await read('outlook-automatic-reply.eml');
    expect(incidents).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(['input.auto-reply']);
    expect(warnings[0]?.text.en).toContain('Outlook’s "Automatic reply" subject');
    expect(warnings[0]?.text.fr).toContain('objet «\u00a0Réponse automatique\u00a0» d’Outlook');
  });
});
