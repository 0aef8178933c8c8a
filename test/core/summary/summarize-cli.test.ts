import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { runSummarize, type SummarizeIo } from '../../../cli/commands/summarize';

const mailLog = readFileSync(new URL('../../fixtures/large-log/mail.log', import.meta.url));

function io(files: Record<string, Uint8Array>) {
  const out: string[] = [];
  const err: string[] = [];
  const fake: SummarizeIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    async *open(path) {
      const data = files[path];
      if (!data) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      for (let i = 0; i < data.length; i += 1000) yield data.subarray(i, i + 1000);
    },
  };
  return { fake, out, err };
}

describe('summarize (CLI)', () => {
  it('prints the groups, the 999 trigger, the timeline and the other providers as text', async () => {
    const { fake, out } = io({ 'mail.log.1.gz': gzipSync(mailLog) });
    expect(await runSummarize(['--now', '2026-03-20T00:00:00Z', 'mail.log.1.gz'], fake)).toBe(0);
    const text = out.join('');
    expect(text).toContain('mail.log.1.gz: 30 lines, 14 rejections (10 by Orange, 4 by other providers)');
    expect(text).toContain(
      '203.0.113.7  102 permanent (5xx)  2026-03-16T07:58:02+00:00 → 2026-03-16T09:30:00+00:00  ×3',
    );
    expect(text).toMatch(/203\.0\.113\.7 {2}999 suspension .*×2\n.*\n {6}triggered by OFR006_102 \(line 7,/);
    expect(text).toContain('Timeline (1 h per mark');
    expect(text).toContain('yahoodns.net  2 (2 temporary 4xx, 0 permanent 5xx)');
  });

  it('points to extract when nothing in the file is a log line (a bounce)', async () => {
    const bounce = [
      'From: MAILER-DAEMON@mta1.example.com',
      'Subject: Undelivered Mail Returned to Sender',
      '',
      '<jean.dupont@orange.fr>: host smtp-in.orange.fr[193.252.22.65] refused to talk to me: 421 mwinf5c77 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR_999 [999]',
    ].join('\n');
    const { fake, out } = io({ 'bounce.eml': new TextEncoder().encode(bounce) });
    expect(await runSummarize(['bounce.eml'], fake)).toBe(0);
    expect(out.join('')).toContain('No MTA log line was recognised: for a bounce');
    const { fake: logIo, out: logOut } = io({ 'mail.log': mailLog });
    expect(await runSummarize(['mail.log'], logIo)).toBe(0);
    expect(logOut.join('')).not.toContain('No MTA log line was recognised');
  });

  it('prints one JSON document with --json', async () => {
    const { fake, out } = io({ 'mail.log': mailLog });
    expect(await runSummarize(['--json', '--now', '2026-03-20T00:00:00Z', 'mail.log'], fake)).toBe(0);
    const doc = JSON.parse(out.join(''));
    expect(Object.keys(doc)).toEqual(['file', 'summary', 'counts', 'formats', 'warnings', 'stats']);
    expect(doc.summary.groups).toHaveLength(5);
    expect(doc.stats).toMatchObject({ bytesRead: mailLog.length, lines: 30, gzip: false, latin1Lines: 1 });
  });

  it('fails with a clear message and exit 1 on a missing file, bad gzip or bad usage', async () => {
    const missing = io({});
    expect(await runSummarize(['nope.log'], missing.fake)).toBe(1);
    expect(missing.err.join('')).toBe('nope.log: no such file or directory\n');
    const bad = io({ 'x.gz': mailLog });
    expect(await runSummarize(['x.gz'], bad.fake)).toBe(1);
    expect(bad.err.join('')).toBe('x.gz: not valid gzip data\n');
    const usage = io({});
    expect(await runSummarize([], usage.fake)).toBe(1);
    expect(usage.err.join('')).toContain('Usage: summarize');
  });

  it('refuses an unknown zone or an impossible offset instead of emptying or corrupting dates', async () => {
    for (const zone of ['Europe/Pari', '+25:00']) {
      const bad = io({ 'mail.log': mailLog });
      expect(await runSummarize(['--assume-zone', zone, 'mail.log'], bad.fake)).toBe(1);
      expect(bad.err.join('')).toContain(
        `--assume-zone expects an IANA zone (Europe/Paris), UTC or an offset from -12:00 to +14:00, not "${zone}"`,
      );
      expect(bad.out).toEqual([]);
    }
    const good = io({ 'mail.log': mailLog });
    expect(await runSummarize(['--assume-zone', 'Europe/Paris', 'mail.log'], good.fake)).toBe(0);
  });

  it('refuses an image as binary data instead of summarising it as lines of nothing', async () => {
    const png = new Uint8Array(2048);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    for (let i = 16; i < png.length; i++) png[i] = (i * 131) % 256;
    const image = io({ 'logo.png': png });
    expect(await runSummarize(['logo.png'], image.fake)).toBe(1);
    expect(image.err.join('')).toBe('logo.png: binary data (an image, an archive...), not a log\n');
    expect(image.out).toEqual([]);
  });
});
