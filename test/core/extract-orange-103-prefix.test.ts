/**
 * Orange's reason 103 written with the stage prefix alone, the sending IP, then the reason in brackets
 * (`OFR006 203.0.113.44 [103]`, test/fixtures/extract/orange-103/SOURCES.md): the bracket carries the
 * reason (the prefix `006` is no reason), and the IP written after the token is the sending IP.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../core/extract';
import { parseReply } from '../../core/extract/reply';
import { advise } from '../../core/orange/advice';

const path = (name: string) =>
  fileURLToPath(new URL(`../fixtures/extract/orange-103/${name}`, import.meta.url));
const read = (name: string) =>
  extractBytes(new Uint8Array(readFileSync(path(name))), { now: new Date('2026-12-05T12:00:00Z') });

describe('OFR006 <IP> [103]', () => {
  it.each([
    ['exim-ofr006-ip-then-bracket.eml', '203.0.113.44'],
    ['postfix-ofr006-ip-then-bracket.eml', '198.51.100.23'],
  ])('%s: reason 103, the IP after the token sends', async (name, ip) => {
    const { incidents } = await read(name);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.orange).toMatchObject({ token: 'OFR006', reason: 103 });
    expect(incident?.sendingIps).toEqual([ip]);
    expect(incident?.remoteIp).toBe('193.252.22.84');
    if (incident) expect(advise(incident).contactAbuseDesk).toBe(true);
  });

  it('keeps the other token forms as they were read', () => {
    const reason = (text: string) => parseReply(text).orange;
    expect(reason('550 mwinf5c20 ME Service refuse. OFR006_103 203.0.113.44 [103]')).toMatchObject({
      token: 'OFR006_103',
      reason: 103,
    });
    expect(reason('421 mwinf5c79 ME Service refuse. OFR006 102 Ref [102]')).toMatchObject({
      token: 'OFR006_102',
      reason: 102,
    });
    expect(reason('421 mwinf5c12 ME Service refuse. OFR999 [999]')).toMatchObject({
      token: 'OFR_999',
      reason: 999,
    });
    expect(reason('550 mwinf5c20 ME Adresse IP source bloquee. OFR006 [103]')).toMatchObject({
      token: 'OFR006',
      reason: 103,
    });
  });
});

describe('an address of Orange’s network where the sending IP should be', () => {
  it('is not taken as the sending IP of a refusal by Orange, and a note says so', async () => {
    const { incidents } = await read('derived-postfix-line-orange-ip-after-token.txt');
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingIps).toEqual([]);
    expect(incidents[0]?.orange?.reason).toBe(103);
    expect(incidents[0]?.assumptions.map((a) => a.code)).toEqual(['ip.orange-network']);
  });

  it('is kept when another provider names Orange’s relay as its client', async () => {
    const text = '550 5.5.0 SPF: 80.12.242.126 is not allowed to send mail. LPN004_401';
    const { incidents } = await extractBytes(new TextEncoder().encode(text), {
      now: new Date('2026-12-05T12:00:00Z'),
    });
    expect(incidents[0]?.sendingIps).toEqual(['80.12.242.126']);
  });
});

describe('reason-103 shapes read right before, kept as tests', () => {
  it.each([
    // An IPv6 sender after the token.
    [
      '550 mwinf5c20 ME Adresse IP source bloquee par Orange. Client host blocked by Orange. OFR006_103 2001:db8:4a::25 [103]',
      'OFR006_103',
      ['2001:db8:4a::25'],
    ],
    // The notes' lower-case and dashed token forms.
    [
      '550 mwinf5c20 ME Adresse IP source bloquee par Orange. Client host blocked by Orange. ofr006_103 203.0.113.44 [103]',
      'OFR006_103',
      ['203.0.113.44'],
    ],
    [
      '550 mwinf5c20 ME Adresse IP source bloquee par Orange. Client host blocked by Orange. OFR004-103 203.0.113.44 [103]',
      'OFR004_103',
      ['203.0.113.44'],
    ],
    // No IP written: none is taken (the link is Orange's page, not a lookup).
    [
      '550 opmta1mti37nd1 smtp.orange.fr xZBIwcGuCj51b Service refuse. Service refused. OFR006_103 - please visit: https://postmaster.orange.fr/ [103]',
      'OFR006_103',
      [],
    ],
    [
      '421 mwinf5c12 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR005_103 [103]',
      'OFR005_103',
      [],
    ],
  ])('%s', (text, token, ips) => {
    const parsed = parseReply(text);
    expect(parsed.orange).toMatchObject({ token, reason: 103 });
    expect(parsed.linkIps).toEqual(ips);
  });
});
