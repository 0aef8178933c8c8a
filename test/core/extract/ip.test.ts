import { describe, expect, it } from 'vitest';
import { extractIps, isLoopbackIp, isNonPublicIp, isOrangeIp, normalizeIp } from '../../../core/extract/ip';
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
