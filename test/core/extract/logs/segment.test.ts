/**
 * A log split at a line start, its second part scanned in segment mode and absorbed by the scanner of the
 * first part (segment.ts), must give exactly what one scanner reading every line gives: incidents with
 * their line numbers, senders and 999 triggers, counts and notes. When a segment cannot be absorbed the
 * scanner must be left as it was, so that pushing the second part itself still gives the same result.
 */
import { type Dirent, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogScanner, type LogScanResult, scanLogText } from '../../../../core/extract/logs/index';
import { createRecordAssembler } from '../../../../core/extract/logs/records';
import { recordedEvent } from '../../../../core/extract/logs/segment';
import { startsRecordAt } from '../../../../core/summary/split-scan';
import { generatePostfixLog } from '../../../fixtures/logs/generate-postfix';
import { at, NOW, readFixture } from './fixture';

interface Split {
  result: LogScanResult;
  absorbed: boolean;
}

/** Scans text[0, cut) in one scanner and text[cut, end) as a segment (through a structured clone, as a
 * worker would post it), then absorbs the segment or, when refused, pushes the rest itself. */
function splitScan(text: string, cut: number): Split {
  const first = createLogScanner({ now: NOW });
  first.pushText(text.slice(0, cut));
  const second = createLogScanner({ now: NOW, segment: true });
  second.pushText(text.slice(cut));
  const segment = structuredClone(second.finishSegment());
  const absorbed = first.absorb(segment);
  if (!absorbed) first.pushText(text.slice(cut));
  return { result: first.finish(), absorbed };
}

/**
 * Where each record starts (after the first), as the scanner's record assembler groups the lines: the
 * places a log may be split at. The split's own rule (startsRecordAt) must choose among these.
 */
function lineStarts(text: string): number[] {
  const offsets = [0];
  for (let i = text.indexOf('\n'); i >= 0 && i + 1 < text.length; i = text.indexOf('\n', i + 1))
    offsets.push(i + 1);
  const starts: number[] = [];
  const assembler = createRecordAssembler((_, line) => {
    if (line > 1) starts.push(offsets[line - 1] as number);
  });
  text.split('\n').forEach((line, i) => {
    assembler.push(line.replace(/\r$/, ''), i + 1);
  });
  assembler.flush();
  return starts;
}

const fixtureDir = fileURLToPath(new URL('../../../fixtures/logs/', import.meta.url));
const fixtures = (readdirSync(fixtureDir, { recursive: true, withFileTypes: true }) as Dirent[])
  .filter((entry) => entry.isFile() && !entry.name.endsWith('.ts') && !entry.name.endsWith('.md'))
  .map((entry) => relative(fixtureDir, join(entry.parentPath, entry.name)));

const MTA = 'mta1.example.com';
const orange104 =
  'host smtp-in.orange.fr[193.252.22.65] refused to talk to me: 421 mwinf5c10 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR005_104 [104]';
const orange999 =
  'host smtp-in.orange.fr[80.12.242.15] refused to talk to me: 421 mwinf5c77 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR_999 [999]';

/** A message queued before the split and refused after it, a 999 whose trigger lies before the split, a
 * message removed after the split, and an attempt line held before its status line after the split. */
const ACROSS = [
  `Mar 14 10:00:00 ${MTA} postfix/qmgr[900]: 4QACROSS0001: from=<news@example.com>, size=1200, nrcpt=1 (queue active)`,
  `Mar 14 10:00:01 ${MTA} postfix/smtp[901]: 4QACROSS0001: to=<a@orange.fr>, relay=none, delay=1, dsn=4.0.0, status=deferred (${orange104})`,
  `Mar 14 10:00:02 ${MTA} postfix/qmgr[900]: 4QACROSS0002: from=<factures@example.net>, size=1200, nrcpt=1 (queue active)`,
  `Mar 14 10:00:03 ${MTA} postfix/qmgr[900]: 4QACROSS0003: from=<alerts@example.org>, size=1200, nrcpt=1 (queue active)`,
  `Mar 14 10:00:04 ${MTA} postfix/smtp[902]: 4QACROSS0004: host smtp-in.orange.fr[193.252.22.84] said: 550 5.2.0 mwinf5c21 ME Mail rejete. Mail rejected. ofr_506 [506] (in reply to end of DATA command)`,
  // ---- the split is here ----
  `Mar 14 10:05:00 ${MTA} postfix/smtp[903]: 4QACROSS0002: to=<b@wanadoo.fr>, relay=none, delay=300, dsn=4.0.0, status=deferred (${orange999})`,
  `Mar 14 10:05:01 ${MTA} postfix/qmgr[900]: 4QACROSS0003: removed`,
  `Mar 14 10:05:02 ${MTA} postfix/smtp[904]: 4QACROSS0003: to=<c@orange.fr>, relay=none, delay=1, dsn=4.0.0, status=deferred (${orange104})`,
  `Mar 14 10:05:03 ${MTA} postfix/smtp[902]: 4QACROSS0004: to=<d@orange.fr>, relay=smtp-in.orange.fr[193.252.22.84]:25, delay=1, dsn=5.2.0, status=bounced (host smtp-in.orange.fr[193.252.22.84] said: 550 5.2.0 mwinf5c21 ME Mail rejete. Mail rejected. ofr_506 [506] (in reply to end of DATA command))`,
  '',
].join('\n');

describe('a log scanned in two parts, the second as a segment', () => {
  it('resolves, across the split, senders, 999 triggers, forgotten queue ids and held attempts', () => {
    const cut = ACROSS.indexOf('Mar 14 10:05:00');
    const whole = scanLogText(ACROSS, { now: NOW });
    const split = splitScan(ACROSS, cut);
    expect(split.absorbed).toBe(true);
    expect(split.result).toEqual(whole);
    // What the comparison covers, checked on the whole scan: each case is really there.
    expect(whole.incidents.map((i) => i.sources.reply?.line)).toEqual([2, 6, 8, 9]);
    // The 999 after the split: its sender and its trigger were read before it.
    expect(at(whole, 6).sendingDomain).toBe('example.net');
    expect(at(whole, 6).trigger?.line).toBe(2);
    // A queue id removed after the split no longer lends its sender.
    expect(at(whole, 8).sendingDomain).toBeNull();
    // The attempt held before the split gave way to its status line, which repeats it.
    expect(at(whole, 9).recipientDomain).toBe('orange.fr');
  });

  it('gives what one scan gives at every split point of a generated Postfix log', () => {
    let log = '';
    generatePostfixLog(250_000, (chunk) => {
      log += chunk;
    });
    const whole = scanLogText(log, { now: NOW });
    expect(whole.counts.rejections).toBeGreaterThan(20);
    expect(whole.counts.suspensionsLinked).toBeGreaterThan(0);
    const starts = lineStarts(log);
    // Every 37th line start: about fifty splits, at every kind of line.
    for (let k = 0; k < starts.length; k += 37) {
      const split = splitScan(log, starts[k] ?? 0);
      expect(split.absorbed).toBe(true);
      expect(split.result).toEqual(whole);
    }
    // (About fifty scans of a 250 kB log: 2-3 s alone, over 5 s on a loaded machine.)
  }, 30_000);

  it.each(fixtures)('gives what one scan gives, absorbed or not, at every split point of %s', (name) => {
    const text = readFixture(name);
    const whole = scanLogText(text, { now: NOW });
    for (const cut of lineStarts(text)) expect(splitScan(text, cut).result).toEqual(whole);
  });

  it.each(fixtures)('splits %s only where a record starts', (name) => {
    const text = readFixture(name);
    const starts = new Set(lineStarts(text));
    for (let i = text.indexOf('\n'); i >= 0 && i + 1 < text.length; i = text.indexOf('\n', i + 1)) {
      if (startsRecordAt((k) => text.charCodeAt(k), i + 1)) expect(starts.has(i + 1)).toBe(true);
    }
  });

  it('refuses a segment of a format that keeps its own state, and one after a header-driven format', () => {
    const powermta = readFixture('powermta-acct.csv');
    const rows = lineStarts(powermta);
    expect(splitScan(powermta, rows[1] ?? 0).absorbed).toBe(false);
    const exim = readFixture('exim-orange.log');
    expect(splitScan(exim, lineStarts(exim)[1] ?? 0).absorbed).toBe(false);
  });
});

describe("a segment's recorded events", () => {
  it('are copies: equal to what the reader emitted, untouched by later changes to its objects', () => {
    const rejection = {
      format: 'postfix' as const,
      ref: { line: 3, text: 'Mar 16 02:27:29 mta1 postfix/smtp[1]: 4Pc: to=<a@orange.fr>, status=deferred' },
      stamp: { kind: 'syslog' as const, month: 3, day: 16, time: '02:27:29' },
      replyText: '550 mwinf5c04 ME Adresse IP source bloquee. OFR006_102 [102]',
      loggedEnhanced: '4.0.0',
      recipient: 'a@orange.fr',
      sender: { value: 'news@example.com', ref: { line: 1, text: '4Pc: from=<news@example.com>' } },
      senderKey: undefined,
      remoteHost: 'smtp-in.orange.fr',
      remoteIp: '193.252.22.65',
      sendingIps: [{ value: '203.0.113.7', ref: { line: 3, text: 'x' } }],
      sendingHost: { value: 'mta1', ref: { line: 3, text: 'x' }, origin: 'syslog-host' as const },
      queueKey: '4Pc',
    };
    const recorded = recordedEvent({ type: 'emit', rejection });
    expect(recorded).toEqual({ type: 'emit', rejection });
    expect(recorded.type === 'emit' && recorded.rejection).not.toBe(rejection);
    rejection.recipient = 'b@orange.fr';
    rejection.sendingIps[0] = { value: '198.51.100.1', ref: { line: 4, text: 'y' } };
    (rejection.sender as { value: string }).value = 'other@example.org';
    expect(recorded.type === 'emit' && recorded.rejection).toMatchObject({
      recipient: 'a@orange.fr',
      sendingIps: [{ value: '203.0.113.7' }],
      sender: { value: 'news@example.com' },
    });
    const forget = { type: 'forget' as const, key: '4Pd' };
    expect(recordedEvent(forget)).toEqual(forget);
  });
});
