import type { Verdict, VerdictLevel } from '../../../core/types';
import {
  validateDate,
  validateDomain,
  validateHostname,
  validateIp,
  validateReplyCode,
} from '../../../core/validate';

function expectBilingual(verdict: Verdict) {
  expect(verdict.message.fr.trim()).not.toBe('');
  expect(verdict.message.en.trim()).not.toBe('');
  expect(verdict.message.fr).not.toBe(verdict.message.en);
  expect(`${verdict.message.fr} ${verdict.message.en}`).not.toMatch(/undefined|null|NaN|\[object/);
}

describe('validateIp', () => {
  it.each<[string, VerdictLevel, RegExp?]>([
    ['8.8.8.8', 'ok'],
    ['2a00:1450:4007:80e::200e', 'ok'],
    [' 8.8.4.4 ', 'ok'],
    ['203.0.113.25', 'warning', /documentation/],
    ['2001:db8::25', 'warning', /documentation/],
    ['10.1.2.3', 'error', /private/],
    ['192.168.0.10', 'error', /private/],
    ['172.16.5.4', 'error', /private/],
    ['127.0.0.1', 'error', /loopback/],
    ['::1', 'error', /loopback/],
    ['169.254.10.1', 'error', /link-local/],
    ['fe80::1', 'error', /link-local/],
    ['fd12:3456::1', 'error', /unique local/],
    ['100.64.3.2', 'error', /carrier-grade NAT/],
    ['0.0.0.0', 'error', /unspecified/],
    ['224.0.0.5', 'error', /multicast/],
    ['255.255.255.255', 'error', /broadcast/],
    ['240.0.0.1', 'error', /reserved/],
    ['::ffff:10.0.0.1', 'error', /private/],
    ['193.252.22.65', 'error', /Orange's network/],
    ['80.12.242.10', 'error', /Orange's network/],
    ['256.1.1.1', 'error', /not a valid/],
    ['1.2.3', 'error', /not a valid/],
    ['2001:db8::g', 'error', /not a valid/],
    ['mail.example.com', 'error', /not a valid/],
    ['', 'error', /Empty/],
  ])('%s → %s', (ip, level, pattern) => {
    const verdict = validateIp(ip);
    expect(verdict.level).toBe(level);
    if (pattern) expect(verdict.message.en).toMatch(pattern);
    if (level !== 'ok') expectBilingual(verdict);
  });
});

describe('validateHostname', () => {
  it.each<[string, VerdictLevel, RegExp?]>([
    ['mail.example.com', 'ok'],
    ['mta-01.out.example.co.uk', 'ok'],
    ['mail.example.com.', 'ok'],
    ['xn--bcher-kva.example.com', 'ok'],
    ['mail.bücher.example.com', 'ok'],
    ['relais.société.fr', 'ok'],
    ['server1', 'error', /fully qualified/],
    ['localhost', 'error', /fully qualified/],
    ['mail.example.local', 'error', /public top-level domain/],
    ['mail.corp.internal', 'error', /public top-level domain/],
    ['mail_1.example.com', 'error', /invalid label/],
    ['-mail.example.com', 'error', /invalid label/],
    ['mail..example.com', 'error', /empty label/],
    [`${'a'.repeat(64)}.example.com`, 'error', /too long/],
    [`${'abcdefghi.'.repeat(26)}com`, 'error', /too long/],
    ['203.0.113.25', 'error', /IP address/],
    ['smtp-in.orange.fr', 'error', /Orange's servers/],
    ['', 'error', /Empty/],
  ])('%s → %s', (name, level, pattern) => {
    const verdict = validateHostname(name);
    expect(verdict.level).toBe(level);
    if (pattern) expect(verdict.message.en).toMatch(pattern);
    if (level !== 'ok') expectBilingual(verdict);
  });
});

describe('validateDomain', () => {
  it.each<[string, VerdictLevel, RegExp?]>([
    ['example.com', 'ok'],
    ['example.co.uk', 'ok'],
    ['EXAMPLE.FR', 'ok'],
    ['élysée.fr', 'ok'],
    ['news.example.com', 'ok', /subdomain of example\.com/],
    ['co.uk', 'error', /public suffix/],
    ['com', 'error', /public suffix/],
    ['example', 'error', /public top-level domain/],
    ['example.invalid', 'error', /public top-level domain/],
    ['contact@example.com', 'error', /e-mail address/],
    ['198.51.100.4', 'error', /IP address/],
    ['exa mple.com', 'error', /not a valid domain/],
    ['orange.fr', 'warning', /Orange domain/],
    ['', 'error', /Empty/],
  ])('%s → %s', (domain, level, pattern) => {
    const verdict = validateDomain(domain);
    expect(verdict.level).toBe(level);
    if (pattern) expect(verdict.message.en).toMatch(pattern);
    if (level !== 'ok') expectBilingual(verdict);
  });
});

describe('validateDate', () => {
  const now = new Date('2020-01-10T12:00:00Z');
  it.each<[string | null, VerdictLevel, RegExp?]>([
    ['2019-12-16T22:00:18+01:00', 'ok'],
    ['2019-12-16T21:00:18Z', 'ok'],
    ['2020-01-10 12:05:00+00:00', 'ok'],
    ['2020-01-10T12:08:00.123+0000', 'ok'],
    ['2020-01-10T13:30:00+00:00', 'error', /future/],
    ['2021-01-01T00:00:00+01:00', 'error', /future/],
    ['2018-12-01T10:00:00+01:00', 'warning', /more than a year/],
    ['1970-01-01T00:00:00Z', 'error', /not plausible/],
    ['2019-12-16T22:00:18', 'warning', /no time zone/],
    ['2019-02-30T10:00:00+01:00', 'error', /not a valid date/],
    ['2019-12-16T25:00:00+01:00', 'error', /not a valid date/],
    ['16/12/2019 22:00', 'error', /not a valid date/],
    ['', 'error', /Empty/],
    [null, 'error', /Empty/],
  ])('%s → %s', (iso, level, pattern) => {
    const verdict = validateDate(iso, now);
    expect(verdict.level).toBe(level);
    if (pattern) expect(verdict.message.en).toMatch(pattern);
    if (level !== 'ok') expectBilingual(verdict);
  });

  it('compares instants, not wall clocks: 13:30+02:00 is before noon UTC', () => {
    expect(validateDate('2020-01-10T13:30:00+02:00', now).level).toBe('ok');
  });
});

describe('validateReplyCode', () => {
  it.each<[number | null, string | null, VerdictLevel, RegExp?]>([
    [550, null, 'ok'],
    [421, null, 'ok'],
    [550, '5.2.0', 'ok'],
    [421, '4.2.0', 'ok'],
    [501, '5.1.0', 'ok'],
    [550, '4.0.0', 'warning', /same class/],
    [421, '5.7.1', 'warning', /same class/],
    [550, '5.7', 'warning', /not a valid enhanced/],
    [250, null, 'error', /not a refusal/],
    [354, null, 'error', /not a refusal/],
    [650, null, 'error', /not an SMTP reply code/],
    [null, null, 'error', /missing/],
  ])('%s %s → %s', (code, enhanced, level, pattern) => {
    const verdict = validateReplyCode(code, enhanced);
    expect(verdict.level).toBe(level);
    if (pattern) expect(verdict.message.en).toMatch(pattern);
    if (level !== 'ok') expectBilingual(verdict);
  });
});
