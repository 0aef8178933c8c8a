import { describe, expect, it } from 'vitest';
import {
  extractIps,
  isLoopbackIp,
  isNonPublicIp,
  isOrangeIp,
  isUnspecifiedIp,
  normalizeIp,
} from '../../../core/extract/ip';
import { isOrangeHost } from '../../../core/extract/reply';

describe('extractIps', () => {
  it('finds IPv4 and IPv6 in order, validated', () => {
    expect(
      extractIps('from mta1.example.com ([IPv6:2001:db8::1]) by x (203.0.113.7) at 10:22:33 not 999.1.1.1'),
    ).toEqual(['2001:db8::1', '203.0.113.7']);
  });
  it('reads an IPv4-mapped IPv6 address as IPv4, and skips placeholders', () => {
    expect(extractIps('::ffff:192.0.2.1 xxx.xxx.xxx.xxx X.X.X.X')).toEqual(['192.0.2.1']);
  });
  it('does not read version numbers or longer dotted strings as IPs', () => {
    expect(extractIps('Exim 4.92.3 oid 1.3.6.1.4.1')).toEqual([]);
  });
  it('normalises IPv6 to its compressed lower-case form', () => {
    expect(normalizeIp('2001:DB8:0:0:0:0:0:1')).toBe('2001:db8::1');
    expect(normalizeIp('not an ip')).toBeNull();
  });
});

describe('Orange networks and hosts', () => {
  it.each(['193.252.22.65', '80.12.242.10', '80.12.24.83', '2a01:cb00::25'])('%s is Orange', (ip) => {
    expect(isOrangeIp(ip)).toBe(true);
  });
  it.each(['203.0.113.7', '2001:db8::1', 'junk'])('%s is not Orange', (ip) => {
    expect(isOrangeIp(ip)).toBe(false);
  });
  it('knows Orange MX names', () => {
    expect(isOrangeHost('smtp-in.orange.fr')).toBe(true);
    expect(isOrangeHost('SMTP.WANADOO.FR.')).toBe(true);
    expect(isOrangeHost('mx.mailbox.orange-business.com')).toBe(false);
    expect(isOrangeHost('notorange.fr')).toBe(false);
  });
  it('flags private and loopback addresses as never the sending IP', () => {
    expect(isNonPublicIp('10.0.0.5')).toBe(true);
    expect(isNonPublicIp('127.0.0.1')).toBe(true);
    expect(isNonPublicIp('fd00::1')).toBe(true);
    expect(isNonPublicIp('203.0.113.7')).toBe(false);
  });
  it('tells this machine (loopback, in every spelling) from other addresses', () => {
    for (const ip of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1', ' 127.0.0.1 '])
      expect(isLoopbackIp(ip)).toBe(true);
    for (const ip of ['193.252.22.65', '10.0.0.1', '128.0.0.1', '127.0.0.256', '::2', 'localhost', '', null])
      expect(isLoopbackIp(ip)).toBe(false);
  });
});

describe('answers kept per address (ip.ts keeps parses and range names)', () => {
  it('gives each question its own answer whatever was asked first, and after the memo is emptied', () => {
    const check = () => {
      expect(isOrangeIp('80.12.242.10')).toBe(true);
      expect(isNonPublicIp('80.12.242.10')).toBe(false);
      expect(isNonPublicIp('10.1.2.3')).toBe(true);
      expect(isOrangeIp('10.1.2.3')).toBe(false);
      expect(isLoopbackIp('::ffff:127.0.0.1')).toBe(true);
      expect(isNonPublicIp('::ffff:127.0.0.1')).toBe(true);
      expect(normalizeIp('::FFFF:127.0.0.1')).toBe('127.0.0.1');
      expect(normalizeIp('2A01:CB00::25')).toBe('2a01:cb00::25');
      expect(isOrangeIp('2A01:CB00::25')).toBe(true);
      expect(isUnspecifiedIp('0.0.0.0')).toBe(true);
      expect(isUnspecifiedIp(' 0.0.0.0 ')).toBe(true);
      expect(isUnspecifiedIp('00.0.0.0')).toBe(false);
      expect(isUnspecifiedIp('::')).toBe(true);
      expect(isUnspecifiedIp('203.0.113.7')).toBe(false);
    };
    check();
    // More addresses than the memo keeps (4,096): it is emptied and filled again.
    for (let i = 0; i < 5000; i++) normalizeIp(`198.51.${i >> 8}.${i & 255}`);
    check();
    expect(isNonPublicIp('not an address')).toBe(true);
    expect(isOrangeIp('not an address')).toBe(false);
  });
});
