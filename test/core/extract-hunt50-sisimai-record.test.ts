/**
 * A Sisimai record pasted as JSON, or some of its members alone: the reply in `diagnosticcode`, the remote
 * in `rhost`, the recipient's domain in `destination`, the reporting MTA in `lhost`, the time in
 * `timestamp` (test/fixtures/extract/hunt50/SOURCES.md: sisimai/p5-sisimai issue 189; audit17's
 * record of issue 395).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (path: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/${path}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-07T12:00:00Z') };

describe("Sisimai's record of Orange's ofr_506, four members pasted with the poster's sentence under them", () => {
  it("gives Orange's MX and the recipient's domain, cited from their own members", async () => {
    const { incidents } = await extract(fixture('hunt50/sisimai-189-json-members-orange-506.txt'), options);
    expect(incidents.map((i) => [i.remoteHost, i.recipientDomain, i.reply.code, i.orange?.reason])).toEqual([
      ['smtp-in.orange.fr', 'orange.fr', 550, 506],
    ]);
    expect(incidents[0]?.sources.recipientDomain?.text).toContain('"destination"');
  });
});

describe("Sisimai's record of an SES bounce whose rhost repeats its lhost", () => {
  it('gives the time and the reporting host, no remote, and the sender the reply refuses', async () => {
    const { incidents } = await extract(fixture('audit17/sisimai-json-ses-sender-rejected.json'), options);
    expect(
      incidents.map((i) => [i.occurredAt, i.sendingHosts, i.sendingDomain, i.recipientDomain, i.remoteHost]),
    ).toEqual([
      ['2020-05-27T19:12:01+00:00', ['d217-29.smtp-out.amazonses.com'], 'amazonses.com', null, null],
    ]);
  });
});
