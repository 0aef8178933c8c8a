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
