/**
 * Gmail's `The recipient server did not accept our requests to connect` with the remote's reply in its
 * bracket (`[smtp-in.orange.fr. 193.252.22.65: 550 ... [102]]`): the server and address are Orange's MX,
 * the reply is read whole without the bracket that closes it. Fixtures and sources:
 * test/fixtures/extract/paste39/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { gmailConnectReply } from '../../core/extract/gmail-connect-reply';

const dir = fileURLToPath(new URL('../fixtures/extract/paste39/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');

const ORANGE_102 =
  '550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=209.85.128.52 [102]';

describe("Gmail's notice of a connection the remote refused, its reply in brackets", () => {
  it("reads the DSN's reply whole and Orange's MX as the remote, Gmail's address as the sender's", async () => {
    const { incidents, warnings } = await extract(fixture('gmail-connect-refused-orange-102.eml'));
    expect(incidents).toHaveLength(1);
    const incident = incidents[0];
    expect(incident?.reply.text).toBe(ORANGE_102);
    expect(incident?.orange?.reason).toBe(102);
    expect(incident?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident?.remoteIp).toBe('193.252.22.65');
    expect(incident?.sendingIps).toEqual(['209.85.128.52']);
    expect(incident?.sendingIps).not.toContain('193.252.22.65');
    expect(incident?.recipientDomain).toBe('orange.fr');
    expect(incident?.occurredAt).toBe('2026-11-24T02:47:19-08:00');
    expect(incident?.sources.remoteIp?.text).toContain('[smtp-in.orange.fr. 193.252.22.65: 550');
    expect(warnings.map((w) => w.code)).not.toContain('missing.remoteHost');
  });

  it('reads the delay notice as the browser shows it, the bracket on a line of its own', async () => {
    const { incidents } = await extract(fixture('gmail-delivery-incomplete-orange-104.txt'));
    expect(incidents).toHaveLength(1);
    const incident = incidents[0];
    expect(incident?.reply.code).toBe(421);
    expect(incident?.reply.text).toMatch(/^421 mwinf5c79 ME Trop de connexions.* OFR004_104 \[104\]$/);
    expect(incident?.orange?.reason).toBe(104);
    expect(incident?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident?.remoteIp).toBe('80.12.242.15');
    expect(incident?.sendingIps).toEqual([]);
    expect(incident?.recipientDomain).toBe('wanadoo.fr');
    expect(incident?.sources.reply?.line).toBe(7);
  });

  it('reads a bracket wrapped over two lines (CRLF), and a name written as an address', async () => {
    const text = [
      'Technical details of permanent failure:',
      'The recipient server did not accept our requests to connect. Learn more at https://support.google.com/mail/answer/7720',
      '[193.252.22.65 193.252.22.65: 550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam.',
      'Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=209.85.128.52 [102]]',
      '',
    ].join('\r\n');
    const { incidents } = await extract(text);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(ORANGE_102);
    expect(incidents[0]?.remoteHost).toBeNull();
    expect(incidents[0]?.remoteIp).toBe('193.252.22.65');
    expect(incidents[0]?.sendingIps).toEqual(['209.85.128.52']);
  });

  it('takes no reply from a bracket that says what happened without one', () => {
    const words = 'The recipient server did not accept our requests to connect. Learn more at';
    expect(
      gmailConnectReply(
        `${words} https://support.google.com/mail/answer/7720 [mx.example.com 192.0.2.1: timed out]`,
      ),
    ).toBeNull();
    expect(gmailConnectReply('smtp; 550 5.7.1 [198.51.100.9: 550 not in brackets of Gmail]')).toBeNull();
    expect(gmailConnectReply(`${words} [mx.example.com. 192.0.2.1: 421 4.7.0 Try again later [x]]`)).toBe(
      '421 4.7.0 Try again later [x]',
    );
    // An IPv6 address, and the notice's form before 2016 (a count, the address in brackets with its port).
    expect(gmailConnectReply(`${words} [mx.example.com. 2001:db8::1: 421 4.7.0 Try again later]`)).toBe(
      '421 4.7.0 Try again later',
    );
    expect(
      gmailConnectReply(`${words}\n[(0) mx.example.com. [192.0.2.1]:25: 421 4.7.0 Try again later]`),
    ).toBe('421 4.7.0 Try again later');
  });
});
