/**
 * Zammad's test data and SMTP errors Zammad's users pasted (test/fixtures/extract/audit25/SOURCES-f4.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { advise } from '../../core/orange/advice';
import type { Incident } from '../../core/types';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit25/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };

describe("Zammad's production.log (Ruby's Logger)", () => {
  it.each([
    ['zammad-issue2133-production-log.txt', '2018-07-17T09:04:04+00:00'],
    ['zammad-issue4645-log-gmail-nosuchuser.txt', '2023-05-10T00:02:51+00:00'],
  ])('dates %s by its stamp, saying the zone was assumed', async (name, iso) => {
    const { incidents } = await extract(fixture(name), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe(iso);
    expect(incidents[0]?.sources.occurredAt?.text).toMatch(/^E, \[/);
    expect(incidents[0]?.assumptions[0]?.text.en).toContain('UTC was assumed');
  });

  it('reads the next hop a relay quotes after its code (`host X [ip] said:`) as the rejecting host', async () => {
    const { incidents } = await extract(fixture('zammad-issue4645-log-gmail-nosuchuser.txt'), options);
    expect(incidents[0]?.remoteHost).toBe('gmail-smtp-in.l.google.com');
    expect(incidents[0]?.remoteIp).toBe('66.102.1.27');
    expect(incidents[0]?.sendingIps).toEqual([]);
    expect(incidents[0]?.reply.code).toBe(550);
  });
});

describe("a reply inside Ruby's inspect form of Net::SMTP's exception", () => {
  it.each([
    ['zammad-issue2133-production-log.txt', '550 User not found'],
    ['zammad-issue2133-454-auth-temp.txt', '454 4.7.0 Temporary authentication failure: generic failure'],
  ])('ends %s before the `>` closing `#<Net::SMTP...Error: ...>`', async (name, text) => {
    const { incidents } = await extract(fixture(name), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(text);
  });
});

describe('a relay refusal in a DSN that names no remote', () => {
  it("is not called the sender's own relay when the recipient's inner Exchange wrote it (Zammad's mail18.box)", async () => {
    const { incidents } = await extract(fixture('zammad-mail018-exchange-de-relay.box'), options);
    expect(incidents).toHaveLength(1);
    const incident = incidents[0] as Incident;
    expect(incident.reply.text).toBe('550 5.7.1 Unable to relay for m.smith@example.com');
    expect(incident.sendingIps).toEqual(['88.198.51.81']);
    const advice = advise(incident);
    expect(advice.nextStep).not.toBe('not-an-abuse-desk-case');
    expect(advice.summary.en).not.toContain("sender's own relay");
    expect(advice.summary.en).not.toContain('never left');
  });
});

describe("a refusal by the sender's own submission server", () => {
  it.each([
    ['zammad-issue2133-454-auth-temp.txt', 454],
    ['zammad-issue1247-exchange-sendas.txt', 550],
  ])('%s gets the own-service advice, as 535 and SendAsDenied do', async (name, code) => {
    const { incidents } = await extract(fixture(name), options);
    expect(incidents).toHaveLength(1);
    const incident = incidents[0] as Incident;
    expect(incident.reply.code).toBe(code);
    const advice = advise(incident);
    expect(advice.nextStep).toBe('not-an-abuse-desk-case');
    expect(advice.summary.en).toContain("sender's own relay or sending service");
  });

  it("is not claimed for Exchange's send-as refusal when the reply names another server", async () => {
    const { incidents } = await extract(
      'host mail.example.org[198.51.100.4] said: 550 5.7.1 Client does not have permissions to send as this sender (in reply to MAIL FROM command)',
      options,
    );
    expect(incidents[0]?.remoteHost).toBe('mail.example.org');
    expect(advise(incidents[0] as Incident).summary.en).not.toContain("sender's own relay");
  });
});
