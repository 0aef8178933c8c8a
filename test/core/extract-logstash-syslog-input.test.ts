/**
 * Events of Logstash's syslog input, or of a tcp/udp input whose grok applies SYSLOGLINE
 * (test/fixtures/extract/logstash-syslog/SOURCES.md): `message` holds the line without its syslog
 * prefix, the prefix is in `timestamp`, `logsource`, `program` and `pid`. They are read as the Postfix
 * lines they stand for, dated by `@timestamp` (UTC), never by a zone of our own.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(
    fileURLToPath(new URL(`../fixtures/extract/logstash-syslog/${name}`, import.meta.url)),
    'utf8',
  );
const options = { now: new Date('2026-12-05T12:00:00Z') };

describe('Logstash syslog input events of a Postfix deferral by Orange', () => {
  it.each([
    'logstash-syslog-input-rubydebug-orange-102.txt',
    'logstash-syslog-input-json-lines-orange-102.jsonl',
    'elasticsearch-syslog-input-hits-orange-102.json',
  ])('%s reads as the Postfix log', async (name) => {
    const { incidents } = await extract(fixture(name), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.format).toBe('postfix');
    // `Dec  4 10:12:03`, which Logstash dated 09:12:03.000Z: the server logs in Paris time.
    expect(incident?.occurredAt).toBe('2026-12-04T10:12:03+01:00');
    expect(incident?.sendingHosts).toEqual(['mta2']);
    expect(incident?.sendingDomain).toBe('lettres-ventes.example');
    expect(incident?.sendingIps).toEqual(['198.51.100.23']);
    expect(incident?.remoteIp).toBe('193.252.22.84');
    expect(incident?.orange?.reason).toBe(102);
  });

  it('without @timestamp, keeps the line’s own stamp and says the zone was assumed', async () => {
    const text = fixture('logstash-syslog-input-json-lines-orange-102.jsonl').replace(
      /"@timestamp":"[^"]+",/g,
      '',
    );
    const { incidents } = await extract(text, options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2026-12-04T10:12:03+00:00');
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('assumed-year-and-zone');
  });

  it('reads an ISO `timestamp` (SYSLOGBASE2’s timestamp8601, copied to `timestamp`) by @timestamp', async () => {
    const text = fixture('logstash-syslog-input-json-lines-orange-102.jsonl')
      .replace('"timestamp":"Dec  4 10:12:02"', '"timestamp":"2026-12-04T10:12:02+01:00"')
      .replace('"timestamp":"Dec  4 10:12:03"', '"timestamp":"2026-12-04T10:12:03+01:00"');
    const { incidents } = await extract(text, options);
    expect(incidents[0]?.occurredAt).toBe('2026-12-04T09:12:03+00:00');
    expect(incidents[0]?.sendingHosts).toEqual(['mta2']);
  });
});
