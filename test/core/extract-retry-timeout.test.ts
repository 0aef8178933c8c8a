/**
 * A notice saying the sending server gave up when its retry period ran out quotes no reply: the user is
 * told where the attempts' replies are (the sending server's log) rather than only to fill the reply in.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { retryTimeoutLine } from '../../core/extract/retry-timeout';

const fixture = (path: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/${path}`, import.meta.url)), 'utf8');
const codes = (warnings: { code: string }[]) => warnings.map((w) => w.code);

describe('a notice of a sending server that gave up retrying', () => {
  it("says where the reply is for Exim's multipart report to an Orange recipient", async () => {
    const { incidents, warnings } = await extract(fixture('retry-timeout/exim-gave-up-orange.eml'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.recipientDomain).toBe('orange.fr');
    expect(incidents[0]?.reply.text).toBe('');
    const note = warnings.find((w) => w.code === 'input.retry-timeout');
    expect(note?.text.en).toContain('("retry timeout exceeded")');
    expect(note?.text.fr).toContain('«\u00a0retry timeout exceeded\u00a0»');
    expect(note?.text.fr).toContain('mainlog');
    // Not a connection failure: the remote may well have replied, each time.
    expect(codes(warnings)).not.toContain('input.no-server-reply');
  });

  it('says so for a real paste of such a notice (Roundcube issue 9442)', async () => {
    const { warnings } = await extract(fixture('hunt50/roundcube-9442-exim-retry-timeout-transip.md'));
    expect(codes(warnings)).toContain('input.retry-timeout');
  });

  it("takes GMX's wording and not a local transport's own reason", () => {
    expect(retryTimeoutLine(['Reason:', 'delivery retry timeout exceeded', ''])).toBe(
      'delivery retry timeout exceeded',
    );
    // Exim delivering into a file of its own host: no remote server was involved.
    expect(
      retryTimeoutLine(['  save to /var/mail/jean', '    mailbox is full: retry timeout exceeded']),
    ).toBeNull();
    expect(retryTimeoutLine(['The retry timeout exceeded the limit set by the administrator.'])).toBeNull();
  });
});
