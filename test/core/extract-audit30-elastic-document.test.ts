/**
 * A mail log line as Elastic's shippers store it, copied from Kibana's document view: the line in
 * `message`, the time Filebeat read it in `@timestamp`, inside Elasticsearch's hit (`_source`)
 * (test/fixtures/extract/audit30mtalogs/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit30mtalogs/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-05T12:00:00Z') };

describe('a Filebeat document of a Postfix deferral, copied from Kibana', () => {
  it('reads its message as the log line: host, recipient, MX, and the year and zone the read time gives', async () => {
    const { incidents } = await extract(fixture('kibana-filebeat-document-102.json'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.format).toBe('postfix');
    // `Mar 12 10:14:58`, read at 09:14:58.790Z: the server logs in Paris time, in 2024.
    expect(incident?.occurredAt).toBe('2024-03-12T10:14:58+01:00');
    expect(incident?.sendingHosts).toEqual(['mx1']);
    expect(incident?.sendingIps).toEqual(['203.0.113.25']);
    expect(incident?.recipientDomain).toBe('orange.fr');
    expect(incident?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident?.remoteIp).toBe('193.252.22.65');
    expect(incident?.orange?.reason).toBe(102);
  });

  it('does not date the line by a read time days after it (an old file shipped late)', async () => {
    const late = fixture('kibana-filebeat-document-102.json').replaceAll(
      '2024-03-12T09:14:58.790Z',
      '2024-03-14T08:02:17.311Z',
    );
    const { incidents } = await extract(late, options);
    expect(incidents[0]?.occurredAt).toBe('2026-03-12T10:14:58+00:00');
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('assumed-year-and-zone');
  });

  it('reads Filebeat’s own output, a document per line, the sender from the qmgr line', async () => {
    const source = JSON.parse(fixture('kibana-filebeat-document-102.json'))._source;
    const qmgr = {
      ...source,
      '@timestamp': '2024-03-12T09:14:58.401Z',
      message:
        'Mar 12 10:14:58 mx1 postfix/qmgr[88]: 4TvB2x1ZkPz9sWq: from=<lettre@association-exemple.fr>, size=18342, nrcpt=1 (queue active)',
    };
    const { incidents } = await extract(`${JSON.stringify(qmgr)}\n${JSON.stringify(source)}\n`, options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingDomain).toBe('association-exemple.fr');
    expect(incidents[0]?.occurredAt).toBe('2024-03-12T10:14:58+01:00');
  });
});
