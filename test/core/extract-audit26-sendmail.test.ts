/**
 * Sendmail's delivery run refused alike by several MX hosts: one `stat=Deferred:` line per MX tried, one
 * incident (test/fixtures/extract/audit26/SOURCES-sendmail.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { createLogScanner } from '../../core/extract/logs';
import type { Incident } from '../../core/types';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit26/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };

const ONE_AND_ONE = 'sendmail-1and1-421-two-mx-msgid.log';
const ORANGE = 'derived-sendmail-orange-104-two-mx.log';
const ORANGE_REPLY =
  '421 mwinf5c27 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR004_104 [104]';

describe('Sendmail: one delivery run refused alike by two MX hosts', () => {
  it('gives one incident for 1&1, the first MX tried as its remote', async () => {
    const { incidents } = await extract(fixture(ONE_AND_ONE), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.occurredAt).toBe('2009-04-20T16:35:51+01:00');
    expect(incident?.remoteHost).toBe('mx00.1and1.co.uk');
    expect(incident?.remoteIp).toBe('212.227.15.169');
    expect(incident?.reply.code).toBe(421);
    expect(incident?.reply.text).toBe('421 unable to verify sender domain');
    expect(incident?.sources.reply?.line).toBe(5);
    expect(incident?.sources.remoteIp?.line).toBe(5);
    expect(incident?.sendingHosts).toEqual(['mkalimu']);
  });

  it("gives one Orange incident, on Orange's first MX address", async () => {
    const { incidents } = await extract(fixture(ORANGE), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.isOrange).toBe(true);
    expect(incident?.orange?.token).toBe('OFR004_104');
    expect(incident?.orange?.reason).toBe(104);
    expect(incident?.reply.text).toBe(ORANGE_REPLY);
    expect(incident?.occurredAt).toBe('2009-04-20T16:35:51+01:00');
    expect(incident?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident?.remoteIp).toBe('193.252.22.65');
    expect(incident?.recipientDomain).toBe('orange.fr');
    expect(incident?.sendingDomain).toBe('mkalimu.example.co.uk');
    expect(incident?.sources.reply?.line).toBe(3);
  });

  it('hands the incident out as soon as its first line is read (streaming)', () => {
    const seen: Incident[] = [];
    const scanner = createLogScanner({ ...options, onIncident: (i) => seen.push(i) });
    fixture(ORANGE)
      .split('\n')
      .forEach((line, i) => {
        if (line) scanner.push(line, i + 1);
      });
    expect(seen.map((i) => i.remoteIp)).toEqual(['193.252.22.65']);
    expect(scanner.finish().incidents).toHaveLength(1);
  });

  it('keeps a retry more than a minute later, and another recipient, as incidents of their own', async () => {
    const lines = fixture(ORANGE).trimEnd().split('\n');
    const second = lines[3] ?? '';
    const retry = second.replace('16:35:51', '16:50:52');
    const other = second.replace('jean.dupont@orange.fr', 'marie.martin@wanadoo.fr');
    const { incidents } = await extract([...lines, retry, other].join('\n'), options);
    expect(incidents.map((i) => [i.occurredAt, i.remoteIp, i.recipientDomain])).toEqual([
      ['2009-04-20T16:35:51+01:00', '193.252.22.65', 'orange.fr'],
      ['2009-04-20T16:50:52+01:00', '80.12.242.15', 'orange.fr'],
      ['2009-04-20T16:35:51+01:00', '80.12.242.15', 'wanadoo.fr'],
    ]);
  });

  it('merges a run whose Orange MX each name their own server in the reply', async () => {
    const { incidents } = await extract(
      fixture('derived-sendmail-orange-two-mx-distinct-mwinf.log'),
      options,
    );
    expect(incidents.map((i) => [i.remoteIp, i.orange?.server, i.reply.text])).toEqual([
      ['193.252.22.65', 'mwinf5c27', ORANGE_REPLY],
    ]);
  });

  it("keeps another queue run's retry within the minute as an incident of its own", async () => {
    const { incidents } = await extract(fixture('derived-sendmail-1and1-retry-40s.log'), options);
    expect(incidents.map((i) => [i.occurredAt, i.remoteIp, i.sources.reply?.line])).toEqual([
      ['2009-04-20T16:35:51+01:00', '212.227.15.169', 5],
      ['2009-04-20T16:36:31+01:00', '212.227.15.169', 7],
    ]);
  });
});
