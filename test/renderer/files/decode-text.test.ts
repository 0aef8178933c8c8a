/**
 * A file dropped on the window is read as the engine reads files: Notepad's UTF-16 and Windows-1252's
 * curly apostrophes included (the renderer once had its own decoding, which read UTF-16 as Latin-1).
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extract } from '../../../core/extract';
import {
  decodeText,
  isAccepted,
  MAX_FILE_BYTES,
  readDroppedFile,
  UnsupportedFileError,
} from '../../../renderer/src/components/files';

/** The start of a real PDF: its header, then a compressed stream (bytes as evenly spread as deflate's). */
const PDF_START = Uint8Array.from([
  ...Buffer.from(
    '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<</Filter/FlateDecode/Length 2048>>stream\n',
    'latin1',
  ),
  ...Array.from({ length: 2048 }, (_, i) => (i * 167 + 13) % 256),
]);

const bufferOf = (bytes: Uint8Array) =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

describe('decodeText (dropped files)', () => {
  it('reads UTF-16 with its byte-order mark', () => {
    const utf16 = new Uint8Array(
      Buffer.from('\uFEFF550 5.7.1 Service refusé. OFR004_104 [104]\r\n', 'utf16le'),
    );
    expect(decodeText(bufferOf(utf16))).toBe('550 5.7.1 Service refusé. OFR004_104 [104]\r\n');
  });

  it('reads UTF-8, and Windows-1252 with its curly apostrophe', () => {
    expect(decodeText(bufferOf(new TextEncoder().encode('déjà')))).toBe('déjà');
    expect(decodeText(bufferOf(Uint8Array.from([0x6c, 0x92, 0x65, 0x20, 0xe9])))).toBe('l’e é');
  });
});

describe('readDroppedFile', () => {
  it('reads a bounce dragged out of Outlook (.msg) as the message it holds, and finds its incident', async () => {
    const msg = readFileSync(join(process.cwd(), 'test/fixtures/extract/msg32/ndr-supplementary-info.msg'));
    const { text } = await readDroppedFile(new File([msg], 'Non remis - Votre devis.msg'));
    expect(isAccepted('Non remis - Votre devis.msg')).toBe(true);
    const [incident] = (await extract(text)).incidents;
    expect(incident?.orange?.token).toBe('OFR006_103');
    expect(incident?.sendingDomain).toBe('boutique-durand.example');
  });

  it('reads a rotated, gzipped log (mail.log.1.gz) as the Latin-1 log it holds', async () => {
    const log = Buffer.from(
      'Dec  3 10:12:01 mta1 postfix/smtp[4242]: 4F1A2B3C4D: to=<jean@wanadoo.fr>, status=deferred ' +
        '(host smtp-in.orange.fr[80.12.24.81] said: 421 mwinf5c22 ME Trop de connexions, réessayez ' +
        'plus tard. OFR004_104 [104] (in reply to end of DATA command))\n',
      'latin1',
    );
    const file = new File([gzipSync(log)], 'mail.log.1.gz');
    expect(await readDroppedFile(file)).toEqual({ text: log.toString('latin1'), compressedCut: null });
  });

  it('reads a KumoMTA log segment renamed .zst as the records it holds, and says when it was cut', async () => {
    const dir = join(process.cwd(), 'test/fixtures/extract/audit36zstd');
    const segment = readFileSync(join(dir, '20240315-101500'));
    const records = readFileSync(join(dir, '20240315-101500.source.jsonl'), 'utf8');
    expect(isAccepted('20240315-101500.zst')).toBe(true);
    expect(await readDroppedFile(new File([segment], '20240315-101500.zst'))).toEqual({
      text: records,
      compressedCut: null,
    });
    const cut = new File([segment, segment.subarray(0, segment.length - 100)], '20240315-102000.zst');
    expect(await readDroppedFile(cut)).toEqual({ text: records, compressedCut: 'zstd' });
  });

  it('accepts a file without an extension (a KumoMTA segment) when its bytes are zstd or gzip, and only then', async () => {
    const fixtures = join(process.cwd(), 'test/fixtures/extract');
    const segment = readFileSync(join(fixtures, 'audit36zstd/20240315-101500'));
    const records = readFileSync(join(fixtures, 'audit36zstd/20240315-101500.source.jsonl'), 'utf8');
    expect(isAccepted('20240315-101500')).toBe(true);
    expect(isAccepted('capture.pdf')).toBe(false);
    expect(await readDroppedFile(new File([segment], '20240315-101500'))).toEqual({
      text: records,
      compressedCut: null,
    });
    expect(await readDroppedFile(new File([gzipSync(records)], '20240315-101500'))).toEqual({
      text: records,
      compressedCut: null,
    });
    const pzstd = readFileSync(join(fixtures, 'zstd37/20240315-101500.pzstd'));
    expect((await readDroppedFile(new File([pzstd], '20240315-101500'))).text).toBe(records);
    await expect(readDroppedFile(new File([PDF_START], 'README'))).rejects.toThrow(UnsupportedFileError);
  });

  it('reads a log by its own name: no extension (maillog, mainlog), rotated (mail.log.1), a syslog level (mail.info)', async () => {
    // Red Hat's rsyslog writes the mail facility to /var/log/maillog, Exim to mainlog, Debian's rsyslog to
    // mail.log, mail.info, mail.warn and mail.err; logrotate numbers or dates the old ones.
    const names = [
      'maillog',
      'mainlog',
      'exim_mainlog',
      'current',
      'mail.log.1',
      'mail.info',
      'mail.err.3',
      'maillog-20241201',
      'mail.log.2024-12-01',
      '@400000006752a1b20c0d0e0f.s',
    ];
    const log =
      'Dec  3 10:12:01 mta1 postfix/smtp[4242]: 4F1A2B3C4D: to=<jean@wanadoo.fr>, status=deferred ' +
      '(host smtp-in.orange.fr[80.12.24.81] said: 421 mwinf5c22 ME Trop de connexions, réessayez ' +
      'plus tard. OFR004_104 [104] (in reply to end of DATA command))\n';
    for (const name of names) {
      expect(isAccepted(name), name).toBe(true);
      expect(await readDroppedFile(new File([Buffer.from(log, 'latin1')], name)), name).toEqual({
        text: log,
        compressedCut: null,
      });
    }
    for (const name of ['capture.pdf', 'photo.png.1', 'archive.tar', 'rapport.docx-20241201'])
      expect(isAccepted(name), name).toBe(false);
    // Named as a log, but an image or a PDF by its bytes: refused as before.
    await expect(readDroppedFile(new File([PDF_START], 'mail.log.1'))).rejects.toThrow(UnsupportedFileError);
  });

  it('says when bytes that are no gzip data followed a dropped gzip file, keeping all its text', async () => {
    const log =
      'Dec  3 10:12:01 mta1 postfix/smtp[4242]: 4F1A2B3C4D: to=<jean@wanadoo.fr>, status=deferred ' +
      '(host smtp-in.orange.fr[80.12.24.81] said: 421 mwinf5c22 ME Trop de connexions. OFR004_104 [104])\n';
    const tailed = Buffer.concat([gzipSync(log), Buffer.from('\r\n--boundary--\r\n')]);
    expect(await readDroppedFile(new File([tailed], 'mail.log.2.gz'))).toEqual({
      text: log,
      compressedCut: null,
      trailingIgnored: 'gzip',
    });
    expect(await readDroppedFile(new File([gzipSync(log)], 'mail.log.2.gz'))).toEqual({
      text: log,
      compressedCut: null,
    });
  });

  it('says when a dropped zstd file does not match its checksum, keeping its text', async () => {
    const damaged = readFileSync(join(process.cwd(), 'test/fixtures/extract/zstd37/20240315-101500.checked'));
    damaged[57] = (damaged[57] as number) ^ 0x01; // a literal of a queue id: still decodes
    const dropped = await readDroppedFile(new File([damaged], 'kumo.log.zst'));
    expect(dropped).toMatchObject({ compressedCut: null, checksumMismatch: 'zstd' });
    expect(dropped.text).toContain('queued as 4TvQ1y3Zz9');
  });

  it('reads a gzipped log cut short up to the cut, and says it was cut', async () => {
    const lines = Array.from(
      { length: 400 },
      (_, n) =>
        `Dec  3 10:${String(n % 60).padStart(2, '0')}:01 mta1 postfix/smtp[4242]: 4F1A2B${String(n).padStart(4, '0')}: ` +
        'to=<jean@wanadoo.fr>, status=deferred (host smtp-in.orange.fr[80.12.24.81] said: 421 mwinf5c22 ME ' +
        `Trop de connexions, réessayez plus tard. OFR004_104 [104] (in reply to end of DATA command)) #${n}\n`,
    ).join('');
    const packed = gzipSync(Buffer.from(lines, 'latin1'));
    const file = new File([packed.subarray(0, Math.floor(packed.length / 2))], 'mail.log.2.gz');
    const { text, compressedCut } = await readDroppedFile(file);
    expect(compressedCut).toBe('gzip');
    expect(text.length).toBeGreaterThan(0);
    expect(lines.startsWith(text)).toBe(true);
    expect(text.length).toBeLessThan(lines.length);
  });

  it('accepts a message dragged out of Apple Mail’s library (.emlx) and reads it as the message it holds', async () => {
    const bytes = readFileSync(
      join(process.cwd(), 'test/fixtures/extract/mailboxes/apple-mail-emlx/51902.emlx'),
    );
    const file = new File([bytes], '51902.emlx');
    expect(isAccepted(file.name)).toBe(true);
    const { incidents } = await extract((await readDroppedFile(file)).text);
    expect(incidents.map((i) => [i.orange?.token, i.sendingDomain])).toEqual([
      ['OFR006_102', 'atelier-exemple.fr'],
    ]);
  });

  it('refuses a gzip that would unpack beyond the limit, with the reason', async () => {
    const file = new File([gzipSync(Buffer.alloc(MAX_FILE_BYTES + 1, 0x61))], 'bomb.log.gz');
    await expect(readDroppedFile(file)).rejects.toThrow(/once uncompressed/);
  });
});
