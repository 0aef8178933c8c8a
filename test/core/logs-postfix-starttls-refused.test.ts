/**
 * Postfix's `TLS is required, but host X[ip] refused to start TLS: REPLY`: the remote's reply to STARTTLS
 * (test/fixtures/logs/real-world/SOURCES.md, test/fixtures/extract/audit28adv/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const text = readFileSync(
  fileURLToPath(new URL('../fixtures/logs/real-world/postfix-starttls-refused.log', import.meta.url)),
  'utf8',
);
const options = { now: new Date('2026-11-29T12:00:00Z') };

describe("Postfix's STARTTLS refused by the remote", () => {
  it("is the remote's refusal, with its host and address", async () => {
    const { incidents } = await extract(text, options);
    expect(
      incidents.map((i) => [i.reply.text, i.remoteHost, i.remoteIp, i.recipientDomain, i.sendingDomain]),
    ).toEqual([
      [
        '454 4.7.0 TLS not available due to local problem',
        'mx.partner.example.net',
        '203.0.113.25',
        'partner.example.net',
        'monitor.example.com',
      ],
    ]);
  });

  it("and in Postfix's bounce notice, names the remote", async () => {
    const notice = readFileSync(
      fileURLToPath(
        new URL('../fixtures/extract/audit28adv/postfix-notice-starttls-refused.txt', import.meta.url),
      ),
      'utf8',
    );
    const { incidents } = await extract(notice, options);
    expect(incidents.map((i) => [i.reply.code, i.remoteHost, i.remoteIp, i.recipientDomain])).toEqual([
      [454, 'mx.partner.example.net', '203.0.113.25', 'partner.example.net'],
    ]);
  });
});
