// @vitest-environment node
/**
 * The large-log tab on a gzip log cut short (an interrupted rotation, a partial copy): the lines the
 * data gave are summarised, with a warning that the summary stops at the cut, where the whole scan
 * used to fail with the decoder's error; data that gives nothing still fails with a message.
 */
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FromScanWorker } from '../../../renderer/src/logs/protocol';
import { createScanHandler } from '../../../renderer/src/logs/scan-handler';
import { OneMemberGunzip } from '../../core/extract/one-member-gunzip';

/** What the scan worker posts last for `data` opened as `name`. */
async function scanned(data: Uint8Array, name: string): Promise<FromScanWorker | undefined> {
  const posted: FromScanWorker[] = [];
  const handle = createScanHandler((m) => posted.push(m));
  await handle({ type: 'scan', file: new Blob([new Uint8Array(data)]), name, now: '2024-12-20T00:00:00Z' });
  return posted.at(-1);
}

/** A day of Postfix refusals by Orange, one per minute, each with its own queue id and text. */
const log = Array.from({ length: 3000 }, (_, n) => {
  const time = `${String(8 + Math.floor(n / 600)).padStart(2, '0')}:${String(Math.floor(n / 10) % 60).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}`;
  const id = `4F${n.toString(16).toUpperCase().padStart(8, '0')}`;
  return (
    `Dec  3 ${time} mta1 postfix/smtp[4242]: ${id}: to=<client${n}@orange.fr>, relay=smtp-in.orange.fr[193.252.22.65]:25, ` +
    'delay=0.4, dsn=4.0.0, status=deferred (host smtp-in.orange.fr[193.252.22.65] said: 421 mwinf5c22 ME ' +
    'Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR004_104 [104] ' +
    '(in reply to end of DATA command))\n'
  );
}).join('');

describe('the large-log tab on a gzip log cut short', () => {
  it('summarises the lines before the cut and says the summary stops there', async () => {
    const packed = gzipSync(log);
    const whole = await scanned(packed, 'mail.log.1.gz');
    const cut = await scanned(packed.subarray(0, Math.floor(packed.length / 2)), 'mail.log.1.gz');
    expect(whole?.type).toBe('done');
    expect(cut?.type).toBe('done');
    if (whole?.type !== 'done' || cut?.type !== 'done') return;
    expect(whole.stats.lines).toBe(3000);
    expect(whole.warnings.map((w) => w.code)).not.toContain('input.gzip-cut');
    expect(cut.stats.lines).toBeGreaterThan(0);
    expect(cut.stats.lines).toBeLessThan(3000);
    expect(cut.counts.orangeRejections).toBeGreaterThan(0);
    expect(cut.warnings.map((w) => w.code)).toContain('input.gzip-cut');
  });

  it('fails with a message when the data gives nothing at all', async () => {
    const damaged = new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xff, 0xff, 0xff, 0xff]);
    const last = await scanned(damaged, 'mail.log.1.gz');
    expect(last?.type).toBe('error');
  });

  it('says a log cut in its gzip header was cut, where the scan failed', async () => {
    const last = await scanned(gzipSync(log).subarray(0, 6), 'mail.log.1.gz');
    expect(last?.type).toBe('done');
    if (last?.type !== 'done') return;
    expect(last.stats.lines).toBe(0);
    const note = last.warnings.find((w) => w.code === 'input.gzip-cut');
    expect(note?.text.en).toMatch(/before its first line.*no line could be read/);
  });
});

describe('the large-log tab on gzip members run together, as Chromium’s decoder reads them', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });
  const half = log.indexOf('\n', log.length / 2) + 1;
  const linesOf = (text: string) => text.split('\n').length - 1;

  it('summarises every member (`cat mail.log.2.gz mail.log.1.gz`, then zeros), not the first one said cut', async () => {
    vi.stubGlobal('DecompressionStream', OneMemberGunzip);
    const members = new Uint8Array([
      ...gzipSync(log.slice(0, half)),
      ...gzipSync(''),
      ...gzipSync(log.slice(half)),
      ...new Uint8Array(1024),
    ]);
    const last = await scanned(members, 'mail.log.gz');
    expect(last?.type).toBe('done');
    if (last?.type !== 'done') return;
    expect(last.stats.lines).toBe(3000);
    expect(last.warnings.map((w) => w.code)).not.toContain('input.gzip-cut');
  });

  it('bytes after the last member that are not gzip: every line, said ignored (as gzip(1)), not cut', async () => {
    // A download tool's or a copy's tail, in the same chunk as the member's end: Chromium's decoder
    // enqueues the member's last 64 KiB pieces, then fails with its junk error, which dropped those the
    // one read pending did not take; the log was summarised short and said cut.
    vi.stubGlobal('DecompressionStream', OneMemberGunzip);
    const tail = new TextEncoder().encode('\n-- copied by logship 2.1 --\n');
    for (const data of [
      new Uint8Array([...gzipSync(log.slice(0, half)), ...gzipSync(log.slice(half)), ...tail]),
      new Uint8Array([...gzipSync(log), ...new Uint8Array(700), ...tail]),
    ]) {
      const last = await scanned(data, 'mail.log.gz');
      expect(last?.type).toBe('done');
      if (last?.type !== 'done') return;
      expect(last.stats.lines).toBe(3000);
      const codes = last.warnings.map((w) => w.code);
      expect([codes.includes('input.gzip-trailing'), codes.includes('input.gzip-cut')]).toEqual([
        true,
        false,
      ]);
    }
  });

  it('a second member cut short: the first member’s lines and the second’s before the cut, said cut', async () => {
    vi.stubGlobal('DecompressionStream', OneMemberGunzip);
    const second = gzipSync(log.slice(half));
    const members = new Uint8Array([
      ...gzipSync(log.slice(0, half)),
      ...second.subarray(0, second.length / 2),
    ]);
    const last = await scanned(members, 'mail.log.gz');
    expect(last?.type).toBe('done');
    if (last?.type !== 'done') return;
    expect(last.stats.lines).toBeGreaterThan(linesOf(log.slice(0, half)));
    expect(last.stats.lines).toBeLessThan(3000);
    expect(last.warnings.map((w) => w.code)).toContain('input.gzip-cut');
  });
});
