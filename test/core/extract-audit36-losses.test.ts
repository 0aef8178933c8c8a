/**
 * Inputs that lost information without a word, round 36 (test/fixtures/extract/audit36losses/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { connectionAbove } from '../../core/extract/client-connection-above';
import { decodeReadParts } from '../../core/extract/decode-parts';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit36losses/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-05T12:00:00Z') };

describe('a part labelled base64 that is no base64', () => {
  it('reads Exim’s notice sent in clear under a base64 label, and says so', async () => {
    const { incidents, warnings } = await extract(
      fixture('exim-notice-base64-label-plain-body.eml'),
      options,
    );
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.format).toBe('exim');
    expect(incident?.orange?.reason).toBe(102);
    expect(incident?.remoteIp).toBe('80.12.242.15');
    expect(incident?.sendingIps).toEqual(['203.0.113.44']);
    expect(warnings.map((w) => w.code)).toContain('input.damaged-base64');
  });

  it('still decodes the base64 lines around a damaged one', async () => {
    const notice = [
      'This is the mail system at host mta1.example.com.',
      '',
      "I'm sorry to have to inform you that your message could not",
      'be delivered to one or more recipients.',
      '',
      '<jean.dupont@orange.fr>: host smtp-in.orange.fr[193.252.22.65] said: 550',
      '    mwinf5c04 ME Adresse IP source bloquee pour incident de spam. OFR006_102',
      '    [102] (in reply to MAIL FROM command)',
    ].join('\r\n');
    const lines = (Buffer.from(notice)
      .toString('base64')
      .match(/.{1,76}/g) ?? []) as string[];
    // One line damaged on the way: a character out of base64's alphabet (postal-mime drops it, and every
    // group of four after it was shifted into noise).
    lines[1] = `${(lines[1] as string).slice(0, 30)}~${(lines[1] as string).slice(31)}`;
    const part = {
      type: 'text/plain',
      encoding: 'base64',
      contentType: 'text/plain; charset=us-ascii',
      lines,
    };
    const decoded = await decodeReadParts({ top: [], parts: [part] }, () => true);
    const text = decoded.parts[0]?.lines.join('\n') ?? '';
    expect(text).toContain('This is the mail system at host mta1.example.com.');
    expect(text).toContain('OFR006_102');
    expect(decoded.notes.map((n) => n.code)).toEqual(['input.damaged-base64']);
  });
});

describe('bare Diagnostic-Code lines pasted together', () => {
  it('gives one incident per different refusal, each from its own line', async () => {
    const { incidents } = await extract(fixture('three-bare-diagnostic-codes.txt'), options);
    expect(incidents.map((i) => [i.reply.code, i.orange?.reason ?? null, i.sources.reply?.line])).toEqual([
      [550, null, 1],
      [550, 416, 2],
      [550, 102, 3],
    ]);
  });

  it('keeps one incident for the same refusal pasted twice', async () => {
    const line = fixture('three-bare-diagnostic-codes.txt').split('\n')[2] as string;
    const { incidents } = await extract(`${line}\n${line}\n`, options);
    expect(incidents).toHaveLength(1);
  });
});

describe('vger.kernel.org’s refusal greeting the client: `554 Hi [IP], 5.0.0 ...`', () => {
  it('reads the greeted address as the sending IP, not the refuser’s', async () => {
    const { incidents } = await extract(fixture('qmail-vger-hi-client-ip.eml'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingIps).toEqual(['192.0.2.25']);
    expect(incidents[0]?.remoteIp).toBe('12.107.209.244');
  });

  it('never a private address, and only when the greeting follows the reply’s code', async () => {
    const text = fixture('qmail-vger-hi-client-ip.eml');
    const privateOne = await extract(text.replace('[192.0.2.25]', '[10.1.2.3]'), options);
    expect(privateOne.incidents[0]?.sendingIps).toEqual([]);
    const quoted = await extract(
      text.replace('554 Hi [192.0.2.25], 5.0.0', '554 5.0.0 we said Hi [192.0.2.25], 5.0.0'),
      options,
    );
    expect(quoted.incidents[0]?.sendingIps).toEqual([]);
  });
});

describe('Exim’s debug output: `T: remote_smtp for <address>`', () => {
  it('gives each delivery the recipient its transport line names', async () => {
    const { incidents } = await extract(fixture('exim-debug-two-runs-greeting-refused.txt'), options);
    expect(
      incidents.map((i) => [i.recipientDomain, i.sources.recipientDomain?.line, i.orange?.reason]),
    ).toEqual([
      // (Cited from the router's line above, `R: dnslookup for ...`, which names the same address.)
      ['orange.fr', 3, 102],
      ['wanadoo.fr', 12, 102],
    ]);
    expect(incidents.every((i) => i.remoteHost === 'smtp-in.orange.fr')).toBe(true);
  });

  it('over the address of a shell prompt above it (`root@mail:~# exim -d -M ...`)', async () => {
    const text = readFileSync(
      fileURLToPath(
        new URL('../fixtures/extract/audit35logs/exim-debug-session-orange-104.txt', import.meta.url),
      ),
      'utf8',
    );
    const { incidents } = await extract(text, options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.recipientDomain).toBe('orange.fr');
    expect(incidents[0]?.sources.recipientDomain?.line).toBe(3);
  });
});

describe('the server a sending program connected to, named in its log above the failure', () => {
  it('nullmailer: the relay of its `Starting delivery: host: ...` line', async () => {
    const { incidents } = await extract(fixture('nullmailer-syslog-relay-refused.log'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(454);
    expect(incidents[0]?.remoteHost).toBe('smtp.gmail.com');
    expect(incidents[0]?.sources.remoteHost?.line).toBe(4);
  });

  it('nullmailer: also in its older order, `protocol: smtp host: ...`, and only for its own failure', () => {
    const lines = [
      'Starting delivery: protocol: smtp host: mail.example.net file: 1439464287.9944',
      'smtp: Failed: 550 5.7.1 Relaying denied',
      'Starting delivery: protocol: smtp host: mail.example.net file: 1439464287.9945',
      'Error: 550 5.7.1 Relaying denied',
    ];
    expect(connectionAbove((i) => lines[i] ?? '', 1)).toEqual({
      host: 'mail.example.net',
      ip: null,
      lineIndex: 0,
    });
    expect(connectionAbove((i) => lines[i] ?? '', 3)).toBeNull();
  });

  it('chatmail core: the host and the one address of `Attempting SMTP connection to ...`', async () => {
    const { incidents } = await extract(fixture('chatmail-core-attempting-connection.log'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.remoteHost).toBe('smtp.yandex.ru');
    expect(incidents[0]?.remoteIp).toBe('198.51.100.25');
    expect(incidents[0]?.sources.remoteHost?.line).toBe(3);
  });

  it('chatmail core: no address when it tried two at once', () => {
    const lines = [
      '"src/smtp/connect.rs:105: Attempting SMTP connection to smtp.example.org ([2001:db8::25]:465)."',
      '"src/smtp/connect.rs:105: Attempting SMTP connection to smtp.example.org (192.0.2.25:465)."',
      '"src/smtp.rs:566: SMTP failed to send: Permanent(Response { ... })"',
    ];
    expect(connectionAbove((i) => lines[i] ?? '', 2)).toEqual({
      host: 'smtp.example.org',
      ip: null,
      lineIndex: 1,
    });
  });
});
