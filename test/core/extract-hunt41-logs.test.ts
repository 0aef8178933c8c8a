/**
 * MTA log shapes found in public sources, round 41 (test/fixtures/extract/hunt41logs/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { scanLogText } from '../../core/extract/logs/index';
import type { Incident } from '../../core/types';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/hunt41logs/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-06T12:00:00Z') };

const fields = (i: Incident) => [
  i.format,
  i.occurredAt,
  i.sendingIps,
  i.sendingHosts,
  i.sendingDomain,
  i.recipientDomain,
  i.reply.code,
  i.reply.enhanced,
  i.orange?.reason,
  i.sources.reply?.line,
];

describe('chasquid’s multi-line replies', () => {
  it('reads the next lines Go wrote without a stamp as the rest of the reply (its file, CRLF)', async () => {
    const text = fixture('chasquid-file-crlf-multiline-gmail-outlook.log');
    const { incidents } = await extract(text, options);
    expect(incidents.map(fields)).toEqual([
      [
        'chasquid',
        '2025-11-18T09:40:07+00:00',
        ['192.0.2.10'],
        [],
        'asso.example.org',
        'gmail.com',
        421,
        '4.7.28',
        undefined,
        4,
      ],
      [
        'chasquid',
        '2025-11-18T09:40:08+00:00',
        [],
        [],
        'asso.example.org',
        'orange.fr',
        550,
        '5.2.0',
        506,
        10,
      ],
      [
        'chasquid',
        '2025-11-18T09:40:09+01:00',
        ['192.0.2.10'],
        [],
        'asso.example.org',
        'outlook.com',
        550,
        '5.7.1',
        undefined,
        11,
      ],
    ]);
    // Gmail's reply whole, to its last line, without the enhanced code Go left before each line.
    expect(incidents[0]?.reply.text).toMatch(
      /unusual rate of unsolicited mail .* Bulk Email Senders Guidelines\. \S+ - gsmtp$/,
    );
    expect(incidents[0]?.reply.text).not.toMatch(/ 4\.7\.28 (?!\[)/);
    // Microsoft's second line holds its server's stamp: the date is the refusal's own.
    expect(incidents[2]?.reply.text).toMatch(/\(S3150\)\. .*\[Name=Protocol Filter Agent\]/);
    expect(incidents[2]?.reply.text).not.toContain('#errors. 5.7.1');
    expect(incidents[2]?.remoteHost).toBe('am4pepf00027a6c.eurprd04.prod.outlook.com');
  });

  it('reads the line breaks rsyslog wrote as #012, and the large-log scan joins the same lines', async () => {
    const { incidents } = await extract(fixture('chasquid-rsyslog-012-multiline.log'), options);
    expect(incidents.map(fields)).toEqual([
      [
        'chasquid',
        '2026-11-18T09:40:07+00:00',
        ['192.0.2.10'],
        ['relay2'],
        'asso.example.org',
        'gmail.com',
        421,
        '4.7.28',
        undefined,
        2,
      ],
      [
        'chasquid',
        '2026-11-18T09:40:08+00:00',
        [],
        ['relay2'],
        'asso.example.org',
        'wanadoo.fr',
        421,
        null,
        999,
        3,
      ],
    ]);
    expect(incidents[0]?.reply.text).not.toContain('#012');
    expect(incidents[0]?.reply.text).toMatch(
      /rate of unsolicited mail .* temporarily rate limited\. \S+ - gsmtp$/,
    );
    for (const name of [
      'chasquid-file-crlf-multiline-gmail-outlook.log',
      'chasquid-rsyslog-012-multiline.log',
    ]) {
      const result = scanLogText(fixture(name), { now: options.now });
      expect(result.formats).toEqual(['chasquid']);
      for (const incident of result.incidents) {
        expect(incident.reply.text).not.toMatch(/#012| 4\.7\.28 (?!\[)| 5\.7\.1 \[Name/);
        if (incident.reply.code === 421 && incident.reply.enhanced === '4.7.28')
          expect(incident.reply.text).toMatch(/ - gsmtp$/);
      }
    }
  });
});

describe('nodemailer’s debug output logged through pino, printed by pino-pretty', () => {
  const session = (i: Incident) => [
    i.occurredAt,
    i.reply.code,
    i.orange?.reason,
    i.sendingIps,
    i.sendingHosts,
    i.sendingDomain,
    i.recipientDomain,
    i.remoteHost,
    i.remoteIp,
    i.sources.reply?.line,
    i.sources.sendingDomain?.line,
  ];

  it('reads the records as the session they are: the MAIL FROM’s domain, the remote, the date with its offset', async () => {
    const { incidents, warnings } = await extract(
      fixture('nodemailer-pino-pretty-t-rcpt-416-crlf.log'),
      options,
    );
    expect(incidents.map(session)).toEqual([
      [
        '2026-11-24T09:22:01+00:00',
        550,
        416,
        ['203.0.113.25'],
        ['mta.boutique.example.com'],
        'boutique.example.com',
        'orange.fr',
        'smtp-in.orange.fr',
        '193.252.22.65',
        44,
        32,
      ],
    ]);
    expect(incidents[0]?.sources.sendingDomain?.text).toContain('MAIL FROM:<factures@boutique.example.com>');
    expect(incidents[0]?.assumptions).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('leaves the date empty when pino-pretty printed the time of day only (its default since version 9)', async () => {
    const { incidents, warnings } = await extract(fixture('nodemailer-pino-pretty-default-506.log'), options);
    expect(incidents.map(session)).toEqual([
      [
        null,
        550,
        506,
        ['198.51.100.42'],
        ['relais.example.net'],
        'club.example.net',
        'wanadoo.fr',
        'smtp-in.orange.fr',
        '193.252.22.84',
        56,
        32,
      ],
    ]);
    expect(warnings.map((w) => w.code)).toEqual(['missing.occurredAt']);
    // Said why: pino-pretty printed the time of day alone, and how to get the date.
    const said = incidents[0]?.assumptions.find((a) => a.code === 'date.pino-time-of-day');
    expect(said?.text.en).toContain('-t "SYS:standard"');
    expect(said?.text.fr).toContain('version\u00a09');
  });
});

describe('a 999 whose trigger is printed below it', () => {
  it('links the suspension of grep’s newest file to the earlier error of the rotated one, same server only', async () => {
    const { incidents, warnings } = await extract(
      fixture('postfix-grep-rotated-newest-first-999-then-102.log'),
      options,
    );
    expect(
      incidents.map((i) => [
        i.orange?.reason,
        i.sendingHosts,
        i.sendingIps,
        i.sources.reply?.line,
        i.trigger?.line ?? null,
        i.trigger?.reason ?? null,
      ]),
    ).toEqual([
      [999, ['mx2'], ['203.0.113.9'], 2, 6, 102],
      // mx3's own lines show no Orange error before its 999: mx2's is not its trigger.
      [999, ['mx3'], [], 3, null, null],
      [102, ['mx2'], ['203.0.113.9'], 6, null, null],
    ]);
    expect(incidents[0]?.sources.sendingIps?.line).toBe(6);
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('sending-ip-from-trigger');
    // The note on the rejections without a sending IP counts the one left.
    expect(warnings.find((w) => w.code === 'log-no-sending-ip')?.text.en).toMatch(/^1 rejection /);
  });
});

describe('journalctl -o export', () => {
  it('reads each entry as the log line it stands for, dated by its own time, the 999 linked to the 102', async () => {
    const { incidents, warnings } = await extract(fixture('journalctl-export-102-then-999.log'), options);
    expect(incidents.map((i) => [...fields(i), i.remoteHost, i.remoteIp, i.trigger?.line ?? null])).toEqual([
      [
        'postfix',
        '2025-11-24T10:21:08+00:00',
        ['203.0.113.9'],
        ['relais-sortant'],
        'boutique.example.com',
        'orange.fr',
        550,
        null,
        102,
        28,
        'smtp-in.orange.fr',
        '193.252.22.65',
        null,
      ],
      [
        'postfix',
        '2025-11-24T10:51:08+00:00',
        ['203.0.113.9'],
        ['relais-sortant'],
        'boutique.example.com',
        'orange.fr',
        421,
        null,
        999,
        56,
        'smtp-in.orange.fr',
        '193.252.22.84',
        28,
      ],
    ]);
    expect(incidents[0]?.sources.sendingDomain?.text).toMatch(/^MESSAGE=4C7D2A1E05: from=<alertes@/);
    // The time is the journal's, with its zone: nothing assumed.
    expect(incidents[0]?.assumptions.map((a) => a.code)).not.toContain('assumed-year-and-zone');
    expect(warnings).toEqual([]);
  });
});

describe('an application’s pino record of nodemailer’s failure, with the envelope beside it', () => {
  const read = (i: Incident) => [
    i.occurredAt,
    i.reply.code,
    i.orange?.reason,
    i.sendingDomain,
    i.recipientDomain,
    i.sources.reply?.line,
    i.sources.sendingDomain?.line,
  ];

  it('takes the sender from the envelope pino-pretty printed, not the recipient from it', async () => {
    const { incidents, warnings } = await extract(fixture('app-pino-pretty-envelope-error-416.log'), options);
    expect(incidents.map(read)).toEqual([
      ['2026-11-24T10:22:01+01:00', 550, 416, 'boutique.example.com', 'orange.fr', 10, 13],
    ]);
    expect(incidents[0]?.sources.sendingDomain?.text).toContain('"from": "factures@boutique.example.com"');
    expect(warnings.map((w) => w.code)).not.toContain('missing.sendingDomain');
  });

  it('reads the same record written as JSON, one a line', async () => {
    const { incidents } = await extract(fixture('app-pino-envelope-error-506.ndjson'), options);
    expect(incidents.map(read)).toEqual([
      ['2026-11-24T10:22:02+00:00', 550, 506, 'boutique.example.com', 'wanadoo.fr', 2, 2],
    ]);
  });
});
