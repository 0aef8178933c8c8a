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
      '2001:db8::1',
    ])
      expect(isPlaceholderIp(ip), ip).toBe(false);
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
