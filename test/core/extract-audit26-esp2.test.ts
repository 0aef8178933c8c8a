/**
 * ESP material from ESPs the earlier audits did not cover: Mailjet's bounce events and message history,
 * Scaleway TEM's webhook and API, Amazon SES, Google Workspace's SMTP relay (audit `esp2`;
 * test/fixtures/extract/audit26/SOURCES-esp2.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { advise } from '../../core/orange/advice';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit26/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };

const ORANGE_102 =
  '550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=';
const ORANGE_104 =
  '421 mwinf5c27 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR004_104 [104]';
const GMAIL_NO_SUCH_USER =
  "550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. Learn more at https://support.google.com/mail/?p=NoSuchUser f3si13307730wmj.221 - gsmtp";

describe("Mailjet's bounce event: the remote's reply in `comment`", () => {
  it('reads the bounce of a grouped batch, not its sent event', async () => {
    const { incidents, warnings } = await extract(
      fixture('mailjet-kotlin-test-sent-and-bounce-comment.json'),
      options,
    );
    expect(
      incidents.map((i) => [i.reply.code, i.reply.enhanced, i.reply.text, i.occurredAt, i.format]),
    ).toEqual([[550, null, '550 mailbox unavailable', '2026-07-22T11:01:00+00:00', 'json-event']]);
    expect(incidents[0]?.sources.reply?.line).toBe(3);
    expect(warnings.map((w) => w.code)).not.toContain('input.esp-no-reply');
  });

  it("reads Orange's refusal in it, with the sending address of its link", async () => {
    const { incidents } = await extract(fixture('derived-mailjet-bounce-comment-orange-102.json'), options);
    expect(
      incidents.map((i) => [
        i.reply.code,
        i.reply.text,
        i.orange?.token,
        i.orange?.server,
        i.sendingIps,
        i.recipientDomain,
        i.occurredAt,
      ]),
    ).toEqual([
      [
        550,
        `${ORANGE_102}87.253.232.1 [102]`,
        'OFR006_102',
        'mwinf5c04',
        ['87.253.232.1'],
        'wanadoo.fr',
        '2015-05-05T07:49:55+00:00',
      ],
    ]);
    expect(incidents.map((i) => advise(i).nextStep)).toEqual(['delist-elsewhere']);
  });

  it('gives no incident for a comment that is no reply (a name not found: no server reached)', async () => {
    const { incidents, warnings } = await extract(fixture('mailjet-doc-bounce-missing-comma.json'), options);
    expect(incidents).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(['input.no-server-reply']);
  });

  it("reads `comment` only in Mailjet's bounce and blocked events", async () => {
    const { incidents } = await extract(
      JSON.stringify({ id: 7, author: 'dev', comment: '550 mailbox unavailable', created_at: 1611561599 }),
      options,
    );
    expect(incidents.map((i) => i.format)).not.toContain('json-event');
  });
});

describe("Mailjet's message history: `Comment` and `EventAt`", () => {
  it.each([
    ['mailjet-messagehistory-comment-gmail.py.txt', GMAIL_NO_SUCH_USER, 550, '5.1.1', null],
    ['derived-mailjet-messagehistory-api-response.json', GMAIL_NO_SUCH_USER, 550, '5.1.1', null],
    [
      'derived-mailjet-messagehistory-orange-506.py.txt',
      '550 5.2.0 Mail rejete. Mail rejected. ofr_506 [506]',
      550,
      '5.2.0',
      'OFR_506',
    ],
  ])('dates %s by its EventAt', async (name, text, code, enhanced, token) => {
    const { incidents, warnings } = await extract(fixture(name), options);
    expect(
      incidents.map((i) => [
        i.reply.code,
        i.reply.enhanced,
        i.reply.text,
        i.orange?.token ?? null,
        i.occurredAt,
      ]),
    ).toEqual([[code, enhanced, text, token, '2021-01-25T07:59:59+00:00']]);
    expect(incidents[0]?.sources.occurredAt?.line).toBe(name.endsWith('.json') ? 6 : 3);
    expect(warnings.map((w) => w.code)).not.toContain('missing.occurredAt');
  });
});

describe("Scaleway TEM's webhook and API", () => {
  it("reads the webhook's email_response_code and email_response_message", async () => {
    const { incidents } = await extract(
      fixture('derived-scaleway-webhook-email-deferred-orange-104.json'),
      options,
    );
    expect(
      incidents.map((i) => [
        i.reply.code,
        i.reply.enhanced,
        i.reply.text,
        i.orange?.token,
        i.recipientDomain,
        i.sendingDomain,
        i.occurredAt,
      ]),
    ).toEqual([
      [
        421,
        null,
        ORANGE_104,
        'OFR004_104',
        'wanadoo.fr',
        'my.domain.example.com',
        '2025-03-12T09:41:07+00:00',
      ],
    ]);
    expect(incidents.map((i) => advise(i).nextStep)).toEqual(['wait-and-retry']);
  });

  it('reads each of last_tries with its code and its own time', async () => {
    const { incidents, warnings } = await extract(
      fixture('derived-scaleway-api-email-failed-orange-102.json'),
      options,
    );
    expect(
      incidents.map((i) => [i.reply.code, i.reply.text, i.orange?.token, i.sendingIps, i.occurredAt]),
    ).toEqual([
      [421, ORANGE_104, 'OFR004_104', [], '2024-04-01T07:55:38+00:00'],
      [550, `${ORANGE_102}51.159.99.10 [102]`, 'OFR006_102', ['51.159.99.10'], '2024-04-01T09:12:04+00:00'],
    ]);
    expect(warnings.map((w) => w.code)).not.toContain('missing.replyCode');
  });
});

describe("Amazon SES's status beside Orange's reply without an enhanced code", () => {
  it('is not given as the enhanced code when it is only the class (4.0.0)', async () => {
    const { incidents } = await extract(fixture('derived-ses-laa-orange-104.json'), options);
    expect(
      incidents.map((i) => [i.reply.code, i.reply.enhanced, i.reply.text, i.orange?.reason, i.remoteIp]),
    ).toEqual([[421, null, ORANGE_104, 104, '80.12.242.15']]);
  });

  it('is given when the reply has an enhanced code of its own', async () => {
    const event = {
      notificationType: 'Bounce',
      bounce: {
        bounceType: 'Permanent',
        bouncedRecipients: [
          { emailAddress: 'a@example.net', status: '5.0.0', diagnosticCode: 'smtp; 550 5.1.1 user unknown' },
        ],
        timestamp: '2024-10-08T07:31:50.000Z',
      },
    };
    const { incidents } = await extract(JSON.stringify(event), options);
    expect(incidents.map((i) => [i.reply.code, i.reply.enhanced])).toEqual([[550, '5.1.1']]);
  });
});

describe("Google Workspace's SMTP relay refusal flattened without its basic code", () => {
  it('loses the 5.7.0 that started each of its lines', async () => {
    const { incidents } = await extract(fixture('workspace-relay-denied-ombi.txt'), options);
    expect(incidents.map((i) => [i.reply.code, i.reply.enhanced, i.reply.text, i.sendingIps])).toEqual([
      [
        null,
        '5.7.0',
        "5.7.0 Mail relay denied [98.144.108.17]. Invalid credentials for relay for one of the domains in: 168.1.176], 1.176], [192.168.1.176] (as obtained from HELO and MAIL FROM). Email is being sent from a domain or IP address which isn't registered in your G Suite account. Please login to your G Suite account and verify that your sending device IP address has been registered within the G Suite SMTP Relay Settings. For more information, please visit https://support.google.com/a/answer/6140680#maildenied c31sm1401185itd.5 - gsmtp",
        ['98.144.108.17'],
      ],
    ]);
    expect(incidents.map((i) => advise(i).nextStep)).toEqual(['not-an-abuse-desk-case']);
  });

  it('keeps an enhanced code named once in a sentence', async () => {
    const { incidents } = await extract('Failed: 5.7.1 Message refused, see 5.7.1 in the docs', options);
    expect(incidents.map((i) => i.reply.text)).toEqual(['5.7.1 Message refused, see 5.7.1 in the docs']);
  });
});

describe("Google Workspace's SMTP relay refusing unregistered credentials", () => {
  it("is the sender's own relay (JavaMail's exception, glued to its stack trace)", async () => {
    const { incidents } = await extract(
      fixture('workspace-relay-invalidcred-javamail-treebase.txt'),
      options,
    );
    expect(incidents.map((i) => [i.reply.code, i.reply.enhanced, i.sendingIps])).toEqual([
      [550, '5.7.1', ['145.136.242.129']],
    ]);
    expect(incidents[0]?.reply.text).toMatch(
      /^550 5\.7\.1 Invalid credentials for relay \[145\.136\.242\.129\]\. The IP address you've registered in your G Suite SMTP Relay service .*#invalidcred b10sm22683wmc\.24 - gsmtp$/,
    );
    expect(incidents.map((i) => advise(i).nextStep)).toEqual(['not-an-abuse-desk-case']);
  });
});
