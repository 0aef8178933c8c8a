// JSON records that hold no ESP event but an application's error quoting the server's reply: Monolog's JSON
// lines (Symfony Mailer's TransportException in `context.exception`), PocketBase's `errorMessage`, a .NET
// exception inside a `responseText` string that does not parse as JSON. Extract, reading the file whole,
// reads their replies (read-paste.ts readJson: JSON that holds no event may be replies in JSON dress); the
// streaming summary (Large logs, `summarize`) read each record as an event, found none and dropped it
// (core/extract/logs/formats/esp-event.ts). In chunks cut anywhere, both paths must give the same incidents.
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
    i.sources.reply?.line,
  ]);

describe.each([
  [
    'sum61/derived-monolog-json-symfony-mailer-orange-102.jsonl',
    [[550, null, 102, ['198.51.100.23'], 'orange.fr', '2026-12-04T09:12:44+01:00']],
  ],
  ['audit14/pocketbase-raw-error-json.json', [[554, '5.7.1', null, [], null, null]]],
  ['audit11/dotnet-in-json-string.json', [[550, '5.7.606', null, ['104.146.225.177'], null, null]]],
])('%s', (name, expected) => {
  const text = fixture(name);
  it.each([
    ['in one chunk', text.length],
    ['in chunks of 97 characters', 97],
  ])('gives the summary the refusals extract finds (%s)', async (_way, size) => {
    const pasted = (await extract(text, options)).incidents;
    const { result, seen } = streamed(text, size, options);
    expect(
      seen.map((i) => [
        i.reply.code,
        i.reply.enhanced,
        i.orange?.reason ?? null,
        i.sendingIps,
        i.recipientDomain,
        i.occurredAt,
      ]),
    ).toEqual(expected);
    expect(seen.map(fields)).toEqual(pasted.map(fields));
    expect(result.counts.rejections).toBe(expected.length);
  });
});

it('counts Monolog’s records of mail sent as no refusal: one Orange incident among three records', () => {
  const { result } = streamed(
    fixture('sum61/derived-monolog-json-symfony-mailer-orange-102.jsonl'),
    97,
    options,
  );
  expect(result.summary.totals).toMatchObject({ orange: 1, others: 0 });
  expect(result.summary.groups.map((g) => [g.ip, g.reason, g.count])).toEqual([['198.51.100.23', 102, 1]]);
});
