// The log platforms' exports other fixtures were written for (extract's tests), read by both paths: the
// streaming summary (Large logs, `summarize`) must find the incidents extract finds, field for field, in
// chunks cut anywhere. Search responses and ESP events: json-documents-stream.test.ts.
import { readFileSync } from 'node:fs';
import { extract } from '../../../core/extract';
import type { Incident } from '../../../core/types';
import { sharedFields, streamed } from './streamed';

const options = { now: new Date('2026-12-07T03:00:00Z') };
const fields = (i: Incident) => [...sharedFields(i), i.sources.reply?.line];
const byLine = (incidents: Incident[]) =>
  [...incidents].sort((a, b) => (a.sources.reply?.line ?? 0) - (b.sources.reply?.line ?? 0));

describe.each([
  ['audit30orangewild/graylog-csv-export-newest-first.csv'],
  ['audit30orangewild/splunk-csv-export-raw.csv'],
  ['audit30orangewild/splunk-export-api-jsonl.json'],
  ['audit30orangewild/journalctl-verbose-postfix-999.txt'],
  ['audit30orangewild/loki-logcli-query-labels.txt'],
  ['audit30orangewild/filebeat-file-output.ndjson'],
  ['audit36formats/ecs-filebeat-postfix.ndjson'],
  ['audit36formats/logstash-postfix-grok-fields-no-message.ndjson'],
  ['logstash-syslog/logstash-syslog-input-json-lines-orange-102.jsonl'],
])('%s', (name) => {
  const text = readFileSync(new URL(`../../fixtures/extract/${name}`, import.meta.url), 'utf8');
  it.each([
    [1, text],
    [97, text.replace(/\r?\n/g, '\r\n')],
  ])('gives the summary the incidents extract finds (chunks of %i)', async (size, input) => {
    const pasted = (await extract(input, options)).incidents.filter((i) => i.isOrange);
    expect(pasted.length).toBeGreaterThan(0);
    const { seen } = streamed(input, size, options);
    expect(byLine(seen.filter((i) => i.isOrange)).map(fields)).toEqual(byLine(pasted).map(fields));
  });
});
