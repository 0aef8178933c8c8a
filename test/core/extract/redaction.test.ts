import { describe, expect, it } from 'vitest';
import {
  isMaskedDomain,
  isMaskedHost,
  isMaskedRecipientDomain,
  isPlaceholderIp,
} from '../../../core/extract/redaction';

describe('addresses typed in place of a real one', () => {
  it('are the usual stand-ins', () => {
    for (const ip of [
      '1.2.3.4',
      '12.34.56.78',
      '123.123.123.123',
      '111.111.111.111',
      '8.8.8.8',
      '8.8.4.4',
      '71.123.123.123',
      '52.0.0.0',
      '111.11.111.11',
      '222.22.222.22',
    ])
      expect(isPlaceholderIp(ip), ip).toBe(true);
  });

  it('are not real addresses that look regular', () => {
    for (const ip of [
      '193.252.22.65',
      '203.0.113.123',
      '80.12.242.10',
      '123.123.45.6',
      '52.0.0.1',
      '11.1.1.1',
      '2001:db8::1',
    ])
      expect(isPlaceholderIp(ip), ip).toBe(false);
  });

  it('are told by their parts as the rule says, whatever the shape of the text', () => {
    // The rule in words, written out part by part: the address in the set, or four parts where the last
    // three are equal and are `123` or equal to the first too (two characters or more), or end in 0.0.0.
    const byParts = (ip: string) => {
      if (['1.2.3.4', '12.34.56.78', '123.45.67.89', '8.8.8.8', '8.8.4.4'].includes(ip)) return true;
      const [a, b, c, d, ...more] = ip.split('.');
      if (d === undefined || more.length > 0) return false;
      if (b === c && c === d && (b === '123' || (a === b && (b?.length ?? 0) >= 2))) return true;
      return b === '0' && c === '0' && d === '0';
    };
    const parts = ['0', '1', '11', '12', '123', '00', '255', 'x', ''];
    let checked = 0;
    for (const a of parts)
      for (const b of parts)
        for (const c of parts)
          for (const d of parts) {
            const ip = `${a}.${b}.${c}.${d}`;
            expect(isPlaceholderIp(ip), ip).toBe(byParts(ip));
            checked++;
          }
    for (const ip of ['1.1.1', '11.11.11.11.11', '123.123.123', '::ffff:1.0.0.0', '2001:db8::1', ''])
      expect(isPlaceholderIp(ip), ip).toBe(byParts(ip));
    expect(checked).toBe(parts.length ** 4);
  });
});

describe('names typed in place of a real one', () => {
  it('are the words for "some domain" and anything under .tld', () => {
    for (const name of [
      'mail.mydomain.com',
      'yourdomain.com',
      'sender-domain.com',
      'some-domain.net',
      'somehost.tld',
      'example.tld',
    ]) {
      expect(isMaskedDomain(name), name).toBe(true);
      expect(isMaskedHost(name), name).toBe(true);
      expect(isMaskedRecipientDomain(name), name).toBe(true);
    }
  });

  it('are not real names that contain such a word', () => {
    for (const name of [
      'orange.fr',
      'domaine.fr',
      'mail.domainfactory.de',
      'smtp-in.orange.fr',
      'hostinger.com',
      'gmail.ocm',
    ])
      expect(isMaskedRecipientDomain(name), name).toBe(false);
    expect(isMaskedDomain('wanadoo.fr')).toBe(false);
  });

  it("are a syslog host of x's alone, not a host that has x's in its name", () => {
    expect(isMaskedHost('XXXXX')).toBe(true);
    expect(isMaskedHost('xxx')).toBe(true);
    expect(isMaskedHost('mx1')).toBe(false);
    expect(isMaskedHost('xx')).toBe(false);
    expect(isMaskedHost('mailbox')).toBe(false);
  });
});
