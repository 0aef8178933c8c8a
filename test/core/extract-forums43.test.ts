/**
 * Orange's refusals as people posted them in issue trackers and pages, round 43
 * (test/fixtures/extract/forums43/README.md): every field checked against the text.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { maskedAddressIn } from '../../core/extract/masked-link-ip';
import { advise } from '../../core/orange/advice';
import type { Incident } from '../../core/types';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/forums43/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-07T12:00:00Z') };
const MASKED = 'ip.link-masked';
const codes = (i: Incident | undefined) => i?.assumptions.map((a) => a.code) ?? [];

/** The fields the abuse desk's form asks for, and the remote, of each incident. */
const fields = (i: Incident) => ({
  occurredAt: i.occurredAt,
  sendingIps: i.sendingIps,
  sendingHosts: i.sendingHosts,
  sendingDomain: i.sendingDomain,
  recipientDomain: i.recipientDomain,
  remoteHost: i.remoteHost,
  remoteIp: i.remoteIp,
  code: i.reply.code,
  enhanced: i.reply.enhanced,
  reason: i.orange?.reason ?? null,
  server: i.orange?.server ?? null,
  nextStep: advise(i).nextStep,
});

describe('a sending IP the poster masked in Orange’s reply', () => {
  it('is left empty with a note, in a Postfix line quoted in backticks (PR comment)', async () => {
    const { incidents } = await extract(fixture('pr-comment-inline-postfix-102-redacted.md'), options);
    expect(incidents).toHaveLength(1);
    const incident = incidents[0];
    expect(incident && fields(incident)).toEqual({
      occurredAt: '2021-04-21T17:16:28+02:00',
      sendingIps: [],
      sendingHosts: ['relay1'],
      sendingDomain: null,
      recipientDomain: 'example.com',
      remoteHost: 'smtppromx.orange.fr',
      remoteIp: null,
      // Postfix's dsn=4.0.0 for a greeting refusal: the code is the reply's own.
      code: 550,
      enhanced: null,
      reason: 102,
      server: 'mwinf5c14',
      nextStep: 'delist-elsewhere',
    });
    expect(codes(incident)).toContain(MASKED);
    const masked = incident?.assumptions.find((a) => a.code === MASKED);
    expect(masked?.text.en).toContain('"xxx.xxx.xxx.xxx"');
    expect(masked?.text.fr).toContain('«\u00a0xxx.xxx.xxx.xxx\u00a0»');
  });

  it('is not what a log’s warning says the log does not record: only the other rejections count', async () => {
    const alone = await extract(fixture('pr-comment-inline-postfix-102-redacted.md'), options);
    expect(alone.warnings.map((w) => w.code)).not.toContain('log-no-sending-ip');
    // The same line, then a greeting refusal whose reply names no address: that one the log does not give.
    const line = fixture('pr-comment-inline-postfix-102-redacted.md').split('`')[1] ?? '';
    const other =
      '2021-04-21T17:20:02+02:00 relay1 relay1-1/smtp[17530]: 1A2B34C5D6E7: to=<jean@orange.fr>, ' +
      'relay=smtp-in.orange.fr[193.252.22.65]:25, delay=0.4, delays=0.1/0/0.3/0, dsn=4.0.0, ' +
      'status=deferred (host smtp-in.orange.fr[193.252.22.65] refused to talk to me: 421 mwinf5c10 ME ' +
      'Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. ' +
      'OFR005_104 [104])';
    const both = await extract(`${line}\n${other}\n`, options);
    expect(both.incidents.map((i) => codes(i).includes(MASKED))).toEqual([true, false]);
    const warning = both.warnings.find((w) => w.code === 'log-no-sending-ip');
    expect(warning?.text.en).toBe(
      '1 rejection without a sending IP: the log does not record it. Please fill it in.',
    );
  });

  it('is left empty with a note in a diff of a JSON file, and `mwinfXXXX` is no server id', async () => {
    const { incidents } = await extract(fixture('pr-review-diff-json-response-mwinfxxxx.md'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(
      '550 mwinfXXXX ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming ' +
        'issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=xxx.xxx.xxx.xxx [102]',
    );
    expect(incidents[0]?.orange?.server).toBeNull();
    expect(incidents[0]?.sendingIps).toEqual([]);
    expect(codes(incidents[0])).toContain(MASKED);
  });

  it('is found masked in each form a redaction writes', () => {
    expect(
      maskedAddressIn('550 ... OFR006_100 please visit https://lookup.abusix.com/search?q=[IP] [100]'),
    ).toEqual({ where: 'https://lookup.abusix.com/search?q=[IP]', value: '[IP]' });
    expect(maskedAddressIn('550 mwinf5c10 ME Service refuse. OFR006_103 X.X.X.X [103]')?.value).toBe(
      'X.X.X.X',
    );
    expect(
      maskedAddressIn(
        '550 ... OFR006_101 Ref http://r.orange.fr/r/Oassistance_adresserejetee?ec=OFR006_101&amp;ip=198.51.100.*** [101]',
      )?.value,
    ).toBe('198.51.100.***');
    expect(maskedAddressIn('550 ... Ref http://csi.cloudmark.com/reset-request/?ip=<ip> [102]')?.value).toBe(
      '<ip>',
    );
  });

  it('is not said when the address is there, or the link is no reputation site’s', async () => {
    expect(
      maskedAddressIn('550 ... Ref http://csi.cloudmark.com/reset-request/?ip=192.0.2.7 [102]'),
    ).toBeNull();
    expect(maskedAddressIn('550 5.7.1 see https://help.example.com/?ip=xxx.xxx.xxx.xxx')).toBeNull();
    expect(maskedAddressIn('550 ... OFR006_103 192.0.2.7 [103]')).toBeNull();
    const text = fixture('pr-comment-inline-postfix-102-redacted.md').replace(
      '?ip=xxx.xxx.xxx.xxx',
      '?ip=192.0.2.7',
    );
    const { incidents } = await extract(text, options);
    expect(incidents[0]?.sendingIps).toEqual(['192.0.2.7']);
    expect(codes(incidents[0])).not.toContain(MASKED);
  });
});

describe('Orange’s replies as an issue listed them under each code (Markdown fences)', () => {
  const read = async (name: string) => (await extract(fixture(name), options)).incidents;

  it('Outlook’s French error for the submission relay (415): not an abuse-desk case', async () => {
    const [incident, ...rest] = await read('issue-outlook-fr-415-submission.md');
    expect(rest).toEqual([]);
    expect(incident && fields(incident)).toMatchObject({
      remoteHost: 'smtp.orange.fr',
      code: 550,
      enhanced: '5.1.0',
      reason: 415,
      nextStep: 'not-an-abuse-desk-case',
    });
  });

  it('replies behind a client’s label, quoted, with and without the closing quote (416, 417)', async () => {
    const [unknown] = await read('issue-erreur-serveur-416-unclosed-quote.md');
    expect(unknown?.reply.text).toBe(
      '550 5.1.1 Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416]',
    );
    const [full] = await read('issue-erreur-serveur-417-quoted.md');
    expect(full?.reply.text).toBe(
      '552 5.1.1 Boite du destinataire pleine. Recipient overquota. OFR_417 [417]',
    );
    expect(full && advise(full).nextStep).toBe('not-an-abuse-desk-case');
  });

  it('Gmail’s two notices, lower-case tokens and a stray quote: two incidents, 513 taken as 506', async () => {
    const incidents = await read('issue-gmail-other-server-506-513.md');
    expect(incidents.map((i) => [i.reply.text, i.orange?.reason, advise(i).nextStep])).toEqual([
      ['550 5.2.0 Mail rejete. Mail rejected. ofr_506 [506]', 506, 'contact-orange'],
      ['550 5.2.0 Mail rejete. Mail rejected. ofr_513 [513]', 513, 'contact-orange'],
    ]);
  });

  it('Thunderbird’s French words around a reply without its basic code (514)', async () => {
    const { incidents, warnings } = await extract(
      fixture('issue-thunderbird-fr-514-no-basic-code.md'),
      options,
    );
    expect(incidents.map((i) => [i.reply.code, i.reply.enhanced, i.orange?.reason])).toEqual([
      [null, '5.2.0', 514],
    ]);
    expect(incidents[0]?.reply.text).not.toContain('Veuillez vérifier');
    expect(warnings.some((w) => w.code === 'missing.replyCode')).toBe(true);
  });

  it('a 104 wrapped over three lines, then its other wording: one refusal, its server id kept', async () => {
    const incidents = await read('issue-104-wrapped-and-second-form.md');
    expect(incidents.map((i) => [i.reply.code, i.orange?.reason, i.orange?.server])).toEqual([
      [421, 104, 'mwinf5c27'],
    ]);
  });

  it('a Postfix notice of 505 whose recipient’s name is masked', async () => {
    const [incident, ...rest] = await read('pr-postfix-notice-505-local-part-redacted.md');
    expect(rest).toEqual([]);
    expect(incident && fields(incident)).toMatchObject({
      recipientDomain: 'wanadoo.fr',
      remoteHost: 'smtp-in.orange.fr',
      remoteIp: '80.12.242.9',
      // Orange's MX address is never the sender's.
      sendingIps: [],
      code: 421,
      enhanced: '4.2.0',
      reason: 505,
      nextStep: 'wait-and-retry',
    });
  });

  it('Mailgun’s delivery-status piece (405): the MX from `mx-host`', async () => {
    const [incident] = await read('issue-mailgun-delivery-status-405.md');
    expect(incident && fields(incident)).toMatchObject({
      remoteHost: 'smtp-in.orange.fr',
      code: 501,
      enhanced: '5.1.0',
      reason: 405,
      nextStep: 'fix-configuration',
    });
  });

  it('a reply quoted in a sentence of an article (104)', async () => {
    const incidents = await read('article-quoted-104-in-bullet.txt');
    expect(incidents.map((i) => i.reply.text)).toEqual([
      '421 mwinf5c42 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, ' +
        'slow down. OFR004_104 [104]',
    ]);
  });
});

describe('pastes that hold no refusal of Orange’s', () => {
  it('a telnet session to the submission relay that ends well: no incident', async () => {
    const { incidents } = await extract(fixture('issue-telnet-submission-relay-no-refusal.md'), options);
    expect(incidents).toEqual([]);
  });

  it('the English words of 104 alone, without code or token: no incident', async () => {
    const { incidents } = await extract(fixture('issue-words-alone-too-many-connections.md'), options);
    expect(incidents).toEqual([]);
  });

  it('Gmail refusing an orange.fr sender: not Orange’s, the IP Gmail names is the sender’s', async () => {
    const { incidents } = await extract(
      fixture('issue-fr-gmail-refuses-orange-sender-linked-double-spaced.md'),
      options,
    );
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.isOrange).toBe(false);
    expect(incidents[0] && fields(incidents[0])).toMatchObject({
      sendingIps: ['198.51.100.194'],
      sendingDomain: 'orange.fr',
      recipientDomain: 'example.com',
      remoteHost: 'gmail-smtp-in.l.google.com',
      remoteIp: '66.102.1.26',
      code: 550,
      enhanced: '5.7.26',
    });
  });
});

describe('a Rust SMTP client’s debug log (async-smtp, lettre): `>> ` sent, `<< ` received', () => {
  it('is read as a session: the envelope, the EHLO name and the address Orange’s EHLO answer names', async () => {
    const { incidents } = await extract(fixture('heroku-async-smtp-debug-orange-416.txt'), options);
    // One refusal: check-if-email-exists's own `Closing ..., because of error '...'` line repeats it.
    expect(incidents).toHaveLength(1);
    expect(incidents[0] && fields(incidents[0])).toMatchObject({
      occurredAt: '2026-12-03T13:02:11+00:00',
      sendingIps: ['203.0.113.75'],
      sendingHosts: ['verify.example.net'],
      sendingDomain: 'example.net',
      recipientDomain: 'orange.fr',
      code: 550,
      enhanced: '5.1.1',
      reason: 416,
    });
    expect(incidents[0]?.reply.text).not.toContain('<CRLF>');
  });

  it('reads the sender of the issue’s own paste (async-smtp behind Heroku’s stamp)', async () => {
    const text = readFileSync(
      fileURLToPath(
        new URL(
          '../fixtures/extract/audit21/async-smtp-debug-outlook-spamhaus-crlf-marks.txt',
          import.meta.url,
        ),
      ),
      'utf8',
    );
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => [i.sendingDomain, i.sendingIps])).toEqual([
      ['example.org', ['18.202.176.17']],
    ]);
  });

  it('reads Vaultwarden’s records of lettre’s lines alike', async () => {
    const head = (time: string) =>
      `[2026-12-03 14:02:${time}][lettre::transport::smtp::client::connection][DEBUG]`;
    const text = [
      `${head('11.205')} >> EHLO vault.example.net<CRLF>`,
      `${head('11.244')} >> MAIL FROM:<vaultwarden@example.net><CRLF>`,
      `${head('11.281')} << 250 2.1.0 <vaultwarden@example.net> sender ok<CRLF>`,
      `${head('11.282')} >> RCPT TO:<marie.dupont@orange.fr><CRLF>`,
      `${head('11.322')} << 421 mwinf5c77 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR_999 [999]<CRLF>`,
    ].join('\n');
    const { incidents } = await extract(text, options);
    expect(
      incidents.map((i) => [i.sendingDomain, i.sendingHosts, i.recipientDomain, i.orange?.reason]),
    ).toEqual([['example.net', ['vault.example.net'], 'orange.fr', 999]]);
  });

  it('takes no `>> ` or `<< ` of another program’s log for a session', async () => {
    const text =
      '[2026-12-03T13:02:11Z DEBUG myapp::mailer] >> MAIL FROM:<a@example.net>\n' +
      '[2026-12-03T13:02:11Z DEBUG myapp::mailer] << 550 5.1.1 Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416]\n';
    const { incidents } = await extract(text, options);
    // Read as a reply the line holds, not as a session: no envelope from the other program's words.
    expect(incidents.map((i) => i.sendingDomain)).toEqual([null]);
  });
});
