/**
 * Orange's token cut right after its prefix by a line break (`OFR005_` at a line's end): joined again when
 * the next line starts with the reason (`104 [104]`), else the prefix is no reason: the `[NNN]` gives it, or
 * none does (test/fixtures/extract/left48/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const dir = fileURLToPath(new URL('../fixtures/extract/left48/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');
const options = { now: new Date('2026-12-07T12:00:00Z') };

const REPLY_104 =
  '421 mwinf5c10 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down.';

describe('an Orange token cut after its prefix', () => {
  it('is joined across the break when the next line starts with the reason', async () => {
    const { incidents } = await extract(fixture('postfix-log-wrapped-after-ofr-prefix.txt'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.orange).toEqual({ token: 'OFR005_104', reason: 104, server: 'mwinf5c10' });
    expect(incidents[0]?.remoteIp).toBe('80.12.242.15');
    expect(incidents[0]?.sendingIps).toEqual([]);
  });

  it('is joined without a bracket after it too', async () => {
    const text = `Orange nous repond :\n${REPLY_104} OFR005_\n104\n\nMerci\n`;
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => i.orange?.reason)).toEqual([104]);
  });

  it('gives no reason when nothing follows the prefix', async () => {
    const { incidents } = await extract(fixture('reply-cut-after-ofr-prefix.txt'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(`${REPLY_104} OFR005_`);
    expect(incidents[0]?.orange?.reason).toBeNull();
    expect(incidents[0]?.orange?.server).toBe('mwinf5c10');
  });

  it('takes its reason from the bracket on the next line, in one incident', async () => {
    const text = `Le serveur a repondu :\n${REPLY_104} OFR005_\n[104]\n`;
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => [i.orange?.token, i.orange?.reason])).toEqual([['OFR005', 104]]);
  });

  it('is not joined to the next reply’s code', async () => {
    const text = `Les deux erreurs :\n${REPLY_104} OFR005_\n550 5.7.1 mwinf5c21 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 [102]\n`;
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => [i.reply.code, i.orange?.reason ?? null])).toEqual([
      [421, null],
      [550, 102],
    ]);
  });
});
