// JSON records the streaming summary (Large logs, `summarize`) read one at a time and found nothing in, where
// extract, reading the file whole, finds the refusal: nodemailer's session logged through an adapter that
// keeps the console logger's `[sid] S:` prefix in each record's message (its lines one session,
// core/extract/logs/formats/nodemailer-prefixed-record.ts), and Smartlead's bounce events quoting Gmail's
// notice in `bounce_message.text` (its replies read from the notice, core/extract/logs/formats/esp-event.ts).
// Read whole, in chunks cut anywhere and line by line, both paths must give the same incidents.
import { readFileSync } from 'node:fs';
import { extract } from '../../../core/extract';
import { createLogSummary } from '../../../core/summary';
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
    i.isOrange,
    i.sources.reply?.line,
  ]);

function lineByLine(text: string) {
  const seen: Incident[] = [];
  const session = createLogSummary(options, (incident) => seen.push(incident));
  for (const line of text.split(/(?<=\n)/)) session.pushText(line);
  return { result: session.finish(), seen };
}

const readings: [string, (text: string) => ReturnType<typeof lineByLine>][] = [
  ['in one chunk', (text) => streamed(text, text.length, options)],
  ['in chunks of 97 characters', (text) => streamed(text, 97, options)],
  ['line by line', lineByLine],
];

describe.each([
  ['paste39/nodemailer-pino-adapter-prefix-506-crlf.ndjson', [[506, 'wanadoo.fr', ['192.0.2.61']]]],
  [
    'hunt40/smartlead-email-bounce-previews-orange.json',
    [
      [102, 'wanadoo.fr', ['198.51.100.141']],
      [104, 'orange.fr', []],
    ],
  ],
])('%s', (name, expected) => {
  const text = fixture(name);
  it.each(readings)('gives the summary the incidents extract finds (%s)', async (_way, read) => {
    const pasted = (await extract(text, options)).incidents;
    const { result, seen } = read(text);
    expect(result.summary.totals.orange).toBe(expected.length);
    expect(seen.map((i) => [i.orange?.reason, i.recipientDomain, i.sendingIps])).toEqual(expected);
    expect(seen.map(fields)).toEqual(pasted.map(fields));
  });
});

describe('nodemailer’s prefixed records', () => {
  it('gives Orange’s MX as the remote, never as the sender, and the EHLO name as the sending host', () => {
    const { seen } = streamed(fixture('paste39/nodemailer-pino-adapter-prefix-506-crlf.ndjson'), 97, options);
    expect(seen.map((i) => [i.sendingIps, i.sendingHosts, i.remoteHost, i.remoteIp])).toEqual([
      [['192.0.2.61'], ['crm.example.net'], 'smtp-in.orange.fr', '80.12.242.15'],
    ]);
  });

  it('leaves pino’s own records of a session to nodemailer’s error record: one refusal, counted once', () => {
    const { result } = streamed(fixture('paste39/nodemailer-pino-rcpt-416.ndjson'), 97, options);
    expect(result.summary.totals.orange).toBe(1);
  });
});
