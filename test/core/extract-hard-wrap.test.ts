/**
 * Pastes hard-wrapped by a mail client or a forum (72 to 78 columns, the rest of a line moved to the
 * next without indentation): log records and replies are read joined again, with their values pointing
 * at the paste's lines. Fixtures and their shapes: test/fixtures/extract/hard-wrap/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { hardWrapWidth, unwrapped } from '../../core/extract/hard-wrap';

const dir = fileURLToPath(new URL('../fixtures/extract/hard-wrap/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');

describe('hard-wrapped log lines', () => {
  it('reads two Postfix delivery lines wrapped at 72 in a French mail, one cut right after `host`', async () => {
    const { incidents } = await extract(fixture('postfix-orange-mail-72.txt'));
    expect(incidents).toHaveLength(2);
    const [bounce, suspension] = incidents;
    expect(bounce?.occurredAt).toBe('2026-03-14T09:12:03+00:00');
    expect(bounce?.reply.text).toBe(
      '550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=203.0.113.7 [102]',
    );
    expect(bounce?.orange).toMatchObject({ token: 'OFR006_102', reason: 102, server: 'mwinf5c04' });
    expect(bounce?.sendingIps).toEqual(['203.0.113.7']);
    expect(bounce?.remoteIp).toBe('193.252.22.65');
    expect(suspension?.occurredAt).toBe('2026-03-14T09:14:47+00:00');
    expect(suspension?.remoteHost).toBe('smtp-in.orange.fr');
    expect(suspension?.remoteIp).toBe('80.12.242.15');
    expect(suspension?.orange?.reason).toBe(999);
    // Each value points at the paste's line where its record starts.
    expect(bounce?.sources.occurredAt?.line).toBe(6);
    expect(suspension?.sources.occurredAt?.line).toBe(14);
    expect(suspension?.sources.occurredAt?.text).toBe(
      'Mar 14 09:14:47 mta1 postfix/smtp[21902]: 9C07D1C0BA1: host',
    );
  });

  it("reads an Exim `**` line wrapped at its fields, the reply's code cut from its enhanced code", async () => {
    const { incidents } = await extract(fixture('exim-mainlog-72.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      occurredAt: '2026-03-14T10:02:11+00:00',
      remoteHost: 'smtp-in.orange.fr',
      remoteIp: '193.252.22.84',
      recipientDomain: 'orange.fr',
      reply: {
        code: 550,
        enhanced: '5.7.1',
        text: '550 5.7.1 mwinf5c21 ME Mail rejete. Mail rejected. ofr_506 [506]',
      },
    });
    expect(incidents[0]?.orange?.token).toBe('OFR_506');
  });

  it('leaves a log as written alone: a line of prose under a record is no part of it', async () => {
    const { incidents } = await extract(fixture('postfix-log-not-wrapped.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(
      '421 mwinf5c10 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR005_104 [104]',
    );
  });
});

describe('hard-wrapped replies in prose', () => {
  it("reads Sendmail's `Deferred:` reply to its `[103]`, wrapped twice", async () => {
    const { incidents } = await extract(fixture('sendmail-deferred-orange-76.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(
      '421 mwinf5c12 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR005_103 [103]',
    );
    expect(incidents[0]?.orange).toMatchObject({ token: 'OFR005_103', reason: 103 });
    expect(incidents[0]?.recipientDomain).toBe('wanadoo.fr');
  });

  it("reads Roundcube's error whose wrap fell between `550` and `5.1.1`", async () => {
    const { incidents } = await extract(fixture('roundcube-error-orange-72.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply).toMatchObject({ code: 550, enhanced: '5.1.1' });
    expect(incidents[0]?.reply.text).toBe(
      '550 5.1.1 Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416]',
    );
    expect(incidents[0]?.orange?.reason).toBe(416);
  });
});

describe('a wrapped paste under a chat line', () => {
  it("joins the wrapped reply under a Teams `[10:14] Name` line (which first looks like JSON's `[`)", async () => {
    const { incidents } = await extract(`[10:14] Jean Dupont\n${fixture('sendmail-deferred-orange-76.txt')}`);
    expect(incidents[0]?.reply.text).toBe(
      '421 mwinf5c12 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR005_103 [103]',
    );
    expect(incidents[0]?.sources.reply?.line).toBe(4);
  });
});

describe('a wrapped paste that is double-spaced too', () => {
  it('drops the empty lines a web page added, then joins what the wrap cut', async () => {
    const doubled = fixture('sendmail-deferred-orange-76.txt')
      .split('\n')
      .map((line) => `${line}  `)
      .join('\n\n');
    const { incidents } = await extract(doubled);
    expect(incidents[0]?.reply.text).toBe(
      '421 mwinf5c12 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR005_103 [103]',
    );
    expect(incidents[0]?.sources.reply?.line).toBe(5);
  });
});

describe('hardWrapWidth and unwrapped', () => {
  const prose = [
    'I am sorry to have to inform you that your message could not be',
    'delivered to one or more recipients. It is attached below and the',
    'reason is given for each recipient, as the remote server wrote it.',
  ];

  it('reads the width from lines cut before a word that would not have fitted', () => {
    expect(hardWrapWidth(prose)).toBe(prose[2]?.length);
  });

  it('sees no wrap in a log whose lines run past 100 characters, nor in short lines that all fit', () => {
    expect(hardWrapWidth(fixture('postfix-log-not-wrapped.txt').split('\n'))).toBe(0);
    expect(hardWrapWidth(['Bonjour,', '', 'Voici le message :', 'Merci'])).toBe(0);
  });

  it('joins the pieces and keeps where each line starts in the paste', () => {
    const result = unwrapped(['Subject: refus', '', ...prose, '', 'Merci'].join('\n'));
    expect(result?.text.split('\n')).toEqual(['Subject: refus', '', prose.join(' '), '', 'Merci']);
    expect(result?.pasteLine).toEqual([1, 2, 3, 6, 7]);
  });

  it('never joins a field, a reply that nothing announces, a transcript line, base64 or a quoted-printable line', () => {
    const lines = [
      'Diagnostic-Code: smtp; 550 5.7.1 mwinf5c04 ME Adresse IP source bloquee pour',
      'Last-Attempt-Date: Sat, 14 Mar 2026 09:12:03 +0100',
      '<<< 550 5.7.1 mwinf5c04 ME Adresse IP source bloquee pour incident de spam.',
      '554 5.0.0 Service unavailable, the message will be returned to its sender',
      '',
      'QWRyZXNzZSBJUCBzb3VyY2UgYmxvcXVlZSBwb3VyIGluY2lkZW50IGRlIHNwYW0uIENsaWVudCBo',
      'b3N0IGJsb2NrZWQgZm9yIHNwYW1taW5nIGlzc3Vlcy4gT0ZSMDA2XzEwMiBbMTAyXQ==',
      'Adresse IP source bloqu=C3=A9e pour incident de spam. Client host blocked f=',
      'or spamming issues. OFR006_102 [102] and the rest of the message body here',
    ];
    expect(hardWrapWidth(lines)).toBeGreaterThan(0);
    expect(unwrapped(lines.join('\n'))).toBeNull();
  });

  it('joins a reply to the line announcing it', () => {
    const lines = [
      'Mar 14 09:14:47 mta1 postfix/smtp[21902]: 9C07D1C0BA1: host mx0.example.net said:',
      '421 mwinf5c77 ME Service refuse. Veuillez essayer plus tard. OFR_999 [999]',
      'Service refused, please try later.',
    ];
    expect(unwrapped(lines.join('\n'))?.text).toBe(lines.join(' '));
  });
});
