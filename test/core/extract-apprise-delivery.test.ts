/**
 * Apprise's `Delivery: {host}:{port}` names the server its smtplib connects to, whose refusal the failure
 * line quotes: the rejecting host, or its address when Apprise was given one
 * (test/fixtures/extract/orange53/derived-apprise-orange-mx-416-reason.txt, SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = readFileSync(
  fileURLToPath(
    new URL('../fixtures/extract/orange53/derived-apprise-orange-mx-416-reason.txt', import.meta.url),
  ),
  'utf8',
);
const options = { now: new Date('2026-12-07T12:00:00Z') };

describe("Apprise's delivery line", () => {
  it('gives the rejecting host, cited from its line', async () => {
    const [incident] = (await extract(fixture, options)).incidents;
    expect([incident?.remoteHost, incident?.remoteIp, incident?.sources.remoteHost?.line]).toEqual([
      'smtp-in.orange.fr',
      null,
      4,
    ]);
  });

  it("gives the server's address when Apprise was given one", async () => {
    const text = fixture.replace('Delivery: smtp-in.orange.fr:25', 'Delivery: 193.252.22.65:25');
    const [incident] = (await extract(text, options)).incidents;
    expect([incident?.remoteHost, incident?.remoteIp, incident?.sendingIps]).toEqual([
      null,
      '193.252.22.65',
      [],
    ]);
  });
});
