// Log lines that end with a JSON object after their logger's own prefix (core/extract/stamped-json.ts): maddy's
// records in its journal, on its standard error and behind `docker compose logs -t`; a Go program's log of
// Mailgun's webhooks (`2025/09/02 01:52:10 {"level":"INFO","msg":{...}}`); an AWS Lambda's console with SES's
// notification. Extract reads a paste of them as their objects; the streaming summary (Large logs,
// `summarize`) read none of them (no format claims such a line). Now each object is read as an event record
// is (core/extract/logs/formats/stamped-json-record.ts), dated by its prefix when it holds no time, and
// maddy's failure takes the sender and addresses of its message's records above it, as extract's
// (formats/maddy-message-records.ts). In chunks cut anywhere, both paths must give the same incidents.
import { readFileSync } from 'node:fs';
import { extract } from '../../../core/extract';
import type { Incident } from '../../../core/types';
import { sharedFields, streamed } from './streamed';

const options = { now: new Date('2026-12-07T03:00:00Z') };
const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/extract/${name}`, import.meta.url), 'utf8');

const fields = (i: Incident) =>
  JSON.stringify([
    ...sharedFields(i),
    i.recipientDomain,
    i.reply.code,
    i.reply.enhanced,
    i.assumptions.map((a) => a.code),
    i.sources.reply?.line,
  ]);

describe.each([
  [
    'audit34logs/maddy-journal-506-then-102.log',
    [
      [506, '2026-05-18T05:04:03+00:00', ['192.0.2.25'], 'example.com', '193.252.22.65'],
      [102, '2026-05-18T05:11:41+00:00', ['192.0.2.26'], 'example.org', '80.12.242.15'],
    ],
  ],
  [
    'audit34logs/maddy-compose-t-506-then-102.log',
    [
      [506, '2026-05-18T05:04:03+00:00', ['192.0.2.25'], 'example.com', '193.252.22.65'],
      [102, '2026-05-18T05:11:41+00:00', ['192.0.2.26'], 'example.org', '80.12.242.15'],
    ],
  ],
  [
    'audit34logs/maddy-stderr-debug-no-stamp.log',
    [
      [506, null, ['192.0.2.25'], 'example.com', '193.252.22.65'],
      [102, null, ['192.0.2.26'], 'example.org', '80.12.242.15'],
    ],
  ],
  ['audit34logs/maddy-short-iso-506.log', [[506, '2025-03-12T10:14:03+01:00', [], 'example.com', null]]],
  [
    'audit13/go-log-mailgun-webhooks.log',
    [
      [null, '2025-09-02T01:52:10+00:00', ['198.244.55.36'], 'mail.trackingmore.net', null],
      [null, '2025-09-02T01:26:09+00:00', ['159.112.252.164'], 'mail.trackingmore.net', null],
    ],
  ],
  [
    'audit13/lambda-log-ses-raw-notification.log',
    [[null, '2026-04-30T15:05:57+00:00', [], 'example.com', null]],
  ],
])('%s', (name, expected) => {
  const text = fixture(name);
  it.each([
    ['in one chunk', text.length],
    ['in chunks of 97 characters', 97],
  ])('gives the summary the refusals extract finds (%s)', async (_way, size) => {
    const pasted = (await extract(text, options)).incidents;
    const { result, seen } = streamed(text, size, options);
    expect(
      seen.map((i) => [i.orange?.reason ?? null, i.occurredAt, i.sendingIps, i.sendingDomain, i.remoteIp]),
    ).toEqual(expected);
    expect(seen.map(fields)).toEqual(pasted.map(fields));
    expect(result.counts.rejections).toBe(expected.length);
  });
});

it('never takes the address of the client that handed maddy the message (src_ip) as the sending IP', () => {
  const { seen } = streamed(fixture('audit34logs/maddy-journal-506-then-102.log'), 97, options);
  expect(seen.flatMap((i) => i.sendingIps)).not.toContain('198.51.100.10');
});

it('groups maddy’s Orange refusals by the address it sent from', () => {
  const { result } = streamed(fixture('audit34logs/maddy-journal-506-then-102.log'), 97, options);
  expect(result.summary.groups.map((g) => [g.ip, g.reason, g.count])).toEqual([
    ['192.0.2.25', 506, 1],
    ['192.0.2.26', 102, 1],
  ]);
});
