/**
 * Gmail's "Show original" page copied whole: its summary table (Original Message, Message ID, Created
 * at, From, To, Subject, SPF, DKIM, DMARC, Download Original / Copy to clipboard) above the raw message.
 * Fixtures and sources: test/fixtures/extract/paste38/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { withoutShowOriginalHead } from '../../core/extract/show-original-head';

const dir = fileURLToPath(new URL('../fixtures/extract/paste38/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');

describe("Gmail's Show original page copied whole", () => {
  it("dates Gmail's own notice by its Date, not by the returned message's", async () => {
    const text = fixture('gmail-show-original-gmail-notice.txt');
    const { incidents } = await extract(text);
    expect(incidents).toHaveLength(1);
    const incident = incidents[0];
    expect(incident?.occurredAt).toBe('2026-12-04T01:12:19-08:00');
    expect(incident?.assumptions).toEqual([]);
    // The citation is the notice's Date line, where it stands in the paste.
    const line = incident?.sources.occurredAt?.line ?? 0;
    expect(text.split('\n')[line - 1]).toBe('Date: Fri, 04 Dec 2026 01:12:19 -0800 (PST)');
    // The summary's SPF row names the server that brought the notice to Gmail, not a sending IP.
    expect(incident?.sendingIps).toEqual(['209.85.218.45']);
    expect(incident?.orange?.reason).toBe(102);
  });

  it('reads a Postfix report under the summary as it reads the raw message', async () => {
    const text = fixture('gmail-show-original-postfix.txt');
    const raw = text.slice(text.indexOf('Delivered-To:'));
    const [shown, alone] = await Promise.all([extract(text), extract(raw)]);
    const skipped = text.slice(0, text.indexOf('Delivered-To:')).split('\n').length - 1;
    expect(shown.incidents.map((i) => [i.occurredAt, i.sendingIps, i.sendingDomain, i.remoteIp])).toEqual(
      alone.incidents.map((i) => [i.occurredAt, i.sendingIps, i.sendingDomain, i.remoteIp]),
    );
    expect(shown.incidents[0]?.sources.reply?.line).toBe(
      (alone.incidents[0]?.sources.reply?.line ?? 0) + skipped,
    );
  });

  it('keeps every line where it was, and leaves a quoted "Original Message" alone', () => {
    const text = fixture('gmail-show-original-gmail-notice.txt');
    const blanked = withoutShowOriginalHead(text);
    expect(blanked.split('\n')).toHaveLength(text.split('\n').length);
    expect(blanked.split('\n').slice(0, 11).join('')).toBe('');
    expect(blanked.split('\n')[11]).toBe('Delivered-To: contact@example.com');
    const quoted = '-----Original Message-----\nFrom: a@example.com\nDownload Original\n';
    expect(withoutShowOriginalHead(quoted)).toBe(quoted);
  });
});
