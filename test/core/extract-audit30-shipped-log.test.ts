/**
 * Log lines as a log shipper stored them and Elasticsearch or Kibana show them: a document (`_source`
 * with `@timestamp` and the line as `message`) or a search response's hits
 * (test/fixtures/extract/audit30orangewild/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(
    fileURLToPath(new URL(`../fixtures/extract/audit30orangewild/${name}`, import.meta.url)),
    'utf8',
  );
const options = { now: new Date('2026-12-05T12:00:00Z') };

describe('log lines in a search engine’s documents', () => {
  it('reads the whole line Filebeat sent, dated with the offset @timestamp gives it', async () => {
    const { incidents } = await extract(fixture('kibana-filebeat-document-raw-line.json'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.format).toBe('postfix');
    // 10:12:01 on the line is 09:12:01.482Z: Paris time, not an assumed zone.
    expect(incident?.occurredAt).toBe('2024-03-05T10:12:01+01:00');
    expect(incident?.assumptions.map((a) => a.code)).not.toContain('assumed-zone');
    expect(incident?.reply.code).toBe(550);
    expect(incident?.reply.text).toMatch(/^550 mwinf5c36 ME Adresse IP source bloquee .*\[102\]$/);
    expect(incident?.orange).toMatchObject({ token: 'OFR006_102', reason: 102, server: 'mwinf5c36' });
    expect(incident?.sendingIps).toEqual(['203.0.113.77']);
    expect(incident?.sendingHosts).toEqual(['relais-sortant']);
    expect(incident?.recipientDomain).toBe('wanadoo.fr');
    expect(incident?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident?.remoteIp).toBe('193.252.22.84');
  });

  it('reads a search response’s hits newest first, the program in process.name, the sender below', async () => {
    const { incidents } = await extract(
      fixture('elasticsearch-search-ecs-syslog-newest-first.json'),
      options,
    );
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.occurredAt).toBe('2024-05-21T14:27:44+00:00');
    expect(incident?.reply).toEqual({
      code: 550,
      enhanced: '5.2.0',
      text: '550 5.2.0 Mail rejete. Mail rejected. OFR_506 [506]',
    });
    expect(incident?.sendingDomain).toBe('club-voile-exemple.fr');
    expect(incident?.sendingHosts).toEqual(['mail2']);
    expect(incident?.sendingIps).toEqual([]);
    expect(incident?.remoteIp).toBe('80.12.242.10');
  });

  it('reads Filebeat’s own file output, one event a line without a document around it', async () => {
    const { incidents } = await extract(fixture('filebeat-file-output.ndjson'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2024-03-05T10:12:01+01:00');
    expect(incidents[0]?.sendingDomain).toBe('cabinet-dentaire-exemple.fr');
    expect(incidents[0]?.sendingHosts).toEqual(['relais-sortant']);
    expect(incidents[0]?.orange?.reason).toBe(999);
  });
});
