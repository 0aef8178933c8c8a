/**
 * A notice's Subject in RFC 2047 encoded words is read decoded where its words decide what the message is:
 * a delay notice (`Delivery Status Notification (Delay)`), a non-delivery notice (`Undeliverable:`)
 * without any delivery-status part (test/fixtures/extract/left48/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const dir = fileURLToPath(new URL('../fixtures/extract/left48/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');
const options = { now: new Date('2026-12-07T12:00:00Z') };

describe('an encoded subject', () => {
  it('still says a plain-text notice is a delay notice', async () => {
    const { incidents } = await extract(fixture('gmail-delay-encoded-subject-derived.eml'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(450);
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('input.delay-notice');
  });

  it('still says a notice without a delivery report is a notice, its missing reply asked for', async () => {
    const { incidents, warnings } = await extract(
      fixture('exchange-online-no-report-encoded-subject.eml'),
      options,
    );
    expect(warnings.map((w) => w.code)).not.toContain('input.no-incident');
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe('');
    expect(incidents[0]?.occurredAt).toBe('2026-12-07T09:14:02+00:00');
  });
});
