/**
 * Bounces and replies in languages other than English, as the intl audit found them
 * (test/fixtures/extract/audit26/SOURCES-intl.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract, extractBytes } from '../../core/extract';
import { advise } from '../../core/orange/advice';

const path = (name: string) => fileURLToPath(new URL(`../fixtures/extract/audit26/${name}`, import.meta.url));
const fixture = (name: string) => readFileSync(path(name), 'utf8');
const bytes = (name: string) => new Uint8Array(readFileSync(path(name)));
const options = { now: new Date('2026-11-29T12:00:00Z') };

describe("Outlook's French send error, a relay refusal by the account's own server", () => {
  it.each(['ms-kb290842-fr-outlook-relais-refuse.txt', 'derived-ms-kb290842-fr-cp1252-crlf.txt'])(
    'reads %s as the own server refusing, named by Serveur :',
    async (name) => {
      const { incidents } = await extractBytes(bytes(name), options);
      expect(incidents).toHaveLength(1);
      const incident = incidents[0];
      expect(incident?.reply).toEqual({
        code: 550,
        enhanced: null,
        text: '550 <personne@exemple.com>... Relais refusé',
      });
      expect(incident?.remoteHost).toBe('smtp.exemple.com');
      expect(incident?.sources.remoteHost?.line).toBe(1);
      expect(incident?.recipientDomain).toBe('exemple.com');
      const advice = incident ? advise(incident, { incidents }) : null;
      expect(advice?.nextStep).toBe('not-an-abuse-desk-case');
      expect(advice?.contactAbuseDesk).toBe(false);
      expect(advice?.summary.fr).toContain('(smtp.exemple.com)');
    },
  );

  it.each([
    ['Relay verweigert', 'Serverantwort: "550 <jemand@beispiel.com>... Relay verweigert"'],
    [
      'Retransmisión denegada',
      "Respuesta del servidor: '550 <someone@example.com>... Retransmisión denegada'",
    ],
    ['Inoltro negato', "Risposta del server: '550 <someone@example.com>... Inoltro negato'"],
    ['Doorsturen geweigerd', "Serverantwoord: '550 <iemand@example.com>... Doorsturen geweigerd'"],
  ])("reads Microsoft's translation %s as a relay refusal", async (words, line) => {
    const { incidents } = await extract(`Protocol: SMTP, ${line}, Port: 25`, options);
    expect(incidents.map((i) => i.reply.text)).toEqual([
      expect.stringMatching(new RegExp(`\\.\\.\\. ${words}$`)),
    ]);
    const incident = incidents[0];
    expect(incident ? advise(incident, { incidents }).nextStep : null).toBe('not-an-abuse-desk-case');
  });

  it("keeps the English error's advice when Outlook names the account's server without brackets", async () => {
    const text =
      "The message could not be sent because one of the recipients was rejected by the server. The rejected e-mail address was 'someone@example.com'. Subject 'Test', Account: 'Test', Server: 'smtp.example.com', Protocol: SMTP, Server Response: '550 <someone@example.com>... Relaying denied', Port: 25, Secure(SSL): No, Server Error: 550, Error Number: 0x800CCC79";
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => [i.remoteHost, i.reply.text])).toEqual([
      ['smtp.example.com', '550 <someone@example.com>... Relaying denied'],
    ]);
    const incident = incidents[0];
    expect(incident ? advise(incident, { incidents }).nextStep : null).toBe('not-an-abuse-desk-case');
  });

  it("still leaves a relay refusal by a remote Postfix names (maybe the recipient's MX) undecided", async () => {
    const text =
      '<x@example.net>: host mx.example.net[192.0.2.1] said: 554 5.7.1 <x@example.net>: Relay access denied (in reply to RCPT TO command)';
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => i.remoteHost)).toEqual(['mx.example.net']);
    const incident = incidents[0];
    expect(incident ? advise(incident, { incidents }).nextStep : null).toBe('unknown');
  });
});

describe('a reply behind a list bullet', () => {
  it("reads IONOS's help page line behind its bullet", async () => {
    const { incidents } = await extract(fixture('ionos-de-ip-ellipsis.txt'), options);
    expect(incidents.map((i) => [i.reply.code, i.reply.enhanced, i.sources.reply?.line])).toEqual([
      [554, null, 1],
    ]);
    expect(incidents[0]?.reply.text).toMatch(
      /^554 Service unavailable; Client host \[\.\.\.\] blocked using rbl\.orbitrbl\.com - IP Black Listed: /,
    );
  });

  it.each(['•', '◦', '▪', '‣', '●', '–', '-', '*'])('reads a reply behind %s among words', async (bullet) => {
    const text = `The notice said:\n\n  ${bullet} 554 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org\n`;
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => [i.reply.text, i.sources.reply?.line])).toEqual([
      ['554 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org', 3],
    ]);
  });

  it('reads two bulleted replies as two', async () => {
    const text = [
      'Errors seen:',
      '• 554 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org',
      '• 421 Too many connections from your IP',
    ].join('\n');
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => i.reply.text)).toEqual([
      '554 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org',
      '421 Too many connections from your IP',
    ]);
  });
});

describe('a reply, an empty line, then the writer’s explanation', () => {
  it("reads support.onesystems.ch's two entries without their explanations", async () => {
    const { incidents } = await extract(fixture('onesystems-de-empty-brackets.txt'), options);
    expect(incidents.map((i) => [i.reply.text, i.sources.reply?.line])).toEqual([
      ['554 5.7.1 Service unavailable; Client host [] blocked using ix.dnsbl.manitu.net', 1],
      ['450 4.7.1 Client host rejected: cannot find your hostname, []', 5],
    ]);
  });

  it('reads an English explanation apart too', async () => {
    const text =
      '554 5.7.1 Service unavailable; Client host [] blocked using ix.dnsbl.manitu.net\n\nTo protect our customers from spam, we use so-called Realtime Blackhole Lists (RBL).\n';
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => i.reply.text)).toEqual([
      '554 5.7.1 Service unavailable; Client host [] blocked using ix.dnsbl.manitu.net',
    ]);
  });

  it('still joins a reply wrapped in a double-spaced paste', async () => {
    const text = [
      '554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using',
      '',
      'zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.1',
    ].join('\n');
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => i.reply.text)).toEqual([
      '554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.1',
    ]);
  });
});

describe('a reply in quotes keeps its own final period', () => {
  it("keeps the period inside the quotes of Microsoft's Dutch article", async () => {
    const { incidents } = await extract(fixture('msdocs-nl-externe-server-retourneerde.md'), options);
    expect(incidents.map((i) => i.reply.text)).toEqual([
      '550 5.1.8 Toegang geweigerd, slechte uitgaande afzender.',
    ]);
  });

  it('keeps it inside quotes in a sentence, and drops a period after the reply outside them', async () => {
    const quoted = await extract(
      'The server answered "550 5.7.1 Message rejected as spam." and nothing else',
      options,
    );
    expect(quoted.incidents.map((i) => i.reply.text)).toEqual(['550 5.7.1 Message rejected as spam.']);
    const bare = await extract('The server answered: 550 5.7.1 Message rejected as spam.', options);
    expect(bare.incidents.map((i) => i.reply.text)).toEqual(['550 5.7.1 Message rejected as spam']);
  });
});

describe("Microsoft 365's block of an outbound sender (5.1.8)", () => {
  it.each([
    [
      'msdocs-de-remoteserver-zurueckgegeben.md',
      '550 5.1.8 Zugriff verweigert, ungültiger ausgehender Absender',
    ],
    ['msdocs-nl-externe-server-retourneerde.md', '550 5.1.8 Toegang geweigerd, slechte uitgaande afzender.'],
  ])("gives %s the own service's advice", async (name, reply) => {
    const { incidents } = await extract(fixture(name), options);
    expect(incidents.map((i) => [i.reply.code, i.reply.enhanced, i.reply.text])).toEqual([
      [550, '5.1.8', reply],
    ]);
    const incident = incidents[0];
    const advice = incident ? advise(incident, { incidents }) : null;
    expect(advice?.nextStep).toBe('not-an-abuse-desk-case');
    expect(advice?.contactAbuseDesk).toBe(false);
  });

  it('gives the English NDR line the same advice', async () => {
    const { incidents } = await extract(
      "Remote Server returned '550 5.1.8 Access denied, bad outbound sender'",
      options,
    );
    const incident = incidents[0];
    expect(incident ? advise(incident, { incidents }).nextStep : null).toBe('not-an-abuse-desk-case');
  });

  it("leaves another server's 5.1.8 (a sender's domain not found) a recipient's refusal", async () => {
    const { incidents } = await extract(
      '<a@example.org>: host mx.example.net[192.0.2.1] said: 550 5.1.8 <a@example.org>: Sender address rejected: Domain not found (in reply to RCPT TO command)',
      options,
    );
    const incident = incidents[0];
    expect(incident ? advise(incident, { incidents }).nextStep : null).not.toBe('not-an-abuse-desk-case');
  });
});

describe("Alibaba Mail's time after the reply it quotes", () => {
  const reply =
    '550 The "From" header is missing or invalid. Please follow RFC5322, RFC2047, RFC822 standard protocol. [MEwgNYCUUqQdt1qml2CjHV6aouwXiNz1KplnTFuwgwGN67bolrd0KDmJ07BuZ3e8jQ== IP: 115.124.28.189]. https://service.mail.qq.com/detail/124/995.';

  it.each(['aliyun-bounce-zh-qq-from-header.txt', 'derived-aliyun-bounce-zh-gbk.txt'])(
    'cuts the time from the reply of %s and dates it in the assumed zone',
    async (name) => {
      const { incidents } = await extractBytes(bytes(name), { ...options, assumeZone: 'Asia/Shanghai' });
      expect(incidents.map((i) => [i.reply.text, i.remoteHost, i.remoteIp, i.sendingIps])).toEqual([
        [reply, 'mx3.qq.com', '157.255.4.241', ['115.124.28.189']],
      ]);
      expect(incidents[0]?.occurredAt).toBe('2023-12-30T19:27:15+08:00');
      expect(incidents[0]?.sources.occurredAt?.line).toBe(10);
      expect(incidents[0]?.assumptions.map((a) => a.text.en)).toEqual([
        'The date carries no time zone: Asia/Shanghai was assumed.',
      ]);
    },
  );

  it('reads the time in UTC, saying so, when no zone is set', async () => {
    const { incidents } = await extractBytes(bytes('aliyun-bounce-zh-qq-from-header.txt'), options);
    expect(incidents[0]?.occurredAt).toBe('2023-12-30T19:27:15+00:00');
    expect(incidents[0]?.assumptions.map((a) => a.code)).toEqual(['date.no-zone']);
  });

  it("keeps the notice's own Date when it has one, and cuts the time from its reply", async () => {
    const { incidents } = await extractBytes(bytes('derived-aliyun-bounce-zh-gb2312-b64.eml'), options);
    expect(incidents.map((i) => [i.reply.text, i.occurredAt])).toEqual([
      [reply, '2023-12-30T19:27:16+08:00'],
    ]);
  });
});
