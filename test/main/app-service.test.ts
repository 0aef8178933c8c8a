import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Settings } from '../../electron/contract/app';
import { createAppService, decodeText, MAX_OPENED_FILE_BYTES } from '../../electron/services/app-service';
import { zstdBomb } from '../core/extract/zstd-frames';

describe('app service', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ada-app-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  function service(chosen: string | null = null) {
    const clipboard: string[] = [];
    const opened: string[] = [];
    const svc = createAppService({
      writeClipboard: (t) => clipboard.push(t),
      openExternal: async (u) => {
        opened.push(u);
      },
      chooseFile: async () => chosen,
      settingsPath: join(dir, 'settings.json'),
    });
    return { svc, clipboard, opened };
  }

  it('copies text to the system clipboard', async () => {
    const { svc, clipboard } = service();
    await svc.copyText({ text: 'Objet : blocage' });
    expect(clipboard).toEqual(['Objet : blocage']);
  });

  it('opens allow-listed https links only', async () => {
    const { svc, opened } = service();
    expect(await svc.openExternal({ url: 'https://postmaster.orange.fr/' })).toEqual({ ok: true });
    const refused = await svc.openExternal({ url: 'file:///etc/passwd' });
    expect(refused.ok).toBe(false);
    expect(opened).toEqual(['https://postmaster.orange.fr/']);
  });

  it('reads a chosen Latin-1 file as text and reports a cancelled dialog as null', async () => {
    const path = join(dir, 'bounce.eml');
    await writeFile(path, Buffer.from('Réponse du serveur : 550 bloquée', 'latin1'));
    const opened = await service(path).svc.openFile({});
    expect(opened).toMatchObject({
      name: 'bounce.eml',
      text: 'Réponse du serveur : 550 bloquée',
      error: null,
    });
    expect(await service(null).svc.openFile({})).toBeNull();
  });

  it('reads a rotated, gzipped log as the log it holds, and measures it uncompressed', async () => {
    const log =
      'Dec  3 10:12:01 mta1 postfix/smtp[4242]: 4F1A2B3C4D: to=<jean@orange.fr>, relay=smtp-in.orange.fr[193.252.22.65]:25, ' +
      'delay=0.4, dsn=5.0.0, status=bounced (host smtp-in.orange.fr[193.252.22.65] said: 550 mwinf5c04 ME ' +
      'Service refuse. Veuillez essayer plus tard. OFR006_102 [102] (in reply to MAIL FROM command))\n';
    const path = join(dir, 'mail.log.1.gz');
    await writeFile(path, gzipSync(log));
    expect(await service(path).svc.openFile({})).toMatchObject({
      name: 'mail.log.1.gz',
      text: log,
      error: null,
    });
    const bomb = join(dir, 'bomb.log.gz');
    await writeFile(bomb, gzipSync(Buffer.alloc(MAX_OPENED_FILE_BYTES + 1, 0x61)));
    expect(await service(bomb).svc.openFile({})).toMatchObject({ text: null, error: 'too-large' });
    expect(await service(path).svc.openFile({})).not.toHaveProperty('compressedCut');
  });

  it('reads a gzipped log cut short up to the cut, and marks it cut', async () => {
    const log = Array.from(
      { length: 300 },
      (_, n) =>
        `Dec  3 10:12:${String(n % 60).padStart(2, '0')} mta1 postfix/smtp[4242]: 4F1A2B${String(n).padStart(4, '0')}: ` +
        'to=<jean@orange.fr>, status=bounced (host smtp-in.orange.fr[193.252.22.65] said: 550 mwinf5c04 ME ' +
        `Service refuse. OFR006_102 [102] (in reply to MAIL FROM command)) #${n}\n`,
    ).join('');
    const packed = gzipSync(log);
    const path = join(dir, 'mail.log.2.gz');
    await writeFile(path, packed.subarray(0, Math.floor(packed.length / 2)));
    const opened = await service(path).svc.openFile({});
    expect(opened).toMatchObject({ name: 'mail.log.2.gz', error: null, compressedCut: 'gzip' });
    expect(opened?.text && log.startsWith(opened.text) && opened.text.length < log.length).toBe(true);
  });

  it('reads a KumoMTA log segment (zstd, no extension) as its records, refuses a zstd bomb, marks a cut', async () => {
    const fixtures = join(process.cwd(), 'test/fixtures/extract/audit36zstd');
    const segment = await readFile(join(fixtures, '20240315-101500'));
    const records = await readFile(join(fixtures, '20240315-101500.source.jsonl'), 'utf8');
    const path = join(dir, '20240315-101500');
    await writeFile(path, segment);
    const opened = await service(path).svc.openFile({});
    expect(opened).toMatchObject({ name: '20240315-101500', text: records, error: null });
    expect(opened).not.toHaveProperty('compressedCut');
    const bomb = join(dir, 'bomb.zst');
    await writeFile(bomb, zstdBomb(32_768)); // 4 GiB once decoded
    expect(await service(bomb).svc.openFile({})).toMatchObject({ text: null, error: 'too-large' });
    const cut = join(dir, '20240315-102000');
    await writeFile(cut, Buffer.concat([segment, segment.subarray(0, segment.length - 100)]));
    expect(await service(cut).svc.openFile({})).toMatchObject({ text: records, compressedCut: 'zstd' });
  });

  it('reads an extension-less segment that starts with a skippable frame (pzstd) or is gzip, and marks a bad checksum', async () => {
    const fixtures = join(process.cwd(), 'test/fixtures/extract');
    const records = await readFile(join(fixtures, 'audit36zstd/20240315-101500.source.jsonl'), 'utf8');
    const pzstd = join(dir, '20240315-103000');
    await writeFile(pzstd, await readFile(join(fixtures, 'zstd37/20240315-101500.pzstd')));
    expect(await service(pzstd).svc.openFile({})).toMatchObject({ text: records, error: null });
    const gzip = join(dir, '20240315-103500');
    await writeFile(gzip, gzipSync(records));
    expect(await service(gzip).svc.openFile({})).toMatchObject({ text: records, error: null });
    expect(await service(gzip).svc.openFile({})).not.toHaveProperty('trailingIgnored');
    // A transfer tool's tail after the gzip data (zeros are padding, other bytes are said to be ignored).
    const tailed = join(dir, 'mail.log.2.gz');
    await writeFile(tailed, Buffer.concat([gzipSync(records), Buffer.from('\r\n--boundary--\r\n')]));
    expect(await service(tailed).svc.openFile({})).toMatchObject({
      text: records,
      error: null,
      trailingIgnored: 'gzip',
    });
    const damaged = await readFile(join(fixtures, 'zstd37/20240315-101500.checked'));
    damaged[57] = (damaged[57] as number) ^ 0x01; // a literal of a queue id: still decodes
    const bad = join(dir, '20240315-104000');
    await writeFile(bad, damaged);
    const opened = await service(bad).svc.openFile({});
    expect(opened).toMatchObject({ error: null, checksumMismatch: 'zstd' });
    expect(opened).not.toHaveProperty('compressedCut');
    expect(opened?.text).toContain('queued as 4TvQ1y3Zz9');
  });

  it('reads an Outlook .msg as the message it holds, and says why a Word .doc is not one', async () => {
    const msg = await readFile(join(process.cwd(), 'test/fixtures/extract/msg32/ndr-supplementary-info.msg'));
    const path = join(dir, 'Non remis.msg');
    await writeFile(path, msg);
    const opened = await service(path).svc.openFile({});
    expect(opened?.error).toBeNull();
    expect(opened?.text).toContain(
      'Diagnostic-Code: smtp; 550 mwinf5c20 ME Adresse IP source bloquee par Orange.',
    );
    const cut = join(dir, 'cut.msg');
    await writeFile(cut, msg.subarray(0, 1024));
    expect((await service(cut).svc.openFile({}))?.error).toMatch(/damaged Outlook message \(\.msg\)/);
  });

  it('refuses to load a file that is too large, and reports unreadable ones', async () => {
    const big = join(dir, 'huge.log');
    await writeFile(big, Buffer.alloc(MAX_OPENED_FILE_BYTES + 1, 0x61));
    expect(await service(big).svc.openFile({})).toMatchObject({ text: null, error: 'too-large' });
    const missing = await service(join(dir, 'missing.log')).svc.openFile({});
    expect(missing?.text).toBeNull();
    expect(missing?.error).toMatch(/ENOENT/);
  });

  it('remembers settings across instances and survives a corrupt settings file', async () => {
    await service().svc.saveSettings({ uiLang: 'en', ticketContext: { company: 'Exemple SAS' } });
    const again = await service().svc.getSettings({});
    expect(again.uiLang).toBe('en');
    expect(again.ticketContext.company).toBe('Exemple SAS');
    await writeFile(join(dir, 'settings.json'), '{ not json');
    expect((await service().svc.getSettings({})).uiLang).toBe('fr');
    await service().svc.saveSettings({ ticketLang: 'en' });
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))).toMatchObject({
      uiLang: 'fr',
      ticketLang: 'en',
    });
  });

  it('decodes UTF-8 and falls back to Windows-1252', () => {
    expect(decodeText(new TextEncoder().encode('é'))).toBe('é');
    expect(decodeText(Uint8Array.from([0x64, 0xe9, 0x6a, 0xe0]))).toBe('déjà');
    // Windows-1252's curly apostrophe, which Node's own decoder reads as an invisible control.
    expect(decodeText(Uint8Array.from([0x6c, 0x92, 0x65]))).toBe('l’e');
    expect(decodeText(new Uint8Array(Buffer.from('\uFEFFRéponse', 'utf16le')))).toBe('Réponse');
  });
});

describe('settings: the Abusix key', () => {
  const accepts = (abusixKey: string) => Settings.partial().safeParse({ abusixKey }).success;

  it('takes one DNS label (it is put in the query name) or nothing', () => {
    expect(accepts('')).toBe(true);
    expect(accepts('a1b2c3d4e5f6a7b8c9d0')).toBe(true);
    expect(accepts('key-with-hyphens')).toBe(true);
    expect(Settings.partial().parse({ abusixKey: '  k3y  ' }).abusixKey).toBe('k3y');
  });

  it('refuses what would change the name looked up or is not a label', () => {
    expect(accepts('k3y.attacker.example')).toBe(false);
    expect(accepts('k3y key')).toBe(false);
    expect(accepts('-k3y')).toBe(false);
    expect(accepts('k3y-')).toBe(false);
    expect(accepts('a'.repeat(64))).toBe(false);
    expect(accepts('a'.repeat(63))).toBe(true);
  });
});
