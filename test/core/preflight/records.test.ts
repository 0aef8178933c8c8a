/** DMARC and DKIM record parsing, DKIM-Signature reading, blocklist and PTR query names. */
import { findDkimSelectors, parseDkimKeyRecord } from '../../../core/preflight/dkim';
import { isDmarcRecord, organizationalDomain, parseDmarcRecord } from '../../../core/preflight/dmarc';
import { dnsblQueryName } from '../../../core/preflight/dnsbl-lists';
import { arpaName } from '../../../core/preflight/reverse-name';

describe('DMARC records', () => {
  test('defaults: sp= follows p=, relaxed alignment', () => {
    expect(parseDmarcRecord('v=DMARC1; p=quarantine')).toEqual({
      ok: true,
      policy: 'quarantine',
      subdomainPolicy: 'quarantine',
      adkim: 'r',
      aspf: 'r',
      pct: 100,
    });
  });
  test('explicit tags, any case and spacing', () => {
    expect(parseDmarcRecord('v=DMARC1 ; P=Reject ; sp=none; adkim=s; aspf=S; pct=50')).toMatchObject({
      policy: 'reject',
      subdomainPolicy: 'none',
      adkim: 's',
      aspf: 's',
      pct: 50,
    });
  });
  test.each([
    'p=reject; v=DMARC1',
    'v=DMARC1; rua=mailto:a@example.com',
    'v=DMARC1; p=block',
    'v=DMARC1; p=reject; p=none',
  ])('invalid: %s', (record) => {
    expect(parseDmarcRecord(record).ok).toBe(false);
  });
  test('recognition and organisational domains', () => {
    expect(isDmarcRecord('v=DMARC1; p=none')).toBe(true);
    expect(isDmarcRecord('v=DMARC10; p=none')).toBe(false);
    expect(isDmarcRecord('v=spf1 -all')).toBe(false);
    expect(organizationalDomain('mail.news.example.co.uk')).toBe('example.co.uk');
    expect(organizationalDomain('bounce.wanadoo.fr')).toBe('wanadoo.fr');
  });
});

describe('DKIM key records', () => {
  test.each([
    ['v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDw', { ok: true, keyType: 'rsa' }],
    ['p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDw', { ok: true, keyType: 'rsa' }],
    ['v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=', { ok: true, keyType: 'ed25519' }],
    ['v=DKIM1; p=MIGf MA0G CSqG SIb3', { ok: true, keyType: 'rsa' }],
    ['v=DKIM1; p=', { ok: false, problem: 'revoked' }],
    ['v=DKIM1; k=rsa', { ok: false, problem: 'no-key' }],
    ['k=rsa; v=DKIM1; p=MIGf', { ok: false, problem: 'version' }],
    ['v=DKIM2; p=MIGf', { ok: false, problem: 'version' }],
    ['v=DKIM1; k=dsa; p=MIGf', { ok: false, problem: 'key-type' }],
    ['v=DKIM1; p=not*base64', { ok: false, problem: 'base64' }],
    ['v=DKIM1; garbage', { ok: false, problem: 'syntax' }],
  ])('%s', (record, expected) => {
    expect(parseDkimKeyRecord(record)).toEqual(expected);
  });
});

describe('DKIM-Signature headers in a pasted message', () => {
  test('folded header with CRLF, several signatures, duplicates removed', () => {
    const pasted = [
      'Return-Path: <bounce@example.com>',
      'DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com;',
      '\ts=s2026; t=1764410000; h=from:to:subject;',
      '\tbh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=; b=dGVzdA==',
      'dkim-signature: v=1; a=rsa-sha256; d=esp.example.net; s=k1; b=abc',
      'DKIM-Signature: v=1; d=example.com; s=s2026; b=other',
      'Subject: test',
    ].join('\r\n');
    expect(findDkimSelectors(pasted)).toEqual([
      { selector: 's2026', domain: 'example.com' },
      { selector: 'k1', domain: 'esp.example.net' },
    ]);
  });
  test('a header without s= or with a bad domain gives nothing', () => {
    expect(
      findDkimSelectors('DKIM-Signature: v=1; d=example.com; b=x\nDKIM-Signature: d=exa mple..; s=a'),
    ).toEqual([]);
  });
});

describe('query names', () => {
  test('blocklists: reversed IPv4 octets, reversed IPv6 nibbles, key before the zone', () => {
    expect(dnsblQueryName('198.51.100.23', 'zen.spamhaus.org')).toBe('23.100.51.198.zen.spamhaus.org');
    expect(dnsblQueryName('2001:db8::1', 'zen.spamhaus.org')).toBe(
      '1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.zen.spamhaus.org',
    );
    expect(dnsblQueryName('198.51.100.23', 'combined.mail.abusix.zone', 'abc')).toBe(
      '23.100.51.198.abc.combined.mail.abusix.zone',
    );
  });
  test('PTR names; IPv4-mapped IPv6 is treated as IPv4', () => {
    expect(arpaName('203.0.113.7')).toBe('7.113.0.203.in-addr.arpa');
    expect(arpaName('::ffff:203.0.113.7')).toBe('7.113.0.203.in-addr.arpa');
    expect(arpaName('2001:db8::1').endsWith('.8.b.d.0.1.0.0.2.ip6.arpa')).toBe(true);
  });
});
