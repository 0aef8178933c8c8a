/**
 * Sendmail 5's notice names the host it was written on, `Received: by HOST; (5.65/…)` with no `from`
 * and its Message-Id `<…@HOST>`, whose transcript shows it tried the remote: the sending host
 * (core/extract/sendmail-notice-host.ts; test/fixtures/extract/corpus30/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/corpus30/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-05T12:00:00Z') };
const timedOut = fixture('sendmail5-deferred-connection-timed-out.eml');

describe('the host a Sendmail 5 notice was written on', () => {
  it('is the sending host: it tried the remote, its transcript says so', async () => {
    const { incidents, warnings } = await extract(timedOut, options);
    expect(incidents[0]?.sendingHosts).toEqual(['relais.bourgade.example']);
    expect(incidents[0]?.sources.sendingHosts?.line).toBe(5);
    expect(warnings.map((w) => w.code)).not.toContain('missing.sendingHosts');
  });

  it('is not read when the Message-Id names another host', async () => {
    const other = timedOut.replace('AA23310@relais.bourgade.example>', 'AA23310@bourgade.example>');
    const { incidents } = await extract(other, options);
    expect(incidents[0]?.sendingHosts).toEqual([]);
  });

  it('is not read when the transcript names no other host it tried', async () => {
    const own = timedOut.replace(
      /^421 notaire-ouest\.example \(smtp\)\.\.\. .*$/m,
      '554 <etude@notaire-ouest.example>... Service unavailable',
    );
    const { incidents } = await extract(own, options);
    expect(incidents[0]?.sendingHosts ?? []).toEqual([]);
  });
});
