/**
 * Amazon SES's `X-AWS-Outgoing: IP` (2011's name of X-SES-Outgoing) below a Received hop inside Amazon
 * (its host and its client's names under amazon.com, the client at an inner address): the address SES
 * sent the copy from, and the inner hop's host no sending host (test/fixtures/extract/left58/SOURCES.md:
 * Sisimai's lhost-amazonses-01).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const NOW = new Date('2026-12-08T12:00:00Z');
const notice = readFileSync(
  fileURLToPath(new URL('../fixtures/extract/left58/ses-2011-aws-outgoing-derived.eml', import.meta.url)),
  'utf8',
);

describe("SES's X-AWS-Outgoing below Amazon's inner hop", () => {
  it('gives the sending IP, and the inner hop’s host is no sending host', async () => {
    const { incidents } = await extract(notice, { now: NOW });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingIps).toEqual(['199.255.192.79']);
    expect(incidents[0]?.sources.sendingIps?.text).toBe('X-AWS-Outgoing: 199.255.192.79');
    expect(incidents[0]?.sendingHosts).toEqual(['a192-79.smtp-out.amazonses.com']);
  });

  it('is not read below a hop whose client is outside Amazon', async () => {
    const relayed = notice.replace(
      'Received: from unknown (HELO aws-bacon-dlvr-svc-na-i-8dc23dec.us-east-1.amazon.com) ([10.13.146.206])',
      'Received: from relay.etude-sud.example (relay.etude-sud.example [203.0.113.40])',
    );
    const { incidents } = await extract(relayed, { now: NOW });
    expect(incidents[0]?.sendingIps).not.toContain('199.255.192.79');
  });
});
