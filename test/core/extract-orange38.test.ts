/**
 * Orange reason numbers a third-party guide gives from Orange's postmaster page and the knowledge base did
 * not know (test/fixtures/extract/orange38/SOURCES.md): read, and explained from that one source, marked
 * unverified, rather than as an unknown code.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { advise } from '../../core/orange/advice';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/orange38/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-05T12:00:00Z') };

describe('Orange reasons known from one guide only', () => {
  it('reads a 536 at the end of DATA as suspected spam, unverified, to be sent to Orange', async () => {
    const { incidents } = await extract(fixture('postfix-ofr-536-end-of-data.log'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    if (!incident) throw new Error('no incident');
    expect(incident.reply?.code).toBe(550);
    expect(incident.reply?.enhanced).toBe('5.2.0');
    expect(incident.orange).toMatchObject({ token: 'OFR_536', reason: 536, server: 'opmta1mti21nd1' });
    expect(incident.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident.remoteIp).toBe('193.252.22.65');
    expect(incident.sendingIps).toEqual([]);
    const advice = advise(incident);
    expect(advice.nextStep).toBe('contact-orange');
    expect(advice.summary.en).toMatch(/^Message suspected of spam \(like 506\) \(code 536\)\./);
    expect(advice.summary.en).toContain('Caution: this meaning is unverified.');
    expect(advice.summary.fr).toContain('Attention\u00a0: cette signification n’est pas vérifiée.');
  });

  it('reads a 988 at the greeting as a reputation rate limit, unverified, to wait out', async () => {
    const { incidents } = await extract(fixture('postfix-ofr-988-greeting.log'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    if (!incident) throw new Error('no incident');
    expect(incident.reply?.code).toBe(421);
    expect(incident.reply?.enhanced).toBeNull();
    expect(incident.orange).toMatchObject({ token: 'OFR_988', reason: 988, server: 'mwinf5c40' });
    expect(incident.remoteIp).toBe('80.12.242.9');
    expect(incident.sendingIps).toEqual([]);
    const advice = advise(incident);
    expect(advice.nextStep).toBe('wait-and-retry');
    expect(advice.contactAbuseDesk).toBe(false);
    expect(advice.summary.en).toMatch(/^Rate limited by reputation \(code 988\)\./);
    expect(advice.summary.en).toContain('Caution: this meaning is unverified.');
  });

  it('keeps the real 411 (seen at RCPT TO, in no table) an unknown code with its session token left out', async () => {
    const { incidents } = await extract(fixture('postfix-ofr005-411-rcpt.log'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    if (!incident) throw new Error('no incident');
    expect(incident.reply?.code).toBe(421);
    expect(incident.reply?.enhanced).toBe('4.1.1');
    expect(incident.orange).toMatchObject({ token: 'OFR005_411', reason: 411, server: null });
    expect(incident.recipientDomain).toBe('orange.fr');
    const advice = advise(incident);
    expect(advice.nextStep).toBe('unknown');
    expect(advice.contactAbuseDesk).toBe(false);
    expect(advice.summary.en).toMatch(/^Unknown Orange code \[411\]/);
    expect(advice.summary.en).not.toMatch(/recipient|spam/i);
  });
});
