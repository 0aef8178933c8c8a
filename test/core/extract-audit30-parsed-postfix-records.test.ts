/**
 * Postfix lines a Kubernetes log flow cut into fields without keeping the line (docker-mailserver's Helm
 * chart, pull request #82): each record is read as the line it stands for
 * (test/fixtures/extract/audit30mtalogs/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit30mtalogs/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-05T12:00:00Z') };

describe('the qmgr and smtp records of a deferral by Orange, one JSON object per line', () => {
  it('gives the sender from the qmgr record and the rest from the smtp record, as Postfix logged them', async () => {
    const { incidents } = await extract(fixture('kube-logging-parsed-postfix-records.jsonl'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.format).toBe('postfix');
    expect(incident?.sources.reply?.line).toBe(2);
    expect(incident?.sendingDomain).toBe('association-exemple.fr');
    expect(incident?.recipientDomain).toBe('orange.fr');
    expect(incident?.sendingHosts).toEqual(['mail-0']);
    expect(incident?.sendingIps).toEqual(['203.0.113.25']);
    expect(incident?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident?.remoteIp).toBe('193.252.22.65');
    expect(incident?.reply.code).toBe(550);
    expect(incident?.orange?.reason).toBe(102);
    // The flow kept the syslog stamp: no year, no zone.
    expect(incident?.occurredAt).toBe('2026-03-12T09:14:58+00:00');
    expect(incident?.assumptions.map((a) => a.code)).toContain('assumed-year-and-zone');
  });

  it('dates the records by the ISO time a flow that converts it writes', async () => {
    const text = fixture('kube-logging-parsed-postfix-records.jsonl').replaceAll(
      '"time":"Mar 12 09:14:58"',
      '"time":"2024-03-12T09:14:58.000Z"',
    );
    const { incidents } = await extract(text, options);
    expect(incidents[0]?.occurredAt).toBe('2024-03-12T09:14:58+00:00');
    expect(incidents[0]?.sendingDomain).toBe('association-exemple.fr');
  });
});
