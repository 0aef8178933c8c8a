/**
 * scanner.pushText judges most Postfix lines inside their chunk, without cutting them out: it must give
 * exactly what createLineSplitter feeding scanner.push gives, whatever the chunk boundaries.
 */
import { type Dirent, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createLineSplitter,
  createLogScanner,
  type LogScanResult,
} from '../../../../core/extract/logs/index';
import { generatePostfixLog } from '../../../fixtures/logs/generate-postfix';
import { NOW, readFixture } from './fixture';

/** The result, and the size of the per-queue-id state before finish() (it must match too). */
type Scan = LogScanResult & { stateBeforeFinish: number };

function byLines(text: string, stateCap?: number): Scan {
  const scanner = createLogScanner({ now: NOW, stateCap });
  const splitter = createLineSplitter((line, n) => scanner.push(line, n));
  // Two line ends more: the last record is read (an empty line ends it) before the state is measured.
  splitter.push(`${text}\n\n`);
  splitter.end();
  scanner.addTruncatedLines(splitter.truncatedLines);
  const stateBeforeFinish = scanner.stateSize;
  return { ...scanner.finish(), stateBeforeFinish };
}

/** Cuts the text into chunks of pseudo-random sizes (1 to `max` characters), seeded. */
function chunks(text: string, max: number, seed: number): string[] {
  const out: string[] = [];
  let x = seed;
  for (let i = 0; i < text.length; ) {
    x = (x * 1103515245 + 12345) >>> 0;
    const n = 1 + (x % max);
    out.push(text.slice(i, i + n));
    i += n;
  }
  return out;
}

function byText(parts: string[], stateCap?: number, fastPaths?: boolean): Scan {
  const scanner = createLogScanner({ now: NOW, stateCap, fastPaths });
  for (const part of [...parts, '\n\n']) scanner.pushText(part);
  const stateBeforeFinish = scanner.stateSize;
  return { ...scanner.finish(), stateBeforeFinish };
}

// Lines the fast path must hand over to the general one (or read exactly as it does): a wrapped reply, a priority prefix, a
// long queue id, a host name starting with "postfix", a bare Postfix message, non-ASCII names, an
// invalid month, and deferrals of their queue ids (so a wrongly remembered sender would show).
const ODD = [
  '    continued text of the previous line',
  '<22>Mar 14 00:10:00 mta1 postfix/qmgr[900]: 4QODD000001: from=<odd@example.com>, size=1, nrcpt=1 (queue active)',
  'Mar 14 00:10:01 mta1 postfix/qmgr[900]: 4QODD0000000000000000000000001: from=<long@example.com>, size=1',
  'Mar 14 00:10:02 postfixhost postfix/qmgr[900]: 4QODD000002: from=<p@example.com>, size=1, nrcpt=1',
  '4QODD000003: to=<x@orange.fr>, relay=none, status=deferred (host smtp-in.orange.fr[193.252.22.65] refused to talk to me: 421 mwinf5c18 ME Service refuse. OFR004_104 [104])',
  'Mar 14 00:10:03 mtä1 postfix/qmgr[900]: 4QODD000004: from=<u@example.com>, size=1, nrcpt=1',
  'Mar 14 00:10:04 mta1 postfix/qmgr[900]: 4QODD000005: removed extra',
  'Xyz 14 00:10:05 mta1 postfix/qmgr[900]: 4QODD000006: from=<bad-month@example.com>, size=1, nrcpt=1',
  'Mar 14 00:10:06 mta1 postfix/smtp[901]: 4QODD000006: to=<y@orange.fr>, relay=smtp-in.orange.fr[193.252.22.65]:25, delay=1, dsn=4.0.0, status=deferred (host smtp-in.orange.fr[193.252.22.65] refused to talk to me: 421 mwinf5c18 ME Service refuse. OFR004_104 [104])',
  'Mar 14 00:10:07 mta1 postfix/smtp[901]: 4QODD000001: to=<z@orange.fr>, relay=smtp-in.orange.fr[193.252.22.65]:25, delay=1, dsn=4.0.0, status=deferred (host smtp-in.orange.fr[193.252.22.65] refused to talk to me: 421 mwinf5c18 ME Service refuse. OFR004_104 [104])',
  // A sender without its `>`, then one whose `>` is on the next line: none is remembered.
  'Mar 14 00:10:09 mta1 postfix/qmgr[900]: 4QODD000007: from=<unclosed@example.com, size=1, nrcpt=1',
  'Mar 14 00:10:09 mta1 postfix/qmgr[900]: 4QODD000008: from=<cut@example.com',
  'Mar 14 00:10:10 mta1 postfix/smtp[901]: 4QODD000007: to=<v@orange.fr>, relay=smtp-in.orange.fr[193.252.22.65]:25, delay=1, dsn=4.0.0, status=deferred (host smtp-in.orange.fr[193.252.22.65] refused to talk to me: 421 mwinf5c18 ME Service refuse. OFR004_104 [104])',
  'Mar 14 00:10:10 mta1 postfix/smtp[901]: 4QODD000008: to=<t@orange.fr>, relay=smtp-in.orange.fr[193.252.22.65]:25, delay=1, dsn=4.0.0, status=deferred (host smtp-in.orange.fr[193.252.22.65] refused to talk to me: 421 mwinf5c18 ME Service refuse. OFR004_104 [104])',
  'Mar 14 00:10:08 mta1 postfix/smtp[901]: 4QODD000002: to=<w@orange.fr>, relay=smtp-in.orange.fr[193.252.22.65]:25, delay=1, dsn=4.0.0, status=deferred (host smtp-in.orange.fr[193.252.22.65] refused to talk to me: 421 mwinf5c18 ME Service refuse. OFR004_104 [104])',
  '',
];

const fixtureDir = fileURLToPath(new URL('../../../fixtures/logs/', import.meta.url));
// Every log fixture, those in sub-folders (real-world/) included; the generator module is not a log.
const fixtures = (readdirSync(fixtureDir, { recursive: true, withFileTypes: true }) as Dirent[])
  .filter((entry) => entry.isFile() && !entry.name.endsWith('.ts') && !entry.name.endsWith('.md'))
  .map((entry) => relative(fixtureDir, join(entry.parentPath, entry.name)));

describe('scanner.pushText', () => {
  it.each(fixtures)('reads %s exactly as line-by-line pushes, in one chunk or many', (name) => {
    const text = readFixture(name);
    const expected = byLines(text);
    expect(byText([text])).toEqual(expected);
    for (const seed of [1, 2, 3]) expect(byText(chunks(text, 97, seed))).toEqual(expected);
  });

  it('reads all fixtures pasted one after the other exactly as line-by-line pushes', () => {
    const text = fixtures.map(readFixture).join('\n');
    const expected = byLines(text);
    expect(expected.formats.length).toBeGreaterThan(5);
    expect(byText(chunks(text, 4096, 7))).toEqual(expected);
  });

  it('reads a generated Postfix log with odd lines mixed in exactly as line-by-line pushes', () => {
    let log = '';
    generatePostfixLog(400_000, (chunk) => {
      log += chunk;
    });
    const lines = log.split('\n');
    const mixed = lines.flatMap((line, i) =>
      i % 50 === 7 ? [line, ODD[((i / 50) % ODD.length) | 0] ?? ''] : [line],
    );
    const text = mixed.join('\n');
    const expected = byLines(text, 300);
    expect(expected.counts.rejections).toBeGreaterThan(30);
    expect(byText(chunks(text, 65_536, 11), 300)).toEqual(expected);
    expect(byText(chunks(text, 300, 12), 300)).toEqual(expected);
  });

  it('reads qmgr sender lines on its fast path exactly as the general Postfix reader does', () => {
    let log = '';
    generatePostfixLog(300_000, (chunk) => {
      log += chunk;
    });
    const general = byText(chunks(log + ODD.join('\n'), 65_536, 5), 100_000, false);
    const fast = byText(chunks(log + ODD.join('\n'), 65_536, 5), 100_000, true);
    expect(fast.incidents.filter((i) => i.sendingDomain !== null).length).toBeGreaterThan(30);
    // Only the state differs: the fast path forgets delivered messages at their `removed` line.
    expect(fast.stateBeforeFinish).toBeLessThan(general.stateBeforeFinish);
    expect({ ...fast, stateBeforeFinish: 0 }).toEqual({ ...general, stateBeforeFinish: 0 });
  });

  it('counts the state a reader keeps for itself (Haraka attempts waiting for their outcome)', () => {
    const scanner = createLogScanner({ now: NOW });
    scanner.pushText(
      [
        'Feb 17 21:53:27 mx1 haraka[48106]: [INFO] [930E3B02-4254-4499-8294-70044A00835D.1.1] [outbound] Attempting to deliver to: 80.12.24.81:25 (0) (0)',
        'Feb 17 21:53:27 mx1 haraka[48106]: [INFO] [0A1B2C3D-4254-4499-8294-70044A00835D.1.1] [outbound] Attempting to deliver to: 193.252.22.65:25 (0) (0)',
        // A record is read once the next line shows it does not continue.
        'Feb 17 21:53:28 mx1 haraka[48106]: [INFO] [core] connect ip=192.0.2.7 port=40000',
        '',
      ].join('\n'),
    );
    expect(scanner.stateSize).toBe(2);
  });

  it('forgets the sender of a queue id at its removed line, so delivered mail leaves no state', () => {
    const scanner = createLogScanner({ now: NOW });
    scanner.pushText(
      [
        'Mar 14 00:00:01 mta1 postfix/qmgr[900]: 4QABC000001: from=<news@example.com>, size=2000, nrcpt=1 (queue active)',
        'Mar 14 00:00:02 mta1 postfix/smtp[1002]: 4QABC000001: to=<a@example.org>, relay=mx.example.org[192.0.2.5]:25, delay=0.9, delays=0.02/0/0.3/0.1, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 1A)',
        'Mar 14 00:00:03 mta1 postfix/qmgr[900]: 4QABC000002: from=<news@example.com>, size=2000, nrcpt=1 (queue active)',
        // A record is read once the next line shows it does not continue.
        'Mar 14 00:00:03 mta1 postfix/smtpd[1000]: connect from app1.example.net[192.0.2.2]',
        '',
      ].join('\n'),
    );
    expect(scanner.stateSize).toBe(2);
    scanner.pushText('Mar 14 00:00:04 mta1 postfix/qmgr[900]: 4QABC000001: removed\n\n');
    expect(scanner.stateSize).toBe(1);
    expect(scanner.finish().counts.delivered).toBe(1);
  });
});
