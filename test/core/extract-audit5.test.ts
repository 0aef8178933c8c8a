/**
 * Fifth audit of real input (bounces, ESP events and logs gathered from public sources nobody here
 * wrote): each case is modelled on a shape the audit found wrong. Fixtures and their sources:
 * test/fixtures/extract/audit5/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const dir = fileURLToPath(new URL('../fixtures/extract/audit5/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');

describe("Zoho's `ERROR CODE :550 - reply` notice", () => {
  it('takes the basic code before the dash and keeps the reply as the remote wrote it', async () => {
    const { incidents } = await extract(fixture('zoho-error-code-dash.txt'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply.code).toBe(550);
    expect(i?.reply.enhanced).toBe('5.7.1');
    expect(i?.reply.text).toMatch(/^550 5\.7\.1 Service refuse\. .* OFR006_102 \[102\]$/);
    expect(i?.orange?.reason).toBe(102);
    expect(i?.remoteHost).toBe('smtp-in.orange.fr');
    expect(i?.sources.reply?.line).toBe(4);
  });

  it('reads the notice line alone, without its DSN block', async () => {
    const { incidents } = await extract(
      'user@example.org, ERROR CODE :550 - Message headers fail syntax check\n',
    );
    expect(incidents[0]?.reply.code).toBe(550);
    expect(incidents[0]?.reply.text).toBe('550 Message headers fail syntax check');
  });
});
