/**
 * What a hostile test of `extract` found (audit 35): inputs and names that gave a wrong or
 * unclear answer. Each input is made in a temporary folder.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExtract } from '../../cli/commands/extract';
import { type CliIo, readFileUpTo, readUpTo } from '../../cli/io';
import { MAX_INPUT_BYTES } from '../../core/extract/decode-bytes';
import { fixturePath } from '../core/extract/fixtures';
import { capture } from './capture';

const REFUSAL = '550 5.1.1 Adresse d au moins un destinataire invalide. OFR_416 [416]\n';

describe('extract: names and messages', () => {
  it('quotes a file name holding a line break, so that its message stays one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'extract-names-'));
    const odd = join(dir, 'bad\nname.txt');
    writeFileSync(odd, '');
    writeFileSync(join(dir, 'good.txt'), REFUSAL);
    const c = capture();
    expect(await runExtract([odd, join(dir, 'good.txt')], c.io)).toBe(1);
    expect(c.err()).toBe(`extract: ${JSON.stringify(odd)}: The text is empty.\n`);
    expect(c.out()).toContain(`== ${JSON.stringify(odd)}\n`);
    // The JSON line keeps the name as it is.
    const j = capture();
    await runExtract(['--json', odd, join(dir, 'good.txt')], j.io);
    expect(JSON.parse(j.out().split('\n')[0] as string).file).toBe(odd);
  });

  it('says a damaged Outlook message is damaged, without the container library’s own words', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'extract-msg-cut-'));
    const msg = readFileSync(fixturePath('msg32/forwarded-bounce.msg'));
    const cut = join(dir, 'cut.msg');
    writeFileSync(cut, msg.subarray(0, Math.floor(msg.length / 3)));
    const c = capture();
    expect(await runExtract(['--json', cut], c.io)).toBe(1);
    expect(c.err()).toBe(
      `extract: ${cut}: a damaged Outlook message (.msg): cut short or corrupted, nothing in it could be read\n`,
    );
  });

  it('names an unknown option in one line, not with parseArgs’ advice and its open quote', async () => {
    const c = capture();
    expect(await runExtract(['--bogus', 'x.eml'], c.io)).toBe(1);
    expect(c.err().split('\n')[0]).toBe(
      "Unknown option '--bogus' (for a file of that name, put -- before it)",
    );
  });

  it('says once that a folder given could not be read, not also that it holds nothing', async () => {
    const c = capture();
    const io: CliIo = {
      ...c.io,
      isDirectory: async () => true,
      // As readdir fails on a folder without the right to read it (root reads any, so it is told here).
      listFiles: async (path, onError) => {
        onError?.(path, Object.assign(new Error('EACCES'), { code: 'EACCES' }));
        return [];
      },
    };
    expect(await runExtract(['locked'], io)).toBe(1);
    expect(c.err()).toBe('extract: locked: permission denied\n');
  });

  // A 64 MB input: seconds, more on a loaded machine; the limit below is for a hang, not speed.
  it('says a log cut at the limit is larger than it, not 64 MB', async () => {
    const c = capture();
    const line =
      'Nov 17 09:42:18 mta1 postfix/smtp[4242]: 4XyZ1k2Lm3z9tQ: to=<jean.dupont@orange.fr>, relay=smtp-in.orange.fr[193.252.22.65]:25, delay=1.2, delays=0.1/0/0.5/0.6, dsn=4.0.0, status=deferred (host smtp-in.orange.fr[193.252.22.65] said: 421 mwinf5c04 ME Service refuse. Veuillez essayer plus tard. OFR004_104 [104] (in reply to MAIL FROM command))\n';
    const io: CliIo = {
      ...c.io,
      isDirectory: async () => false,
      read: async () => {
        const bytes = new Uint8Array(MAX_INPUT_BYTES + 1).fill(0x20);
        bytes.set(new TextEncoder().encode(line));
        return bytes;
      },
    };
    expect(await runExtract(['--json', 'mail.log'], io)).toBe(0);
    expect(c.err().split('\n')[0]).toBe(
      'extract: mail.log: a large log (more than 64 MB): `summarize` reads it faster, in little memory, and groups its Orange incidents',
    );
  }, 60_000);
});

describe('reading a file or a pipe', () => {
  it('reads a file of known size into one buffer of that size, not chunks and their joined copy', async () => {
    async function* chunks() {
      for (let i = 0; i < 3; i++) yield Buffer.alloc(1000, 0x61 + i);
    }
    const bytes = await readUpTo(chunks(), 10_000, 3000);
    expect(bytes.buffer.byteLength).toBe(3000);
    expect(Buffer.from(bytes).toString()).toBe(`${'a'.repeat(1000)}${'b'.repeat(1000)}${'c'.repeat(1000)}`);
  });

  it('reads a file straight into one buffer of its size and one byte, not through a stream’s chunks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'extract-read-'));
    const file = join(dir, 'mail.log');
    const text = 'x'.repeat(200_000);
    writeFileSync(file, text);
    const reads: number[] = [];
    const handle = await open(file, 'r');
    try {
      const readInto = async (buffer: Buffer, offset: number, length: number) => {
        const { bytesRead } = await handle.read(buffer, offset, length, null);
        reads.push(bytesRead);
        return bytesRead;
      };
      const bytes = await readFileUpTo(readInto, 10_000_000, text.length);
      expect(bytes.length).toBe(text.length);
      expect(bytes.buffer.byteLength).toBe(text.length + 1);
      expect(Buffer.from(bytes).toString()).toBe(text);
      // A file longer than the size told (it grew) is read on, up to one byte past the limit.
      const again = await open(file, 'r');
      try {
        const cut = await readFileUpTo(
          async (b, o, l) => (await again.read(b, o, l, null)).bytesRead,
          150_000,
          1000,
        );
        expect(cut.length).toBe(150_001);
      } finally {
        await again.close();
      }
    } finally {
      await handle.close();
    }
    expect(reads.at(-1)).toBe(0);
  });

  it('still stops one byte past the limit when the size given was smaller than what comes', async () => {
    async function* endless() {
      for (;;) yield Buffer.alloc(4096, 0x61);
    }
    expect((await readUpTo(endless(), 10_000, 100)).length).toBe(10_001);
  });
});
