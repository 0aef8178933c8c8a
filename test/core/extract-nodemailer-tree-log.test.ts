/**
 * nodemailer 0.7's debug log draws two connections at once under `SERVER n:` / `CLIENT n:` labels
 * (nodemailer issue 548, test/fixtures/extract/hunt51/SOURCES.md): each connection is read as a session
 * of its own, so the refusal gets its own connection's recipient and client address, each cited on its
 * line.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = readFileSync(
  fileURLToPath(
    new URL('../fixtures/extract/hunt51/nodemailer-548-tree-log-gmx-550-cut.txt', import.meta.url),
  ),
  'utf8',
);
const options = { now: new Date('2026-12-07T12:00:00Z') };

describe("nodemailer 0.7's tree log of two connections", () => {
  it("cites the reply, its connection's RCPT TO, EHLO answer and greeting", async () => {
    const [incident] = (await extract(fixture, options)).incidents;
    const s = incident?.sources;
    expect([s?.reply?.line, s?.recipientDomain?.line, s?.sendingIps?.line, s?.remoteHost?.line]).toEqual([
      64, 58, 42, 8,
    ]);
  });

  it("gives connection 1's recipient to a refusal under SERVER 1", async () => {
    const text = fixture.replace(/SERVER 2:\n└──550-/, 'SERVER 1:\n└──550-');
    const [incident] = (await extract(text, options)).incidents;
    expect([incident?.recipientDomain, incident?.sources.remoteHost?.line]).toEqual(['mailiantor.com', 4]);
  });
});
