import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExtract } from '../../cli/commands/extract';
import { listFiles } from '../../cli/io';
import { fixturePath } from '../core/extract/fixtures';
import { capture, jsonLines } from './capture';

type Line = {
  file: string;
  incidents: { occurredAt: string; sendingIps: string[]; orange: { token: string } }[];
};
const lines = (out: string) => jsonLines<Line>(out);

// Maildir's info separator is `:`, which Windows refuses in a file name (mail tools there write `!`).
const INFO = process.platform === 'win32' ? '!' : ':';

describe('extract --json on a mail store folder', () => {
  it("reads an Apple Mail export's mbox, not its Info.plist nor its binary table_of_contents", async () => {
    const dir = fixturePath('mailboxes/Bounces Orange.mbox');
    expect(await listFiles(dir)).toEqual([join(dir, 'mbox')]);
    const c = capture();
    expect(await runExtract(['--json', dir], c.io)).toBe(0);
    expect(c.err()).toBe('');
    const [line] = lines(c.out());
    expect(line?.incidents.map((i) => [i.occurredAt, i.sendingIps, i.orange.token])).toEqual([
      ['2026-12-03T15:02:05+01:00', ['203.0.113.7'], 'OFR006_102'],
      ['2026-12-04T09:02:31+01:00', ['198.51.100.23'], 'OFR004_104'],
    ]);
  });

  it("reads a Maildir's cur/ and new/ (and a Maildir++ folder's), not tmp/ nor Dovecot's files", async () => {
    const root = mkdtempSync(join(tmpdir(), 'extract-maildir-store-'));
    for (const folder of ['cur', 'new', 'tmp', '.Orange/cur', '.Orange/new', '.Orange/tmp'])
      mkdirSync(join(root, folder), { recursive: true });
    const from = (name: string) => fixturePath(`mailboxes/maildir/${name}`);
    const a = join(root, 'cur', `1796302929.M123P456.mx.example.org${INFO}2,S`);
    const b = join(root, 'new', '1796372264.M884521P2231.mx.example.org');
    const c3 = join(root, '.Orange', 'cur', `1796452262.M4411P9876.mx.example.org${INFO}2,RS`);
    copyFileSync(from('cur-1796302929.M123P456.eml'), a);
    copyFileSync(from('new-1796372264.M884521P2231.eml'), b);
    copyFileSync(from('orange-cur-1796452262.M4411P9876.eml'), c3);
    // A message still being delivered: its headers only, no reply yet.
    copyFileSync(
      from('tmp-partial-1796452300.M5P77.txt'),
      join(root, 'tmp', '1796452300.M5P77.mx.example.org'),
    );
    copyFileSync(from('dovecot-uidlist'), join(root, 'dovecot-uidlist'));
    copyFileSync(from('dovecot.index.cache'), join(root, 'dovecot.index.cache'));
    writeFileSync(join(root, 'dovecot.index.log'), new Uint8Array([1, 2, 0, 0, 0x28, 0, 0, 0]));
    writeFileSync(join(root, 'subscriptions'), 'V\t2\n\nOrange\n');
    writeFileSync(join(root, '.Orange', 'maildirfolder'), '');
    writeFileSync(join(root, '.DS_Store'), new Uint8Array([0, 0, 0, 1, 0x42, 0x75, 0x64, 0x31]));

    expect(await listFiles(root)).toEqual([c3, a, b]);
    const c = capture();
    expect(await runExtract(['--json', root], c.io)).toBe(0);
    expect(c.err()).toBe('');
    expect(lines(c.out()).map((l) => [l.file, l.incidents.map((i) => i.orange.token)])).toEqual([
      [c3, ['OFR_506']],
      [a, ['OFR006_102']],
      [b, ['OFR004_104']],
    ]);
  });

  it("reads Apple Mail's library .emlx files, not the attachments Mail keeps beside them", async () => {
    const mbox = mkdtempSync(join(tmpdir(), 'extract-apple-mail-'));
    const data = join(mbox, 'Bounces.mbox', '5F0C1A2B-7D3E-4C9A-B1F2-0E6D8C4A2B17', 'Data', '8', '4', '1');
    mkdirSync(join(data, 'Messages'), { recursive: true });
    mkdirSync(join(data, 'Attachments', '48213', '2'), { recursive: true });
    const emlx = join(data, 'Messages', '48213.emlx');
    copyFileSync(fixturePath('mailboxes/apple-mail-emlx/48213.emlx'), emlx);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    writeFileSync(join(data, 'Attachments', '48213', '2', 'facture.png'), png);
    writeFileSync(join(data, 'Messages', '48213.2.emlxpart'), png);
    writeFileSync(
      join(mbox, 'Bounces.mbox', 'Info.plist'),
      '<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0">\n<dict/>\n</plist>\n',
    );
    expect(await listFiles(mbox)).toEqual([emlx]);
    const c = capture();
    expect(await runExtract(['--json', mbox], c.io)).toBe(0);
    expect(lines(c.out()).map((l) => l.incidents.map((i) => i.orange.token))).toEqual([['OFR006_102']]);
  });

  it("reads a Thunderbird folder's mailbox, not its .msf summary; a lone .msf or tmp/ is read", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'extract-thunderbird-'));
    copyFileSync(fixturePath('mailboxes/thunderbird-bounces-folder.mbox'), join(dir, 'Bounces'));
    writeFileSync(
      join(dir, 'Bounces.msf'),
      '// <!-- <mdb:mork:z v="1.4"/> -->\n< <(a=c)> // (f=iso-8859-1)\n',
    );
    writeFileSync(join(dir, 'Trash.msf'), '// <!-- <mdb:mork:z v="1.4"/> -->\n');
    mkdirSync(join(dir, 'tmp'));
    writeFileSync(
      join(dir, 'tmp', 'a.txt'),
      '550 5.1.1 Adresse d au moins un destinataire invalide. OFR_416 [416]\n',
    );
    expect(await listFiles(dir)).toEqual([
      join(dir, 'Bounces'),
      join(dir, 'Trash.msf'),
      join(dir, 'tmp', 'a.txt'),
    ]);
  });
});
