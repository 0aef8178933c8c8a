// Large JSON exports read by the streaming summary (Large logs, `summarize`) as extract reads them pasted:
// an Elasticsearch or OpenSearch search response, each hit (its `_source`) one record
// (core/extract/logs/json-document-records.ts), and an ESP's events, a JSON array or one a line, each
// event read by extract's own reader (core/extract/logs/formats/esp-event.ts). Both paths run on the same
// input, whole, in chunks cut anywhere and line by line, and must give the same incidents field by field.
import { readFileSync } from 'node:fs';
import { extract } from '../../../core/extract';
import { createLogSummary } from '../../../core/summary';
import type { Incident } from '../../../core/types';
import { sharedFields, streamed } from './streamed';

const options = { now: new Date('2026-12-07T03:00:00Z') };
const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/extract/${name}`, import.meta.url), 'utf8');

/** The fields both paths must give alike (the reply's line aside: see the search responses below). */
const fields = (i: Incident) =>
  JSON.stringify([...sharedFields(i), i.recipientDomain, i.reply.code, i.reply.enhanced, i.isOrange]);
/** The incidents' fields in one order whatever the order read (extract reads a newest-first export oldest first). */
const sorted = (incidents: Incident[]) => incidents.map(fields).sort();

/** The text through the streaming summary one line at a time, as a file read line by line. */
function lineByLine(text: string) {
  const seen: Incident[] = [];
  const session = createLogSummary(options, (incident) => seen.push(incident));
  for (const line of text.split(/(?<=\n)/)) session.pushText(line);
  return { result: session.finish(), seen };
}

/** The three ways of reading: whole, in chunks of 97 characters, line by line. */
const readings: [string, (text: string) => { seen: Incident[] }][] = [
  ['in one chunk', (text) => streamed(text, text.length, options)],
  ['in chunks of 97 characters', (text) => streamed(text, 97, options)],
  ['line by line', lineByLine],
];

/** The document written on one line, as a `_search` query's answer is saved without pretty-printing. */
const oneLine = (text: string) => `${JSON.stringify(JSON.parse(text))}\n`;

const SEARCH_RESPONSES = [
  'summarize-json/opensearch-ses-event-publishing-hits.derived.json',
  'audit30orangewild/elasticsearch-search-ecs-syslog-newest-first.json',
  'logstash-syslog/elasticsearch-syslog-input-hits-orange-102.json',
];

describe.each(SEARCH_RESPONSES)('a search response: %s', (name) => {
  const pretty = fixture(name);
  describe.each([
    ['pretty-printed', pretty],
    ['on one line', oneLine(pretty)],
  ])('%s', (_how, text) => {
    it.each(readings)(
      'gives the summary the incidents extract finds, field by field (%s)',
      async (_way, read) => {
        const pasted = (await extract(text, options)).incidents;
        expect(pasted.filter((i) => i.isOrange).length).toBeGreaterThan(0);
        const { seen } = read(text);
        expect(sorted(seen)).toEqual(sorted(pasted));
      },
    );
  });

  it('cites each refusal on the lines of its own hit (extract cites the response’s first line)', () => {
    const lines = pretty.split('\n');
    const { seen } = streamed(pretty, 97, options);
    expect(seen.length).toBeGreaterThan(0);
    for (const incident of seen) {
      const at = incident.sources.reply?.line ?? 0;
      // The hit around that line: from its `{` to its `}`, at the depth of `hits.hits`' elements.
      let from = at - 1;
      while (from > 0 && !/^ {6}\{\s*$/.test(lines[from] ?? '')) from--;
      let to = from + 1;
      while (to < lines.length && !/^ {6}\},?\s*$/.test(lines[to] ?? '')) to++;
      expect(from).toBeGreaterThan(0);
      expect(at - 1).toBeLessThanOrEqual(to);
      expect(lines.slice(from, to + 1).join('\n')).toContain(incident.orange?.token ?? incident.reply.text);
    }
  });
});

const ESP_EXPORTS = [
  // JSON arrays, as an ESP's event webhook posts them or its export lists them.
  'espwild/sparkpost-batch-shared-return-path.json',
  'sendgrid-events.json',
  'esp/mandrill-batch.json',
  'links32/sparkpost-batch-999-after-104-unordered.json',
  // One event a line.
  'summarize-json/mailgun-events-items-orange.derived.ndjson',
  'esp32/mailtrap-webhook-jsonl-soft-bounce-then-bounce.jsonl',
  'hunt41/pinpoint-email-event-stream-orange-102.ndjson',
  'hunt40/hyvor-relay-webhooks-logged.ndjson',
  // One event or one list, pretty-printed: Amazon SES through SNS, Postmark's bounces.
  'espwild/ses-event-publishing-outgoing-ip.json',
  'audit24/postmark-bounces-list-doc.json',
];

describe.each(ESP_EXPORTS)('ESP events: %s', (name) => {
  const text = fixture(name);
  it.each(readings)(
    'gives the summary the incidents extract finds, field by field and line (%s)',
    async (_way, read) => {
      const pasted = (await extract(text, options)).incidents;
      expect(pasted.length).toBeGreaterThan(0);
      const { seen } = read(text);
      const withLine = (i: Incident) => `${fields(i)} line ${i.sources.reply?.line}`;
      expect(seen.map(withLine).sort()).toEqual(pasted.map(withLine).sort());
    },
  );
});

describe('the records of a search response', () => {
  it('never gives Orange’s MX as the sending IP: SES’s remoteMtaIp is the remote', () => {
    const { seen } = streamed(fixture(SEARCH_RESPONSES[0] as string), 97, options);
    expect(seen.map((i) => [i.orange?.reason, i.sendingIps, i.remoteIp])).toEqual([
      [102, ['203.0.113.41'], null],
      [104, ['203.0.113.41'], '193.252.22.65'],
    ]);
  });

  it('counts the document’s own lines, not its records', () => {
    const text = fixture(SEARCH_RESPONSES[1] as string);
    const { result } = streamed(text, 97, options);
    expect(result.summary.totals.orange).toBe(1);
    expect(result.counts.lines).toBe(text.split('\n').length - 1);
  });
});
