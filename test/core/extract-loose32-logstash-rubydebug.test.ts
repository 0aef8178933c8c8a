/**
 * Postfix's lines as Logstash's `stdout { codec => rubydebug }` prints the events Filebeat sent it
 * (test/fixtures/extract/loose32/SOURCES.md): Ruby's inspect, not JSON, its Timestamp bare and its
 * arrays' items numbered. They are read as the Elastic documents are (formats/json-log.ts): the syslog
 * line in `message`, its year and offset from `@timestamp` when the two agree.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { jsonFromRubyInspect } from '../../core/extract/formats/ruby-inspect';

const fixture = readFileSync(
  fileURLToPath(
    new URL('../fixtures/extract/loose32/logstash-rubydebug-postfix-orange-102.txt', import.meta.url),
  ),
  'utf8',
);
const options = { now: new Date('2026-12-05T12:00:00Z') };

describe('Logstash rubydebug events of a Postfix deferral', () => {
  it('reads them as the log: dated by the line in the zone @timestamp gives, sender from the qmgr line', async () => {
    const { incidents } = await extract(fixture, options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.format).toBe('postfix');
    // `Mar 14 11:12:01`, shipped at 10:12:01.523Z: the server logs in Paris time, in 2026.
    expect(incident?.occurredAt).toBe('2026-03-14T11:12:01+01:00');
    expect(incident?.sendingHosts).toEqual(['mta1']);
    expect(incident?.sendingDomain).toBe('lettre-exemple.fr');
    expect(incident?.remoteIp).toBe('193.252.22.84');
    expect(incident?.orange?.reason).toBe(102);
    // The source is the event's first line in the paste.
    expect(incident?.sources.occurredAt?.line).toBe(18);
  });

  it('does not date the line by a shipping time days after it (an old file read late)', async () => {
    const late = fixture.replace('2026-03-14T10:12:01.523Z', '2026-03-16T08:02:17.311Z');
    const { incidents } = await extract(late, options);
    expect(incidents[0]?.occurredAt).toBe('2026-03-14T11:12:01+00:00');
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('assumed-year-and-zone');
  });

  it('turns the bare Timestamp into a string and drops the items’ numbers, nothing inside strings', () => {
    const text = [
      '{',
      '       "message" => "x => 2026-03-14T10:12:01Z, [0] y",',
      '          "tags" => [',
      '        [0] "a",',
      '        [1] "b"',
      '    ],',
      '    "@timestamp" => 2026-10-02T12:13:08.878875824Z',
      '}',
    ].join('\n');
    expect(JSON.parse(jsonFromRubyInspect(text) ?? 'null')).toEqual({
      message: 'x => 2026-03-14T10:12:01Z, [0] y',
      tags: ['a', 'b'],
      '@timestamp': '2026-10-02T12:13:08.878875824Z',
    });
  });
});
