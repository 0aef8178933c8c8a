import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runExtract } from '../../cli/commands/extract';
import { type CliIo, listFiles, readUpTo } from '../../cli/io';
import { MAX_INPUT_BYTES } from '../../core/extract/decode-bytes';
import { fixtureBytes, fixturePath } from '../core/extract/fixtures';
import { zstdBomb } from '../core/extract/zstd-frames';
import { generatePostfixLog } from '../fixtures/logs/generate-postfix';
import { capture, jsonLines } from './capture';

describe('extract --json FILE', () => {
  it('prints one JSON document with the documented shape, English warnings and advice', async () => {
    const c = capture();
    const code = await runExtract(['--json', fixturePath('postfix-orange-greeting.eml')], c.io);
    expect(code).toBe(0);
    const doc = JSON.parse(c.out()) as { incidents: Record<string, unknown>[]; warnings: string[] };
    const i = doc.incidents[0] as Record<string, unknown>;
    expect(i.occurredAt).toBe('2019-12-16T22:00:18+01:00');
    expect(i.reply).toEqual({
      code: 550,
      enhanced: null,
      text: '550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=203.0.113.7 [102]',
    });
    expect(i.orange).toEqual({ token: 'OFR006_102', reason: 102, server: 'mwinf5c04' });
    expect(i.sendingIps).toEqual(['203.0.113.7']);
    expect(i.remoteIp).toBe('193.252.22.65');
    expect(Array.isArray(i.assumptions)).toBe(true);
    expect((i.advice as { nextStep: string }).nextStep).toBe('delist-elsewhere');
    expect(doc.warnings.every((w) => typeof w === 'string')).toBe(true);
    expect(c.err()).toBe('');
  });

  it('reads standard input for "-"', async () => {
    const c = capture(
      new TextEncoder().encode('smtp;421 mwinf5c41 ME Trop de connexions. OFR004_104 [104]\n'),
    );
    expect(await runExtract(['--json', '-'], c.io)).toBe(0);
    const doc = JSON.parse(c.out()) as { incidents: { orange: { reason: number } }[] };
    expect(doc.incidents[0]?.orange.reason).toBe(104);
  });
});

describe('extract --json DIR or several files', () => {
  it('prints one JSON line per file, walking the directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'extract-cli-'));
    writeFileSync(
      join(dir, 'a.txt'),
      '550 5.1.1 Adresse d au moins un destinataire invalide. OFR_416 [416]\n',
    );
    writeFileSync(
      join(dir, 'mbox'),
      'From MAILER-DAEMON Tue Dec 17 10:13:17 2019\nFrom: MAILER-DAEMON@out1.example.com\nSubject: Undelivered Mail Returned to Sender\n\n<a@orange.fr>: host smtp-in.orange.fr[193.252.22.65] said: 550 5.2.0 Mail rejete. ofr_506 [506]\n',
    );
    writeFileSync(join(dir, 'empty.txt'), '');
    const c = capture();
    const code = await runExtract(['--json', dir], c.io);
    const lines = jsonLines<{ file: string; incidents: unknown[]; warnings: string[] }>(c.out());
    expect(lines.map((l) => l.file)).toEqual([join(dir, 'a.txt'), join(dir, 'empty.txt'), join(dir, 'mbox')]);
    expect(lines.map((l) => l.incidents.length)).toEqual([1, 0, 1]);
    expect(lines[1]?.warnings).toEqual(['The text is empty.']);
    expect(code).toBe(1);
    expect(c.err()).toContain('empty.txt: The text is empty.');
  });
});

describe('walking a folder', () => {
  const refusal = '550 5.1.1 Adresse d au moins un destinataire invalide. OFR_416 [416]\n';

  it("walks a Maildir++'s hidden folders, not version control's nor hidden files", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'extract-maildir-'));
    for (const folder of ['cur', '.Bounces/cur', '.git']) mkdirSync(join(dir, folder), { recursive: true });
    writeFileSync(join(dir, 'cur', '1.eml'), refusal);
    writeFileSync(join(dir, '.Bounces', 'cur', '2.eml'), refusal);
    writeFileSync(join(dir, '.git', 'config'), '[core]\n');
    writeFileSync(join(dir, '.DS_Store'), 'Bud1');
    expect(await listFiles(dir)).toEqual([join(dir, '.Bounces', 'cur', '2.eml'), join(dir, 'cur', '1.eml')]);
  });

  it('goes on past a folder it cannot read, saying which, and says when a folder holds nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'extract-locked-'));
    writeFileSync(join(dir, 'a.txt'), refusal);
    const c = capture();
    const io: CliIo = {
      ...c.io,
      // As an unreadable sub-folder makes readdir fail (root reads any folder, so it is told here).
      listFiles: async (path, onError) => {
        onError?.(join(path, 'locked'), Object.assign(new Error('EACCES'), { code: 'EACCES' }));
        return listFiles(path, onError);
      },
    };
    expect(await runExtract(['--json', dir], io)).toBe(1);
    expect(c.err()).toBe(`extract: ${join(dir, 'locked')}: permission denied\n`);
    // The folder left out has its JSON line, as a file that cannot be read has.
    const lines = jsonLines<{ file: string; incidents: unknown[]; error?: string }>(c.out());
    expect(lines.map((l) => [l.file, l.incidents.length, l.error])).toEqual([
      [join(dir, 'locked'), 0, 'permission denied'],
      [join(dir, 'a.txt'), 1, undefined],
    ]);

    const empty = mkdtempSync(join(tmpdir(), 'extract-empty-'));
    const e = capture();
    expect(await runExtract(['--json', empty], e.io)).toBe(1);
    expect(e.err()).toBe(`extract: ${empty}: no file to read in this folder\n`);
  });

  it('prints a JSON line with the error for a file it cannot read among several', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'extract-missing-'));
    writeFileSync(join(dir, 'a.txt'), refusal);
    const c = capture();
    expect(await runExtract(['--json', join(dir, 'a.txt'), join(dir, 'gone.eml')], c.io)).toBe(1);
    const lines = jsonLines<{ file: string; incidents: unknown[]; error?: string }>(c.out());
    expect(lines.map((l) => [l.file, l.incidents.length, l.error])).toEqual([
      [join(dir, 'a.txt'), 1, undefined],
      [join(dir, 'gone.eml'), 0, 'no such file or directory'],
    ]);
  });
});

describe('extract: errors and readable output', () => {
  it('gives a clear message and exit 1 for a missing file, without a stack trace', async () => {
    const c = capture();
    expect(await runExtract(['--json', '/nonexistent/bounce.eml'], c.io)).toBe(1);
    expect(c.err()).toBe('extract: /nonexistent/bounce.eml: no such file or directory\n');
    expect(c.out()).toBe('');
  });

  it('rejects a binary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'extract-bin-'));
    const file = join(dir, 'image.png');
    writeFileSync(file, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    const c = capture();
    expect(await runExtract([file], c.io)).toBe(1);
    expect(c.err()).toContain('binary');
  });

  it('prints a readable summary without --json', async () => {
    const c = capture();
    expect(await runExtract([fixturePath('exim-latin1.eml')], c.io)).toBe(0);
    expect(c.out()).toContain('Incident 1 (exim): Orange OFR004_104, reason 104, server mwinf5c41');
    expect(c.out()).toContain('rejected by:      smtp-in.orange.fr [80.12.242.9]');
    expect(c.out()).toContain('sending IPs:      (not found)');
    // The reply once, its codes beside it (not the codes, then the reply that starts with them again).
    expect(c.out()).toMatch(/ {2}reply: {12}421 mwinf5c41 ME .*OFR004_104 \[104\] \(code 421\)\n/);
  });

  it('prints the readable summary in French with --lang fr, aligned, the French advice and warnings', async () => {
    const c = capture();
    expect(await runExtract(['--lang', 'fr', fixturePath('exim-latin1.eml')], c.io)).toBe(0);
    const out = c.out();
    expect(out).toContain('Incident 1 (exim)\u00a0: Orange OFR004_104, motif 104, serveur mwinf5c41');
    expect(out).toContain('  domaine destinataire\u00a0: wanadoo.fr\n');
    expect(out).toContain('  IP d’envoi\u00a0:           (aucune valeur trouvée)\n');
    expect(out).toContain('  étape suivante\u00a0:       Trop de connexions simultanées (code 104).');
    expect(out).not.toMatch(/reply:|next step:|not found/);
  });

  it('refuses a summary language it does not write', async () => {
    const c = capture();
    expect(await runExtract(['--lang', 'de', fixturePath('exim-latin1.eml')], c.io)).toBe(1);
    expect(c.err()).toContain('--lang expects en or fr, not "de"');
    expect(c.out()).toBe('');
  });

  it('refuses an unknown zone or an impossible offset, and reads a valid one', async () => {
    for (const zone of ['Europe/Pari', 'Mars/Olympus', '+25:00', '+01:99']) {
      const c = capture();
      expect(await runExtract(['--json', '--assume-zone', zone, fixturePath('exim-latin1.eml')], c.io)).toBe(
        1,
      );
      expect(c.err()).toContain(
        `--assume-zone expects an IANA zone (Europe/Paris), UTC or an offset from -12:00 to +14:00, not "${zone}"`,
      );
      expect(c.out()).toBe('');
    }
    const c = capture();
    expect(await runExtract(['--json', '--assume-zone=+05:45', fixturePath('exim-latin1.eml')], c.io)).toBe(
      0,
    );
  });

  it('explains usage errors', async () => {
    const c = capture();
    expect(await runExtract([], c.io)).toBe(1);
    expect(c.err()).toContain('Usage: extract');
  });
});

describe('reading an input without end', () => {
  it('stops one byte past the limit on a stream that never ends (/dev/zero, an endless pipe)', async () => {
    async function* endless() {
      for (;;) yield Buffer.alloc(4096, 0x61);
    }
    const bytes = await readUpTo(endless(), 10_000);
    expect(bytes.length).toBe(10_001);
  });

  it('reads a short stream whole', async () => {
    async function* two() {
      yield Buffer.from('550 5.7.1 ');
      yield 'refused\n';
    }
    expect(Buffer.from(await readUpTo(two(), 10_000)).toString()).toBe('550 5.7.1 refused\n');
  });

  // 64 MB and 17 MB inputs: seconds, more on a loaded machine; the limits below are for a hang, not speed.
  it('says on standard error that a file past the limit was cut, and still reads it', async () => {
    const c = capture();
    const io: CliIo = {
      ...c.io,
      isDirectory: async () => false,
      read: async () => {
        const head = new TextEncoder().encode(
          '550 5.1.1 Adresse d au moins un destinataire invalide. OFR_416 [416]\n',
        );
        const bytes = new Uint8Array(MAX_INPUT_BYTES + 1).fill(0x20);
        bytes.set(head);
        return bytes;
      },
    };
    expect(await runExtract(['--json', 'big.txt'], io)).toBe(0);
    expect(c.err()).toBe(
      'extract: big.txt: The text is larger than 64 MB: only the first 64 MB were read.\n',
    );
    expect(JSON.parse(c.out()).incidents).toHaveLength(1);
  }, 60_000);
});

describe('a gzip file (a rotated mail.log.1.gz)', () => {
  const log = readFileSync(fixturePath('audit18/postfix-102-then-999-same-host.log'));

  it('is read as the log it holds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'extract-gz-'));
    writeFileSync(join(dir, 'mail.log.1.gz'), gzipSync(log));
    writeFileSync(join(dir, 'mail.log.1'), log);
    const gz = capture();
    const plain = capture();
    expect(await runExtract(['--json', join(dir, 'mail.log.1.gz')], gz.io)).toBe(0);
    expect(await runExtract(['--json', join(dir, 'mail.log.1')], plain.io)).toBe(0);
    expect(JSON.parse(gz.out()).incidents).toHaveLength(3);
    expect(gz.out()).toBe(plain.out());
  });
});

describe('an Outlook .msg file (a bounce dragged out of Outlook)', () => {
  it('is read as the message it holds: the NDR recipient table gives the incident', async () => {
    const c = capture();
    expect(await runExtract(['--json', fixturePath('msg32/ndr-supplementary-info.msg')], c.io)).toBe(0);
    const [incident] = JSON.parse(c.out()).incidents;
    expect(incident.orange).toEqual({ token: 'OFR006_103', reason: 103, server: 'mwinf5c20' });
    expect(incident.sendingIps).toEqual(['198.51.100.23']);
    expect(incident.sendingDomain).toBe('boutique-durand.example');
  });

  it('a Compound File that is not a mail is refused with the reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'extract-msg-'));
    const doc = readFileSync(fixturePath('msg32/ndr-supplementary-info.msg')).subarray(0, 1024);
    writeFileSync(join(dir, 'cut.msg'), doc);
    const c = capture();
    expect(await runExtract(['--json', join(dir, 'cut.msg')], c.io)).not.toBe(0);
    expect(c.err()).toContain('damaged Outlook message (.msg)');
  });
});

describe('a large log given to extract', () => {
  it('points to summarize on standard error, and still prints every incident', async () => {
    const chunks: string[] = [];
    generatePostfixLog(17 * 1024 * 1024, (chunk) => chunks.push(chunk));
    const log = Buffer.from(chunks.join(''), 'latin1');
    const c = capture();
    const io: CliIo = { ...c.io, isDirectory: async () => false, read: async () => new Uint8Array(log) };
    expect(await runExtract(['--json', 'mail.log'], io)).toBe(0);
    expect(c.err()).toBe(
      'extract: mail.log: a large log (17 MB): `summarize` reads it faster, in little memory, and groups its Orange incidents\n',
    );
    expect(JSON.parse(c.out()).incidents.length).toBeGreaterThan(1000);
  }, 60_000);
});

describe('the bytes of an input, once decoded', () => {
  it('are let go before the incidents are written: a large log held its bytes beside its text', async () => {
    // A full collection on demand (the test's own process): the bytes are collected once nothing holds them.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    let bytes: WeakRef<Uint8Array> | null = null;
    const released: boolean[] = [];
    const c = capture();
    const io: CliIo = {
      ...c.io,
      isDirectory: async () => false,
      read: async () => {
        const read = new Uint8Array(
          readFileSync(new URL('../fixtures/logs/postfix-orange.log', import.meta.url)),
        );
        bytes = new WeakRef(read);
        // A weak reference holds its target until the task that made it ends.
        await new Promise((resolve) => setTimeout(resolve, 0));
        return read;
      },
      stdout: (text) => {
        gc();
        released.push(bytes?.deref() === undefined);
        c.io.stdout(text);
      },
    };
    expect(await runExtract(['--json', 'mail.log'], io)).toBe(0);
    expect(JSON.parse(c.out()).incidents.length).toBeGreaterThan(0);
    expect(released).toEqual([true]);
  });
});

describe('a gzip file cut short (an interrupted rotation, a partial copy)', () => {
  it('reads the lines before the cut and says the rest was lost, on the result and on standard error', async () => {
    const path = fixturePath('audit36losses/postfix-orange-log-cut-short.gz');
    const c = capture();
    expect(await runExtract(['--json', path], c.io)).toBe(0);
    const doc = JSON.parse(c.out()) as { incidents: { reply: { text: string } }[]; warnings: string[] };
    expect(doc.incidents).toHaveLength(2);
    expect(doc.incidents[0]?.reply.text).toContain('OFR006_102');
    const said =
      'The gzip data ends early (the file is cut short or damaged): only the lines before that point were read.';
    expect(doc.warnings).toContain(said);
    expect(c.err()).toBe(`extract: ${path}: ${said}\n`);
  });
});

describe('a gzip log with other bytes after its data', () => {
  it('its records, and a warning that the bytes were ignored, where it was "not valid gzip data"', async () => {
    // gzip(1) reads such a file and says "decompression OK, trailing garbage ignored"; Node's decoder
    // failed on the bytes, having dropped the last it decoded.
    const records = fixtureBytes('audit36zstd/20240315-101500.source.jsonl');
    const dir = mkdtempSync(join(tmpdir(), 'extract-gz-'));
    const path = join(dir, 'kumo.jsonl.gz');
    writeFileSync(
      path,
      new Uint8Array([...gzipSync(records), ...new TextEncoder().encode('\r\n--EOF--\r\n')]),
    );
    const c = capture();
    expect(await runExtract(['--json', path], c.io)).toBe(0);
    const doc = JSON.parse(c.out()) as { incidents: unknown[]; warnings: string[] };
    expect(doc.incidents).toHaveLength(2);
    const said =
      'Bytes that are not gzip data follow its end (added by a copy or transfer tool): they were ignored, as gzip does, and all the text was read.';
    expect(doc.warnings).toContain(said);
    // Nothing was lost: no cut nor damage to say on standard error.
    expect(c.err()).toBe('');
  });
});

describe('a KumoMTA log segment (zstd, no extension)', () => {
  const segment = fixtureBytes('audit36zstd/20240315-101500');

  it('is read as the JSON records it holds: each Orange refusal with its sending IP and Orange’s MX', async () => {
    const c = capture();
    expect(await runExtract(['--json', fixturePath('audit36zstd/20240315-101500')], c.io)).toBe(0);
    const { incidents } = JSON.parse(c.out()) as {
      incidents: { orange: { token: string }; sendingIps: string[]; remoteIp: string }[];
    };
    expect(incidents.map((i) => [i.orange.token, i.sendingIps, i.remoteIp])).toEqual([
      ['OFR004_104', ['203.0.113.25'], '193.252.22.84'],
      ['OFR006_102', ['203.0.113.26'], '80.12.24.82'],
    ]);
  });

  it('cut short: the records before the cut, and a zstd-cut warning on the result and standard error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'extract-zst-'));
    const path = join(dir, '20240315-101500');
    writeFileSync(path, new Uint8Array([...segment, ...segment.subarray(0, segment.length - 100)]));
    const c = capture();
    expect(await runExtract(['--json', path], c.io)).toBe(0);
    const doc = JSON.parse(c.out()) as { incidents: unknown[]; warnings: string[] };
    expect(doc.incidents).toHaveLength(2);
    const said =
      'The zstd data ends early (the file is cut short or damaged): only the lines before that point were read.';
    expect(doc.warnings).toContain(said);
    expect(c.err()).toBe(`extract: ${path}: ${said}\n`);
  });

  it('not matching its checksum: its records as decoded, and a warning on the result and standard error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'extract-zst-'));
    const path = join(dir, '20240315-101500');
    const damaged = fixtureBytes('zstd37/20240315-101500.checked');
    damaged[57] = (damaged[57] as number) ^ 0x01; // a literal of a queue id: still decodes
    writeFileSync(path, damaged);
    const c = capture();
    expect(await runExtract(['--json', path], c.io)).toBe(0);
    const doc = JSON.parse(c.out()) as { incidents: unknown[]; warnings: string[] };
    expect(doc.incidents).toHaveLength(2);
    const said =
      'The zstd data does not match its checksum (the file is damaged): the text was read as it decoded, but part of it may be wrong. Check the fields found against the original file.';
    expect(doc.warnings).toContain(said);
    expect(c.err()).toBe(`extract: ${path}: ${said}\n`);
  });

  it('a bomb is read up to the input limit only, and said cut', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'extract-zst-'));
    const path = join(dir, 'bomb.zst');
    writeFileSync(path, zstdBomb(32_768)); // 4 GiB once decoded
    const c = capture();
    await runExtract(['--json', path], c.io);
    expect(c.err()).toContain(`only the first ${MAX_INPUT_BYTES / 1024 / 1024} MB were read`);
  }, 60_000);
});
