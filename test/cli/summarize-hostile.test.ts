/**
 * What a hostile test of `summarize` found (audit 35): inputs it refused or answered unclearly.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runSummarize } from '../../cli/commands/summarize';
import { fixturePath } from '../core/extract/fixtures';
import { summarizeIo } from './capture';

const mailLog = readFileSync(new URL('../fixtures/large-log/mail.log', import.meta.url));

describe('summarize: hostile inputs', () => {
  const now = ['--now', '2026-03-20T00:00:00Z'];

  it('summarises the lines a cut gzip file gave, and says it was cut', async () => {
    const gz = gzipSync(mailLog);
    const whole = summarizeIo({ 'mail.log.1.gz': gz });
    const cut = summarizeIo({ 'mail.log.1.gz': gz.subarray(0, gz.length - 40) });
    expect(await runSummarize(['--json', ...now, 'mail.log.1.gz'], whole.io)).toBe(0);
    expect(await runSummarize(['--json', ...now, 'mail.log.1.gz'], cut.io)).toBe(0);
    const full = JSON.parse(whole.out());
    const part = JSON.parse(cut.out());
    expect(part.stats.lines).toBeGreaterThan(0);
    expect(part.stats.lines).toBeLessThanOrEqual(full.stats.lines);
    expect(part.warnings.map((w: { code: string }) => w.code)).toContain('input.gzip-cut');
    expect(cut.err()).toBe(
      'mail.log.1.gz: The gzip data ends early (the file is cut short or damaged): the summary covers only the lines before that point.\n',
    );
  });

  it('reads every line of gzip data followed by other bytes, and says they were ignored, not that it was cut', async () => {
    // gzip(1): "decompression OK, trailing garbage ignored". Node's decoder fails on such bytes having
    // dropped the last it decoded: a small file was "not valid gzip data", a larger one said cut.
    const gz = gzipSync(mailLog);
    const whole = summarizeIo({ 'mail.log.1.gz': gz });
    expect(await runSummarize(['--json', ...now, 'mail.log.1.gz'], whole.io)).toBe(0);
    // (Node's decoder stops silently at a zero byte after a member: zeros then other bytes are not said.)
    for (const tail of ['\n-- copied by logship --\n', 'PAD'.repeat(200)]) {
      const data = new Uint8Array([...gz, ...new TextEncoder().encode(tail)]);
      const tailed = summarizeIo({ 'mail.log.1.gz': data });
      expect(await runSummarize(['--json', ...now, 'mail.log.1.gz'], tailed.io)).toBe(0);
      const json = JSON.parse(tailed.out());
      expect(json.counts).toEqual(JSON.parse(whole.out()).counts);
      const codes = json.warnings.map((w: { code: string }) => w.code);
      expect([codes.includes('input.gzip-trailing'), codes.includes('input.gzip-cut')]).toEqual([
        true,
        false,
      ]);
      expect(tailed.err()).toBe('');
    }
  });

  it('says a gzip file cut in its header was cut before any line, as zstd’s, not that it was empty', async () => {
    const cut = summarizeIo({ 'mail.log.1.gz': gzipSync(mailLog).subarray(0, 6) });
    expect(await runSummarize([...now, 'mail.log.1.gz'], cut.io)).toBe(0);
    expect(cut.err()).toBe(
      'mail.log.1.gz: The gzip data ends before its first line (the file is cut short or damaged): no line could be read.\n',
    );
  });

  it('reads a log saved as UTF-16 with its byte-order mark as the same log', async () => {
    const text = mailLog.toString('latin1');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const plain = summarizeIo({ 'mail.log': Buffer.from(text, 'utf8') });
    const wide = summarizeIo({ 'mail.log': utf16 });
    expect(await runSummarize(['--json', ...now, 'mail.log'], plain.io)).toBe(0);
    expect(await runSummarize(['--json', ...now, 'mail.log'], wide.io)).toBe(0);
    expect(JSON.parse(wide.out()).summary).toEqual(JSON.parse(plain.out()).summary);
    expect(JSON.parse(wide.out()).counts).toEqual(JSON.parse(plain.out()).counts);
  });

  it('says an Outlook message is one, not binary data', async () => {
    const msg = readFileSync(fixturePath('msg32/forwarded-bounce.msg'));
    const s = summarizeIo({ 'bounce.msg': msg });
    expect(await runSummarize(['bounce.msg'], s.io)).toBe(1);
    expect(s.err()).toBe(
      'bounce.msg: an Outlook message (.msg), not a log: read it with extract or report\n',
    );
  });

  it('exits 1 on an empty file, saying so, as extract does', async () => {
    const s = summarizeIo({ 'empty.log': new Uint8Array(0) });
    expect(await runSummarize(['empty.log'], s.io)).toBe(1);
    expect(s.err()).toBe('empty.log: empty, no line to summarise\n');
  });

  it('prints no heading of groups above none', async () => {
    // Another provider's deferral: a log line, a rejection, none of them Orange's.
    const yahoo =
      'Mar 16 08:03:01 mta2 postfix/smtp[1310]: 4PcV0010K5FPLz3: to=<bob@yahoo.com>, relay=mta7.am0.yahoodns.net[98.136.216.22]:25, delay=0.9, delays=0.1/0/0.3/0.5, dsn=4.7.0, status=deferred (host mta7.am0.yahoodns.net[98.136.216.22] said: 421 4.7.0 [TSS04] Messages from 198.51.100.23 temporarily deferred due to unexpected volume or user complaints (in reply to end of DATA command))\n';
    const s = summarizeIo({ 'mail.log': new TextEncoder().encode(yahoo) });
    expect(await runSummarize([...now, 'mail.log'], s.io)).toBe(0);
    expect(s.out()).toContain('No Orange rejection found.');
    expect(s.out()).toContain('yahoodns.net  1');
    expect(s.out()).not.toContain('Orange incidents by sending IP');
  });
});
