/**
 * Bounces shaped like real ones found outside the Sisimai corpus (other projects' test data, listed in
 * test/fixtures/extract/outside/SOURCES.md); each case is a shape the audit found read wrong.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const dir = fileURLToPath(new URL('../fixtures/extract/outside/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');

describe("a bounce written by the recipient's own server, naming no other remote", () => {
  it("does not take the reporting host (the recipient's) or its hop out for the sender's", async () => {
    const { incidents } = await extract(fixture('communigate-recipient-server.eml'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.recipientDomain).toBe('apollo.lv');
    expect(i?.sendingDomain).toBe('example.com');
    // apollo.lv wrote the bounce and sent it from 80.232.168.212: both are the remote's.
    expect(i?.sendingHosts).not.toContain('apollo.lv');
    expect(i?.sendingIps).not.toContain('80.232.168.212');
  });
});

describe("a remote's failure notice sent back to the host that handed the message over", () => {
  it("takes the copy's hop into the remote, not the bounce's hop out of it", async () => {
    const { incidents } = await extract(fixture('qmail-hosting-failure-notice.eml'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.recipientDomain).toBe('ciudad.com.ar');
    expect(i?.sendingDomain).toBe('lists.example.com');
    // The qmail host received from out1.example.net (198.51.100.20) and sent its notice back to it
    // from 200.42.0.180: that address and its name are the remote's.
    expect(i?.sendingHosts).toEqual(['out1.example.net']);
    expect(i?.sendingIps).toEqual(['198.51.100.20']);
  });
});

describe('a Sendmail notice from the null sender whose returned headers have no From', () => {
  it('takes the sending domain from the address the notice was sent to', async () => {
    const { incidents } = await extract(fixture('sendmail-null-sender-no-date.txt'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply.code).toBe(550);
    expect(i?.remoteHost).toBe('mx.rbd.spb.ru');
    expect(i?.sendingDomain).toBe('example.com');
    expect(i?.sendingHosts).toEqual(['mta4.example.net']);
    // 203.0.113.15 is the hop into mta4, not the address the remote saw.
    expect(i?.sendingIps).toEqual([]);
  });
});

describe('a Sendmail notice pasted without its Date field', () => {
  it('takes the date its text gives for the original message, with its zone', async () => {
    const { incidents } = await extract(fixture('sendmail-null-sender-no-date.txt'));
    expect(incidents[0]?.occurredAt).toBe('2012-11-04T10:32:05+04:00');
    // When Sendmail took the message in: the refusal came then or later, and the note says so.
    expect(incidents[0]?.assumptions.map((a) => a.code)).toEqual(['date.received-at-only']);
  });
});

describe('a returned copy glued to its part header (CommuniGate Pro)', () => {
  it("reads the copy's header block, and not its own Content-Transfer-Encoding as the part's", async () => {
    const { incidents } = await extract(fixture('communigate-glued-copy.eml'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply.code).toBe(550);
    expect(i?.recipientDomain).toBe('apollo.lv');
    // `host pop.apollo.lv says:`, CommuniGate's wording, names the server that refused.
    expect(i?.remoteHost).toBe('pop.apollo.lv');
    // The copy's hop into smtp2.apollo.lv: the client the remote saw.
    expect(i?.sendingHosts).toEqual(['mta1.example.com']);
    expect(i?.sendingIps).toEqual(['192.0.2.10']);
  });
});

describe('a notice naming its recipient by display name, for a copy its sender addressed to itself', () => {
  it("does not take the copy's To (the sender) for the failed recipient", async () => {
    const { incidents, warnings } = await extract(fixture('exchange55-blind-copy.eml'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingDomain).toBe('example.com');
    expect(incidents[0]?.recipientDomain).toBeNull();
    expect(warnings.map((w) => w.code)).toContain('missing.recipientDomain');
  });
});

describe("Orange's server id written right before smtp.orange.fr", () => {
  it('is read from that place even when it is not of the opmta1mtiNN pattern', async () => {
    const { incidents } = await extract(fixture('postfix-notice-orange-104.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(421);
    expect(incidents[0]?.orange).toEqual({ token: 'OFR005_104', reason: 104, server: 'opmtad4k4345ydf' });
    expect(incidents[0]?.sendingHosts).toEqual(['mailer.example.com']);
    expect(incidents[0]?.remoteIp).toBe('193.252.22.65');
  });
});

describe("Rackspace's deferral naming a new or untrusted IP", () => {
  it('takes that address as the sending IP, not the MX address', async () => {
    const { incidents } = await extract(fixture('postfix-notice-rackspace-untrusted-ip.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(451);
    expect(incidents[0]?.remoteIp).toBe('180.166.34.2');
    expect(incidents[0]?.sendingIps).toEqual(['203.0.113.61']);
  });
});

describe("a notice's text pasted alone, where Gmail's reply names the sender's domain", () => {
  it('takes the DMARC (From) domain and the SPF (envelope) domain from the replies', async () => {
    const { incidents } = await extract(fixture('postfix-notice-gmail-names-sender-domain.txt'));
    expect(incidents.map((i) => i.reply.code)).toEqual([550, 421]);
    expect(incidents.map((i) => i.sendingDomain)).toEqual(['example.com', 'bounces.example.org']);
  });
});

describe("a recipient's Exchange reached through its own MX under another domain name", () => {
  it("walks on through the receiver's internal hop to the hop the message entered by", async () => {
    const { incidents } = await extract(fixture('exchange2003-internal-relay.eml'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.recipientDomain).toBe('no.compuware.com');
    expect(i?.sendingDomain).toBe('example.com');
    // Not the recipient's Exchange (the Reporting-MTA), nor the sender's hop in from its app server.
    expect(i?.sendingHosts).toEqual(['mta1.example.com']);
    expect(i?.sendingIps).toEqual(['192.0.2.10']);
  });
});

describe('a Sendmail transcript going on after a refusal', () => {
  it('does not make an incident of the 503 answering the DATA sent after the refusal', async () => {
    const { incidents } = await extract(fixture('sendmail-notice-gmail-multiline.txt'));
    expect(incidents.map((i) => i.reply.code)).not.toContain(503);
  });

  it("reads the reason line and the transcript as one reply, the transcript's whole text", async () => {
    const { incidents } = await extract(fixture('sendmail-notice-gmail-multiline.txt'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.recipientDomain).toBe('social.example');
    expect(i?.remoteHost).toBe('aspmx.l.google.com');
    expect(i?.reply.code).toBe(550);
    expect(i?.reply.enhanced).toBe('5.1.1');
    expect(i?.reply.text).toContain('double-checking the recipient');
  });
});

describe('a remote MX whose DNS name holds an underscore', () => {
  it('still reads the reply, the host and its address', async () => {
    const { incidents } = await extract(fixture('postfix-notice-underscore-host.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(554);
    expect(incidents[0]?.reply.text).toBe('554 5.4.0 Error: too many hops');
    expect(incidents[0]?.remoteHost).toBe('balancer_haproxy.email.locaweb.com.br');
    expect(incidents[0]?.remoteIp).toBe('203.0.113.80');
  });
});

describe('a returned copy whose top hop is a server under an internal name', () => {
  it('does not give that name (the recipient company Exchange) as a sending host', async () => {
    const { incidents } = await extract(fixture('exchange2010-sv-internal-name.eml'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply.text).toBe('550 5.1.1 RESOLVER.ADR.RecipNotFound; not found');
    expect(i?.recipientDomain).toBe('example.org');
    expect(i?.sendingDomain).toBe('example.com');
    expect(i?.sendingHosts).not.toContain('fgsrv-mail01.fasadglas.sto');
  });
});

describe('a DSN whose final recipient is an internal alias of the original one', () => {
  it('gives the domain the sender wrote to (Original-Recipient)', async () => {
    const { incidents } = await extract(fixture('postfix-maildrop-internal-alias.eml'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.recipientDomain).toBe('domain.com');
    expect(incidents[0]?.sendingHosts).toContain('mta.example.com');
    expect(incidents[0]?.sendingIps).toEqual(['203.0.113.101']);
  });
});

describe("a bounce written from the failed recipient's own domain, naming an inner backend", () => {
  it("takes the copy's hop into the recipient's provider, not the provider's own hosts", async () => {
    const { incidents } = await extract(fixture('icewarp-recipient-provider.eml'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply.code).toBe(554);
    expect(i?.recipientDomain).toBe('elromail.dk');
    expect(i?.sendingHosts).toEqual(['mail.example.com']);
    expect(i?.sendingIps).toEqual(['192.0.2.9']);
  });
});

describe("a Postfix notice whose remote address was redacted, the reply's code alone at a line end", () => {
  it('keeps the code with the reply and names the rejecting host', async () => {
    const { incidents } = await extract(fixture('postfix-notice-redacted-address.txt'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply.code).toBe(550);
    expect(i?.reply.enhanced).toBe('5.7.1');
    expect(i?.reply.text).toMatch(/^550 5\.7\.1 opmta1mto02nd1 smtp\.orange\.fr .* OFR006_103 .* \[103\]$/);
    expect(i?.remoteHost).toBe('smtp-in.orange.fr');
    expect(i?.remoteIp).toBeNull();
    expect(i?.orange).toMatchObject({ token: 'OFR006_103', reason: 103 });
    expect(i?.recipientDomain).toBe('wanadoo.fr');
  });
});

describe("a bounce written by the recipient's provider for a mailbox it failed itself", () => {
  it.each([
    // Its own local delivery (`maildir delivery failed ... quota`), no other server named.
    ['postfix-recipient-maildir-quota.eml', '198.51.100.47', 'out7.relay.example.net', '159.148.13.8'],
    // Its inner store at a private address (`host 10.2.9.112 says: 550 5.1.1 User unknown`).
    ['communigate-inner-store-unknown.eml', '198.51.100.174', 'out3.relay.example.net', '194.8.16.6'],
  ])(
    "%s: takes the hop the copy came in by, not the provider's hop out with the bounce",
    async (name, ip, host, providerIp) => {
      const { incidents } = await extract(fixture(name));
      expect(incidents).toHaveLength(1);
      const i = incidents[0];
      expect(i?.sendingDomain).toBe('example.com');
      expect(i?.sendingIps).toEqual([ip]);
      expect(i?.sendingHosts).toEqual([host]);
      expect(i?.sendingIps).not.toContain(providerIp);
    },
  );
});

describe("a Remote-MTA's connection (TCP|local|port|remote|port) written on the receiving side", () => {
  it("does not take its local address (the provider's own MX) for a sending IP", async () => {
    const { incidents } = await extract(fixture('oracle-messaging-lmtp-over-quota.eml'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingIps).toEqual(['198.51.100.9']);
    expect(incidents[0]?.remoteIp).toBe('194.90.6.104');
  });
});

describe('a delivery report that announces a success (a return receipt)', () => {
  it('makes no incident and says why', async () => {
    const { incidents, warnings } = await extract(fixture('sendmail-return-receipt-relayed.eml'));
    expect(incidents).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(['input.delivered-report']);
    expect(warnings[0]?.text.fr).toContain('remise réussie');
  });

  it('still makes the incident of a failed recipient listed beside a delivered one', async () => {
    const text = fixture('sendmail-return-receipt-relayed.eml').replace(
      'Last-Attempt-Date: Thu, 1 Jan 2015 17:19:04 GMT\n',
      'Last-Attempt-Date: Thu, 1 Jan 2015 17:19:04 GMT\n\nFinal-Recipient: RFC822; marie@orange.fr\nAction: failed\nStatus: 5.0.0\nRemote-MTA: DNS; smtp-in.orange.fr\nDiagnostic-Code: SMTP; 550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. OFR006_102 [102]\n',
    );
    const { incidents } = await extract(text);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.recipientDomain).toBe('orange.fr');
    expect(incidents[0]?.orange?.token).toBe('OFR006_102');
  });
});

describe('a Sendmail DSN whose Diagnostic-Code keeps the first line of a multi-line reply', () => {
  it('gives the whole reply, from the transcript, unwrapped', async () => {
    const { incidents } = await extract(fixture('sendmail-dsn-gmail-multiline.eml'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply).toEqual({
      code: 550,
      enhanced: '5.1.1',
      text: "550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. Learn more at http://support.google.com/mail/bin/answer.py?answer=6596 q3si4646974wia.78 - gsmtp",
    });
    expect(incidents[0]?.sources.reply?.text).toMatch(/^<<< 550-5\.1\.1 The email account/);
    expect(incidents[0]?.remoteHost).toBe('aspmx.l.google.com');
  });
});

describe("a hosted Exchange's bounce for an unknown recipient, the copy handed over by the provider's relay", () => {
  it("gives neither the provider's relay nor its Exchange as the sender's (no hop shows the sender's)", async () => {
    const { incidents } = await extract(fixture('exchange2003-hosted-unknown-recipient.eml'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.sendingDomain).toBe('example.com');
    expect(i?.sendingIps).toEqual([]);
    expect(i?.sendingHosts).toEqual([]);
  });
});

describe("a provider's bounce for a recipient its inner store, at a private address, refused", () => {
  it("takes the copy's hop into the provider, not the provider's own hop out", async () => {
    const { incidents } = await extract(fixture('postfix-provider-inner-store.eml'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.remoteIp).toBe('172.26.20.8');
    expect(i?.sendingIps).toEqual(['198.51.100.111']);
    expect(i?.sendingHosts).toEqual(['out2.example.com']);
  });
});

describe("Stalwart's notice: `(host 'X' rejected command '...' with code 550 (5.1.1) '...')`", () => {
  it('gives one incident per recipient, the reply rebuilt with its codes, and the rejecting host', async () => {
    const { incidents } = await extract(fixture('stalwart-notice-two-recipients.txt'));
    expect(incidents).toHaveLength(2);
    expect(incidents[0]).toMatchObject({
      recipientDomain: 'orange.fr',
      remoteHost: 'smtp-in.orange.fr',
      reply: { code: 550, enhanced: '5.7.1' },
      orange: { token: 'OFR006_102', reason: 102, server: 'mwinf5c04' },
      sendingIps: ['203.0.113.7'],
    });
    expect(incidents[0]?.reply.text).toMatch(/^550 5\.7\.1 mwinf5c04 ME Adresse IP .* \[102\]$/);
    expect(incidents[1]).toMatchObject({
      recipientDomain: 'gmail.com',
      remoteHost: 'gmail-smtp-in.l.google.com',
      reply: {
        code: 550,
        enhanced: '5.1.1',
        text: '550 5.1.1 The email account that you tried to reach does not exist.',
      },
    });
  });
});
