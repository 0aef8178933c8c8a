/**
 * A dropped or opened file's bytes, read as what they hold: an Outlook .msg as its message, gzip data
 * as the log it holds, an RTF document as its text, other files as they are; gzip data past the caller's limit cut or refused.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extract } from '../../../core/extract';
import { fileContent, isCompressed } from '../../../core/extract/file-bytes';
import { NotOutlookMessageError } from '../../../core/extract/outlook-file/msg-text';
import { fixtureBytes } from './fixtures';
import { zstdBomb } from './zstd-frames';

// A real Postfix log (audit18), as logrotate leaves it (mail.log.1.gz), and an Outlook NDR (msg32).
const log = fixtureBytes('audit18/postfix-102-then-999-same-host.log');
const msg = fixtureBytes('msg32/ndr-supplementary-info.msg');
const refuse = { limit: 1_000_000, overLimit: 'refuse' } as const;

describe('a file’s bytes', () => {
  it('a log is its own bytes, whatever its name', async () => {
    expect(await fileContent(log, refuse)).toEqual({ kind: 'bytes', bytes: log });
  });

  it('gzip data is the log it holds', async () => {
    expect(await fileContent(gzipSync(log), refuse)).toEqual({ kind: 'bytes', bytes: log });
  });

  it('an Outlook .msg is the message it holds, Orange’s reply included', async () => {
    const content = await fileContent(msg, refuse);
    expect(content.kind).toBe('text');
    expect(content.kind === 'text' && content.text).toMatch(/^Subject: Non remis : Votre devis$/m);
    expect(content.kind === 'text' && content.text).toContain('Diagnostic-Code: smtp; 550 mwinf5c20 ME');
  });

  it('gzip data past the limit is refused with its reason, or cut one byte past it', async () => {
    const big = gzipSync(new Uint8Array(300_000).fill(0x61));
    expect(await fileContent(big, { limit: 100_000, overLimit: 'refuse' })).toEqual({
      kind: 'refused',
      reason: 'too-large-uncompressed',
    });
    const cut = await fileContent(big, { limit: 100_000, overLimit: 'cut' });
    expect(cut.kind === 'bytes' && cut.bytes.length).toBe(100_001);
  });

  it('a damaged .msg and data that is no gzip throw, for each caller to say so its own way', async () => {
    await expect(fileContent(msg.subarray(0, 1024), refuse)).rejects.toThrow(NotOutlookMessageError);
    await expect(fileContent(new Uint8Array([0x1f, 0x8b, 1, 2, 3]), refuse)).rejects.toThrow();
  });
});

describe('gzip data cut short', () => {
  it('gives the whole lines before the cut and says it was cut; whole data is not marked', async () => {
    const packed = gzipSync(log);
    const cut = await fileContent(packed.subarray(0, Math.floor(packed.length * 0.8)), refuse);
    expect(cut.kind === 'bytes' && cut.compressedCut).toBe('gzip');
    expect(cut.kind === 'bytes' && cut.bytes.length).toBeGreaterThan(0);
    expect(await fileContent(packed, refuse)).not.toHaveProperty('compressedCut');
  });

  it('cut in its header or before its first line, gives no text and says it was cut, where it threw', async () => {
    const packed = gzipSync(log);
    for (const end of [5, 12, 40])
      expect(await fileContent(packed.subarray(0, end), refuse)).toEqual({
        kind: 'bytes',
        bytes: new Uint8Array(0),
        compressedCut: 'gzip',
      });
  });

  it('several members (`cat a.gz b.gz`, `gzip >>`) give every member’s lines; trailing zeros are ignored', async () => {
    const text = new TextDecoder().decode(log);
    const two = new Uint8Array([
      ...gzipSync(log),
      ...gzipSync('Mar 16 00:00:01 mta1 postfix/qmgr[1]: end\n'),
    ]);
    const content = await fileContent(two, refuse);
    expect(content.kind === 'bytes' && new TextDecoder().decode(content.bytes)).toBe(
      `${text}Mar 16 00:00:01 mta1 postfix/qmgr[1]: end\n`,
    );
    const padded = await fileContent(new Uint8Array([...gzipSync(log), ...new Uint8Array(512)]), refuse);
    expect(padded).toEqual({ kind: 'bytes', bytes: log });
  });
});

describe('zstd data (a KumoMTA log segment, a .zst log)', () => {
  const segment = fixtureBytes('audit36zstd/20240315-101500');
  const records = fixtureBytes('audit36zstd/20240315-101500.source.jsonl');

  it('is the text it holds, whatever its name', async () => {
    expect(await fileContent(segment, refuse)).toEqual({ kind: 'bytes', bytes: records });
  });

  it('past the limit is refused with its reason, or cut one byte past it, without decoding the rest', async () => {
    const bomb = zstdBomb(32_768); // 4 GiB once decoded
    expect(await fileContent(bomb, { limit: 100_000, overLimit: 'refuse' })).toEqual({
      kind: 'refused',
      reason: 'too-large-uncompressed',
    });
    const cut = await fileContent(bomb, { limit: 100_000, overLimit: 'cut' });
    expect(cut.kind === 'bytes' && cut.bytes.length).toBe(100_001);
  });

  it('cut short gives the whole records before the cut, marked as zstd cut; damaged, it throws', async () => {
    const two = new Uint8Array([...segment, ...segment.subarray(0, segment.length - 100)]);
    const cut = await fileContent(two, refuse);
    expect(cut.kind === 'bytes' && cut.compressedCut).toBe('zstd');
    expect(cut.kind === 'bytes' && cut.bytes).toEqual(records);
    expect(await fileContent(segment, refuse)).not.toHaveProperty('compressedCut');
    await expect(
      fileContent(new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0xff, 1, 2, 3]), refuse),
    ).rejects.toThrow();
  });

  it('cut inside its first block, gives no text and says it was cut, where it threw', async () => {
    expect(await fileContent(segment.subarray(0, 300), refuse)).toEqual({
      kind: 'bytes',
      bytes: new Uint8Array(0),
      compressedCut: 'zstd',
    });
  });

  it('starting with a skippable frame (pzstd), is the text it holds', async () => {
    const pzstd = fixtureBytes('zstd37/20240315-101500.pzstd');
    expect(isCompressed(pzstd)).toBe(true);
    expect(await fileContent(pzstd, refuse)).toEqual({ kind: 'bytes', bytes: records });
  });

  it('not matching its checksum, is the text as decoded, marked for the caller to say so', async () => {
    const damaged = fixtureBytes('zstd37/20240315-101500.checked');
    damaged[57] = (damaged[57] as number) ^ 0x01; // a literal of a queue id: still decodes
    const content = await fileContent(damaged, refuse);
    expect(content).toMatchObject({ kind: 'bytes', checksumMismatch: 'zstd' });
    expect(content).not.toHaveProperty('compressedCut');
    expect(content.kind === 'bytes' && content.bytes.length).toBe(records.length);
    expect(await fileContent(fixtureBytes('zstd37/20240315-101500.checked'), refuse)).toEqual({
      kind: 'bytes',
      bytes: records,
    });
  });
});

describe('an RTF document (a bounce saved from Outlook or WordPad as .rtf)', () => {
  const saved = fixtureBytes('rtffile36/postfix-bounce-saved-from-outlook.rtf');

  it('is its text: accents in code page 1252 and as \\uN, no control words left', async () => {
    const content = await fileContent(saved, refuse);
    expect(content.kind).toBe('text');
    const text = content.kind === 'text' ? content.text : '';
    expect(text).toContain('Voici le retour d’Orange reçu ce matin');
    expect(text).toMatch(/^Envoyé\u00a0:\tvendredi 4 décembre 2026 10:14$/m);
    expect(text).toMatch(/^À\u00a0:\tcommandes@boutique-durand\.example$/m);
    expect(text).not.toMatch(/\\par|\\'e9|fonttbl|Courier New/);
  });

  it('gives Orange’s whole reply and the sending IP, not RTF’s \\par inside them', async () => {
    const content = await fileContent(saved, refuse);
    const { incidents } = await extract(content.kind === 'text' ? content.text : '');
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply?.text).toBe(
      '550 opmta1mti07aub smtp.orange.fr EnJyw4MoQfspR Adresse IP source bloquee par Abusix. IP blocked by Abusix, OFR006_100 please visit https://lookup.abusix.com/search?q=203.0.113.45 [100]',
    );
    expect(incidents[0]?.orange?.reason).toBe(100);
    expect(incidents[0]?.sendingIps).toEqual(['203.0.113.45']);
    expect(incidents[0]?.remoteIp).toBe('193.252.22.65');
  });

  it('nested past any real document is still read, in bounded memory', async () => {
    const ascii = (s: string) => new TextEncoder().encode(s);
    const deep = new Uint8Array([
      ...ascii('{\\rtf1 before '),
      ...new Uint8Array(300).fill(0x7b),
      ...ascii('deep'),
      ...new Uint8Array(300).fill(0x7d),
      ...ascii(' after}'),
    ]);
    expect(await fileContent(deep, refuse)).toEqual({ kind: 'text', text: 'before deep after' });
    // 16 MB of `{` kept a record per level (about 1.2 GB) before groups were counted past 256 levels.
    const bomb = new Uint8Array(16_000_000).fill(0x7b);
    bomb.set(ascii('{\\rtf1 x'));
    expect(await fileContent(bomb, { limit: 20_000_000, overLimit: 'cut' })).toEqual({
      kind: 'text',
      text: 'x',
    });
  });
});
