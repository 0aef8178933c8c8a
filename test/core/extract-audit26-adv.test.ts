/**
 * Misfires and gaps of the day's rules found by an adversarial check
 * (test/fixtures/extract/audit26/SOURCES-adv.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { advise } from '../../core/orange/advice';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit26/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };

describe('Orange replies quoted by Exchange and Forward Email', () => {
  it("keeps Orange's bracketed reason inside Exchange's [Message=...]", async () => {
    const { incidents } = await extract(fixture('derived-ms-history-4.4.318-orange.txt'), options);
    expect(incidents.map((i) => [i.reply.text, i.orange?.token, i.orange?.reason, i.remoteIp])).toEqual([
      [
        '421 mwinf5c27 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR004_104 [104]',
        'OFR004_104',
        104,
        '193.252.22.65',
      ],
    ]);
  });

  it.each([
    ['derived-fwdemail-orange-abusix-cut-before-ip.txt', '80.12.24.83', 1, 'OFR006_100'],
    ['derived-fwdemail554-orange-421.txt', '193.252.22.84', 7, 'OFR004_104'],
  ])('reads the address connected to right before the Orange reply of %s', async (name, ip, line, token) => {
    const { incidents } = await extract(fixture(name), options);
    expect(incidents.map((i) => [i.remoteIp, i.sources.remoteIp?.line, i.orange?.token])).toEqual([
      [ip, line, token],
    ]);
    expect(incidents[0]?.sendingIps).not.toContain(ip);
  });
});

describe('round 2: reply ends and repeats', () => {
  it('keeps two failures alike, each with its own stack trace, as two incidents', async () => {
    const { incidents } = await extract(fixture('derived-ghost-two-sends-spamhaus-stacks.txt'), options);
    expect(incidents.map((i) => [i.occurredAt, i.sources.reply?.line])).toEqual([
      ['2021-04-02T08:14:03+00:00', 2],
      ['2021-04-02T09:47:55+00:00', 7],
    ]);
  });

  it.each([
    [
      'derived-onesystems-email-paragraphs-fr-signoff.txt',
      '550 5.7.1 Service unavailable; Client host [203.0.113.45] blocked using zen.spamhaus.org',
    ],
    [
      'derived-bare-reply-then-thanks-control.txt',
      '554 Service unavailable; Client host [203.0.113.45] blocked using rbl.orbitrbl.com - IP Black Listed',
    ],
  ])('ends the reply of %s before the writer’s question or sign-off', async (name, reply) => {
    const { incidents } = await extract(fixture(name), options);
    expect(incidents.map((i) => i.reply.text)).toEqual([reply]);
  });

  it.each([
    ['as a Markdown list', (t: string) => t],
    ['without bullets', (t: string) => t.replaceAll('\n- ', '\n')],
  ])('reads no refusal in the writer’s notes about codes, %s', async (_how, variant) => {
    const { incidents } = await extract(variant(fixture('derived-md-notes-bullets-prose.md')), options);
    expect(incidents.map((i) => [i.reply.code, i.orange?.token, i.sources.reply?.line])).toEqual([
      [550, 'OFR005_103', 3],
    ]);
  });

  it('reads each reply behind the bullets Word and Outlook leave in a copy', async () => {
    const three = await extract(fixture('derived-ionos-other-bullets.txt'), options);
    expect(three.incidents.map((i) => [i.sendingIps, i.sources.reply?.line])).toEqual([
      [['203.0.113.45'], 1],
      [['203.0.113.46'], 2],
      [['203.0.113.47'], 3],
    ]);
    const outlook = await extract(fixture('derived-outlook-copied-bullet-middot.txt'), options);
    expect(outlook.incidents.map((i) => i.reply.text)).toEqual([
      '554 Service unavailable; Client host [203.0.113.45] blocked using rbl.orbitrbl.com - IP Black Listed',
    ]);
  });

  it("reads Mailgun's doubled code once, and Gmail's flattened reply without its line marks", async () => {
    const { incidents } = await extract(fixture('mailgun-log-550-550-5.7.1.txt'), options);
    expect(incidents.map((i) => [i.reply.code, i.reply.enhanced, i.reply.text, i.sendingIps])).toEqual([
      [
        550,
        '5.7.1',
        '550 5.7.1 [184.173.153.206 11] Our system has detected that this message is not RFC 5322 compliant. To reduce the amount of spam sent to Gmail, this message has been blocked. Please review RFC 5322 specifications for more information. e136si4210349qhc.97 - gsmtp',
        ['184.173.153.206'],
      ],
    ]);
  });

  it.each([
    ['elastalert-smtpsenderrefused-553-163.txt', 'liuwenqi.com'],
    ['derived-erpnext-py3-sender-apostrophe.txt', 'example.com'],
  ])("reads smtplib's refused sender of %s as the sender's own service's refusal", async (name, domain) => {
    const { incidents } = await extract(fixture(name), options);
    expect(incidents.map((i) => [i.sendingDomain, i.recipientDomain, advise(i).nextStep])).toEqual([
      [domain, null, 'not-an-abuse-desk-case'],
    ]);
  });
});

describe('round 3: the later rules', () => {
  it("leaves Orange's refusal quoted by the sender's relay on :587 to Orange's advice", async () => {
    const { incidents } = await extract(
      fixture('derived-postfix-smarthost587-verify-quotes-orange-103.log'),
      options,
    );
    expect(incidents.map((i) => [i.orange?.token, advise(i).nextStep])).toEqual([
      ['OFR006_103', 'contact-orange'],
    ]);
  });

  it("reads Node's print of an uncaught error after its log as the same failure", async () => {
    const { incidents } = await extract(
      fixture('derived-node-catch-log-then-crash-same-error-orange-rcpt.txt'),
      options,
    );
    expect(incidents.map((i) => i.sources.reply?.line)).toEqual([1]);
  });

  it("takes no database's host from pasted settings for the mail server", async () => {
    const { incidents } = await extract(
      fixture('derived-nodemailer-ghost-config-db-host-mailgun-service.txt'),
      options,
    );
    expect(incidents.map((i) => [i.remoteHost, advise(i).nextStep])).toEqual([
      [null, 'not-an-abuse-desk-case'],
    ]);
  });

  it("dates no background job's refusal by an unrelated request", async () => {
    const { incidents } = await extract(
      fixture('derived-rails-job-error-after-unrelated-request.log'),
      options,
    );
    expect(incidents.map((i) => [i.occurredAt, i.recipientDomain, i.sources.reply?.line])).toEqual([
      [null, null, 19],
    ]);
  });

  it('reads no refusal in French notes about codes', async () => {
    const { incidents } = await extract(fixture('derived-fr-notes-erreurs-temporaires.txt'), options);
    expect(incidents.map((i) => [i.orange?.token, i.sources.reply?.line])).toEqual([['OFR006_102', 5]]);
  });

  it("keeps a wrapped reply's last word with its period", async () => {
    const { incidents } = await extract(fixture('derived-double-spaced-postfix-said-last-word.txt'), options);
    expect(incidents.map((i) => i.reply.text)).toEqual([
      '550 5.7.1 Message rejected as spam by Content Filtering.',
    ]);
  });
});

describe('round 4: the latest rules', () => {
  it.each([
    ['derived-ds-regards-period-after-reply.txt', '550 5.7.1 Message rejected as spam by Content Filtering'],
    [
      'derived-ds-cordialement-period-bare-reply.txt',
      '550 5.7.1 Service unavailable; Client host [203.0.113.45] blocked using Spamhaus',
    ],
  ])('ends the reply of %s before a sign-off with its period', async (name, reply) => {
    const { incidents } = await extract(fixture(name), options);
    expect(incidents.map((i) => i.reply.text)).toEqual([reply]);
  });

  it("reads `rejected by HOST:` as CommuniGate's only in CommuniGate's notice", async () => {
    const exim = await extract(fixture('derived-rb-exim-inner.txt'), options);
    expect(exim.incidents.map((i) => [i.remoteHost, i.remoteIp, i.reply.text])).toEqual([
      [
        'relay.example-isp.net',
        '198.51.100.7',
        '550 5.7.1 rejected by smtp-in.orange.fr: 550 5.7.1 Service refuse. Veuillez essayer plus tard. OFR004_104 [104]',
      ],
    ]);
    const prose = await extract(fixture('derived-rb-prose-domain-gmail.txt'), options);
    expect(prose.incidents.map((i) => [i.remoteHost, i.reply.text])).toEqual([
      [
        null,
        "550 5.7.26 Unauthenticated email from example-shop.fr is not accepted due to domain's DMARC policy",
      ],
    ]);
  });
});

describe("a Rails production.log's zone", () => {
  it("reads the refusal's Logger stamp in the zone of its request's Started line", async () => {
    const { incidents } = await extract(fixture('derived-rails-prodlogger-prefix-started-zone.log'), options);
    expect(
      incidents.map((i) => [
        i.occurredAt,
        i.sources.occurredAt?.line,
        i.assumptions.map((a) => a.code),
        i.recipientDomain,
      ]),
    ).toEqual([['2023-05-10T00:02:51+02:00', 6, ['date.zone-of-request'], 'orange.fr']]);
  });

  it('keeps the assumed zone when the request started long before the stamp', async () => {
    const text = fixture('derived-rails-prodlogger-prefix-started-zone.log').replace(
      'at 2023-05-10 00:02:51 +0200',
      'at 2023-05-09 23:02:51 +0200',
    );
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => [i.occurredAt, i.assumptions.map((a) => a.code)])).toEqual([
      ['2023-05-10T00:02:51+00:00', ['date.no-zone']],
    ]);
  });
});
