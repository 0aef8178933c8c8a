/**
 * Applications' and SMTP libraries' errors wrapping a remote's refusal (audit "apperrors" of the
 * twenty-sixth round; the samples and their sources are in test/fixtures/extract/audit26/SOURCES-apperrors.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { advise } from '../../core/orange/advice';

const dir = fileURLToPath(new URL('../fixtures/extract/audit26/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };

describe("nodemailer's errors", () => {
  it("reads Yahoo's 554 6.6.0 behind `Message failed:`, and the server from the transport settings", async () => {
    const { incidents } = await extract(fixture('nodemailer-message-failed-554-yahoo-prose.txt'), options);
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    // 6.6.0 is no RFC 3463 class: no enhanced code, the text whole.
    expect(i?.reply).toEqual({
      code: 554,
      enhanced: null,
      text: '554 6.6.0 Error sending message for delivery',
    });
    expect(i?.sources.reply?.line).toBe(1);
    expect(i?.remoteHost).toBe('smtp.mail.yahoo.com');
    expect(i?.sources.remoteHost).toMatchObject({ line: 7, text: '  host: "smtp.mail.yahoo.com",' });
    expect(i?.remoteIp).toBeNull();
    // Yahoo's submission server is the sender's own: no case for Orange's abuse desk.
    expect(i && advise(i, { incidents }).nextStep).toBe('not-an-abuse-desk-case');
  });

  it('takes no server from settings that name two hosts, nor from a host alone without its transport', async () => {
    const error = 'Error: Message failed: 554 6.6.0 Error sending message for delivery.';
    const two = `${error}\n\n{\n  host: "smtp.mail.yahoo.com",\n  port: 465,\n}\n{\n  host: "smtp.gmail.com",\n  port: 465,\n}\n`;
    const alone = `${error}\n\nhost: "smtp.mail.yahoo.com"\n`;
    for (const text of [two, alone]) {
      const { incidents } = await extract(text, options);
      expect(incidents.map((i) => [i.reply.code, i.remoteHost])).toEqual([[554, null]]);
    }
  });

  it('reads `Invalid login: 535 ...` without an enhanced code as a login refused', async () => {
    const { incidents } = await extract(fixture('pm2-nodemailer-535-chinese.log'), options);
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply).toEqual({ code: 535, enhanced: null, text: '535 Error: authentication failed' });
    expect(i?.sources.reply?.line).toBe(1);
    expect([i?.remoteHost, i?.remoteIp]).toEqual([null, null]);
    expect(i && advise(i, { incidents }).nextStep).toBe('not-an-abuse-desk-case');
  });
});

describe("a refusal by the sender's own submission server, in its words or the application's", () => {
  const nextSteps = async (text: string) => {
    const { incidents } = await extract(text, options);
    return incidents.map((i) => [i.reply.code, advise(i, { incidents }).nextStep]);
  };

  it("calls a sender address not owned by the account logged in the sender's own service", async () => {
    const { incidents } = await extract(fixture('fluentsmtp-json-553-not-owned-crlf-escaped.json'), options);
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply).toEqual({
      code: 553,
      enhanced: '5.7.1',
      text: '553 5.7.1 Sender address rejected: not owned by auth user.',
    });
    expect(i && advise(i, { incidents }).nextStep).toBe('not-an-abuse-desk-case');
    // PHPMailer's debug line, and Postfix's own wording with the user's name.
    expect(
      await nextSteps(
        'SMTP ERROR: MAIL FROM command failed: 553 5.7.1 Sender address rejected: not owned by auth user.',
      ),
    ).toEqual([[553, 'not-an-abuse-desk-case']]);
    expect(
      await nextSteps(
        'Mail command failed: 553 5.7.1 <info@example.com>: Sender address rejected: not owned by user admin@example.net',
      ),
    ).toEqual([[553, 'not-an-abuse-desk-case']]);
  });

  it("calls a login refused with 501 the sender's own service when Symfony says it was a login", async () => {
    const { incidents } = await extract(fixture('symfony-mailer-auth-nested-quotes-501.txt'), options);
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply).toEqual({
      code: 501,
      enhanced: null,
      text: '501 Username used for auth is not valid email address',
    });
    expect(i?.sources.reply?.line).toBe(3);
    expect(i && advise(i, { incidents }).nextStep).toBe('not-an-abuse-desk-case');
    // The same 501 without the application's words stays undecided.
    expect(
      await nextSteps(
        'Expected response code "250" but got code "501", with message "501 Username used for auth is not valid email address".',
      ),
    ).toEqual([[501, 'unknown']]);
  });

  it("calls a server wanting a login for a local MAIL FROM the sender's own service", async () => {
    const { incidents } = await extract(fixture('dotnet-mailbox-unavailable-must-authenticate.txt'), options);
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    // .NET's "Mailbox unavailable." stands for 450 and 550 alike: no basic code.
    expect(i?.reply).toEqual({
      code: null,
      enhanced: null,
      text: 'If MAIL FROM is local then you must authenticate',
    });
    expect(i && advise(i, { incidents }).nextStep).toBe('not-an-abuse-desk-case');
  });
});

describe("a Rails request's log around Net::SMTP's refusal", () => {
  it('dates the refusal by its request and takes the recipient ActionMailer sent to, not the web client', async () => {
    const { incidents } = await extract(fixture('rails3-log-smtpfatal-555-started-at-utc.log'), options);
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply).toEqual({
      code: 555,
      enhanced: '5.5.2',
      text: '555 5.5.2 Syntax error. nb15sm15097998qcb.26',
    });
    expect(i?.occurredAt).toBe('2011-01-08T15:37:07+00:00');
    expect(i?.sources.occurredAt?.line).toBe(1);
    expect(i?.assumptions).toEqual([]);
    expect(i?.recipientDomain).toBe('circus-foundation.org');
    expect(i?.sources.recipientDomain?.text).toBe('Sent mail to charles@circus-foundation.org (729ms)');
    // The address after `for` is the web client's.
    expect([i?.sendingIps, i?.remoteIp]).toEqual([[], null]);
  });

  it("reads today's stamp, and leaves the domain out when the mail went to several", async () => {
    const log = [
      'Started POST "/users/password" for 1.2.3.4 at 2023-05-10 00:02:51 +0200',
      'Processing by Devise::PasswordsController#create as HTML',
      'Sent mail to a@example.org, b@example.net (12.5ms)',
      'Completed 500 Internal Server Error in 30ms (ActiveRecord: 1.2ms)',
      '',
      'Net::SMTPFatalError (550 5.7.1 Relaying denied',
      '):',
      "  app/controllers/passwords_controller.rb:12:in `create'",
    ].join('\n');
    const { incidents } = await extract(log, options);
    expect(incidents.map((i) => [i.reply.code, i.occurredAt, i.recipientDomain, i.sendingIps])).toEqual([
      [550, '2023-05-10T00:02:51+02:00', null, []],
    ]);
  });
});

describe("HESK's SMTP log cut before the server's greeting", () => {
  it('keeps the reply on its line and the server from the connection lines', async () => {
    const { incidents } = await extract(fixture('derived-hesk-smtp-log-no-greeting.txt'), options);
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply).toEqual({
      code: 554,
      enhanced: '5.7.1',
      text: '554 5.7.1 <you@me.com>: Relay access denied',
    });
    expect(i?.sources.reply?.line).toBe(22);
    expect([i?.remoteHost, i?.remoteIp]).toEqual(['mail.theorchardgolf.com', '122.3.252.114']);
    expect(i?.sources.remoteHost?.line).toBe(9);
    expect(i?.sources.remoteIp?.line).toBe(8);
    expect(i?.sendingDomain).toBe('domain.com');
  });
});

describe("Amazon SES's identities not verified", () => {
  it('gives the sending domain of the address SES lists as From and as the envelope', async () => {
    const { incidents } = await extract(fixture('bugsnag-ses-email-not-verified.md'), options);
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply.code).toBe(554);
    expect(i?.sendingDomain).toBe('mail.exercism.io');
    expect(i?.sources.sendingDomain?.line).toBe(4);
    expect(i && advise(i, { incidents }).nextStep).toBe('not-an-abuse-desk-case');
  });

  it('takes no domain from an identity listed once, which may be a recipient in the sandbox', async () => {
    const { incidents } = await extract(
      '554 Message rejected: Email address is not verified. The following identities failed the check in region US-EAST-1: someone@example.org',
      options,
    );
    expect(incidents.map((i) => [i.reply.code, i.sendingDomain])).toEqual([[554, null]]);
  });
});
