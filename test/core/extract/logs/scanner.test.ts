import {
  createLineSplitter,
  createLogScanner,
  detectLogFormat,
  extractFromLog,
  scanLogText,
} from '../../../../core/extract/logs/index';
import type { Incident } from '../../../../core/types';
import { generatePostfixLog } from '../../../fixtures/logs/generate-postfix';
import { NOW, readFixture } from './fixture';

const FIXTURE_FORMATS = {
  'postfix-orange.log': 'postfix',
  'postfix-rfc3339-crlf.log': 'postfix',
  'exim-orange.log': 'exim',
  'sendmail-orange.log': 'sendmail',
  'powermta-acct.csv': 'powermta',
  'kumomta.jsonl': 'kumomta',
  'haraka.log': 'haraka',
  'opensmtpd.log': 'opensmtpd',
  'qmail-send.log': 'qmail',
  'exchange-tracking.log': 'exchange',
} as const;

describe('detectLogFormat', () => {
  it.each(Object.entries(FIXTURE_FORMATS))('recognises %s as %s', (name, format) => {
    const lines = readFixture(name).split(/\r\n|\r|\n/);
    expect(detectLogFormat(lines)).toBe(format);
  });

  it('says null for a bounce message, a bare SMTP reply or an ESP JSON event', () => {
    expect(
      detectLogFormat([
        'From: Mail Delivery System <MAILER-DAEMON@mta1.example.com>',
        'Subject: Undelivered Mail Returned to Sender',
        '',
        '<jean@orange.fr>: host smtp-in.orange.fr[193.252.22.65] said: 550 5.2.0 Mail rejected. OFR_506 [506]',
      ]),
    ).toBeNull();
    expect(detectLogFormat(['550 mwinf5c04 ME Adresse IP source bloquee. OFR006_102 [102]'])).toBeNull();
    expect(
      detectLogFormat(['{"event":"failed","severity":"permanent","recipient":"a@orange.fr"}']),
    ).toBeNull();
  });
});

describe('createLogScanner', () => {
  it('follows format changes inside one paste', () => {
    const paste = [
      readFixture('postfix-rfc3339-crlf.log'),
      readFixture('kumomta.jsonl'),
      readFixture('opensmtpd.log'),
    ].join('\n');
    const result = scanLogText(paste, { now: NOW });
    expect(result.incidents.map((i) => i.format)).toEqual([
      'postfix',
      'kumomta',
      'kumomta',
      'opensmtpd',
      'opensmtpd',
    ]);
    expect(result.formats).toEqual(expect.arrayContaining(['postfix', 'kumomta', 'opensmtpd']));
  });

  it('streams incidents to onIncident and keeps only what it is asked to keep', () => {
    const seen: Incident[] = [];
    const text = readFixture('postfix-orange.log');
    const orangeOnly = scanLogText(text, { now: NOW, keep: 'orange', onIncident: (i) => seen.push(i) });
    expect(seen).toHaveLength(5);
    expect(orangeOnly.incidents).toHaveLength(4);
    expect(orangeOnly.incidents.every((i) => i.isOrange)).toBe(true);
    expect(scanLogText(text, { now: NOW, keep: 'none' }).incidents).toEqual([]);
    expect(extractFromLog(text, { now: NOW }).incidents).toHaveLength(5);
  });

  it('numbers sources with the line numbers given to push', () => {
    const scanner = createLogScanner({ now: NOW });
    scanner.push(
      'Mar 16 04:10:01 mta1 postfix/smtp[5080]: BF4A5B6C7D: to=<paul@orange.fr>, relay=none, delay=0.5, delays=0.1/0/0.4/0, dsn=4.0.0, status=deferred (host smtp-in.orange.fr[193.252.22.65] refused to talk to me: 421 mwinf5c18 ME Service refuse. OFR004_999 [999])',
      4242,
    );
    const [incident] = scanner.finish().incidents;
    expect(incident?.sources.reply?.line).toBe(4242);
    expect(incident?.sources.occurredAt?.line).toBe(4242);
  });

  it('survives a 1 MB line of repeated markers in linear time without an incident', () => {
    const line = `Mar 16 04:10:01 mta1 postfix/smtp[1]: ABCDEF12345: to=<a@orange.fr>, status=deferred (${'host x[1.2.3.4] said: '.repeat(45_000)})`;
    const result = extractFromLog(line);
    expect(result.incidents.length).toBeLessThanOrEqual(1);
  });

  it('keeps its state bounded on a large generated log and still links every 999', () => {
    // Delivered and bounced messages leave the state at their `removed` line; the deferred ones (about
    // 950 in this log) stay queued, more than this cap holds.
    const cap = 500;
    const scanner = createLogScanner({ now: NOW, keep: 'none', stateCap: cap });
    const splitter = createLineSplitter((line, n) => scanner.push(line, n));
    let maxState = 0;
    const stats = generatePostfixLog(8 * 1024 * 1024, (chunk) => {
      splitter.push(chunk);
      maxState = Math.max(maxState, scanner.stateSize);
    });
    splitter.end();
    const result = scanner.finish();
    expect(maxState).toBeGreaterThan(cap / 4);
    expect(maxState).toBeLessThanOrEqual(cap);
    expect(result.counts.lines).toBe(stats.lines);
    expect(result.counts.orangeRejections).toBe(stats.orangeRejections);
    expect(result.counts.rejections).toBe(stats.orangeRejections + stats.otherRejections);
    expect(result.counts.suspensions).toBe(stats.suspensions);
    expect(result.counts.suspensionsLinked).toBe(stats.suspensions);
    expect(result.counts.evictedStates).toBeGreaterThan(0);
    expect(result.warnings.map((w) => w.code)).toContain('log-state-evicted');
  }, 120_000);
});
