import { readFileSync } from 'node:fs';
import { extract } from '../../../../core/extract';
import { detectInput } from '../../../../core/extract/detect';
import { createLineSplitter, createLogScanner, scanLogText } from '../../../../core/extract/logs/index';
import type { Incident } from '../../../../core/types';
import { NOW, readFixture } from './fixture';

/**
 * A mail queue listing (`mailq`, `postqueue -p`, Sendmail's `mailq`) read by the log scanner, as
 * `summarize` and the Large logs tab read a large one: each entry's lines are one record
 * (formats/queue-entry.ts). Pasted, a listing is still read whole by its own reader, which cites each
 * reason's and recipient's line; both give the same incidents.
 */
const fields = (incidents: Incident[]) =>
  incidents.map((i) => ({
    format: i.format,
    sendingIps: i.sendingIps,
    sendingDomain: i.sendingDomain,
    recipientDomain: i.recipientDomain,
    remoteHost: i.remoteHost,
    remoteIp: i.remoteIp,
    reply: i.reply,
    orange: i.orange,
    occurredAt: i.occurredAt,
    assumptions: i.assumptions.map((a) => a.code),
  }));

describe('queue listings read by the log scanner', () => {
  const text = readFixture('mailq-orange.txt');

  it('reads each reason once per recipient domain; local reasons and waiting messages give nothing', () => {
    const { incidents, counts, warnings } = scanLogText(text, { now: NOW });
    expect(warnings.map((w) => w.code)).toContain('input.queue-arrivals-only');
    expect(incidents.map((i) => [i.recipientDomain, i.orange?.token])).toEqual([
      ['orange.fr', 'OFR005_104'],
      ['wanadoo.fr', 'OFR005_104'],
      ['orange.fr', 'OFR006_102'],
      ['wanadoo.fr', 'OFR_506'],
    ]);
    // The connection timeout and the local content filter's refusal.
    expect(counts.failuresWithoutReply).toBe(2);
    expect(incidents[2]).toMatchObject({
      sendingIps: ['203.0.113.7'],
      sendingDomain: 'example.org',
      remoteHost: 'smtp-in.orange.fr',
      remoteIp: '80.12.242.15',
      occurredAt: null,
    });
    // A bounce's sender (MAILER-DAEMON) names no domain; the reason wrapped over two lines is whole.
    expect(incidents[3]?.sendingDomain).toBeNull();
    expect(incidents[3]?.reply.text).toBe('550 5.2.0 mwinf5c21 ME Mail rejete. Mail rejected. ofr_506 [506]');
  });

  it('gives the incidents the paste reader gives, Postfix’s listing and Sendmail’s', async () => {
    const sendmail = readFileSync(
      new URL('../../../fixtures/extract/queue/sendmail-mailq-crlf.txt', import.meta.url),
      'utf8',
    );
    for (const listing of [text, sendmail]) {
      expect(detectInput(listing)).toBe('queue');
      const scanned = scanLogText(listing, { now: NOW }).incidents;
      expect(scanned.length).toBeGreaterThan(0);
      expect(fields(scanned)).toEqual(fields((await extract(listing)).incidents));
    }
  });

  it('counts an entry whose only reason is a connection timeout as a failure without a reply, as extract says', async () => {
    const read = (name: string) =>
      readFileSync(new URL(`../../../fixtures/extract/queue/${name}`, import.meta.url), 'utf8');
    // Postfix's `(connect to mx.example.net[198.51.100.25]:25: Connection timed out)` entry, and its
    // content filter's refusal; Sendmail's `(Deferred: Connection timed out with mx.example.net.)`.
    expect(scanLogText(read('postqueue-orange.txt'), { now: NOW }).counts.failuresWithoutReply).toBe(2);
    expect(scanLogText(read('sendmail-mailq-crlf.txt'), { now: NOW }).counts.failuresWithoutReply).toBe(1);
    // A listing holding that entry alone: no incident either way; the scan still knows the listing.
    const alone = read('postqueue-orange.txt')
      .split('\n')
      .filter((_, i) => i === 0 || (i >= 14 && i <= 17))
      .join('\n');
    expect(alone).toContain('Connection timed out');
    const scanned = scanLogText(alone, { now: NOW });
    expect(scanned.incidents).toEqual([]);
    expect(scanned.counts.failuresWithoutReply).toBe(1);
    expect(scanned.formats).toEqual(['postfix']);
    const pasted = await extract(alone);
    expect(pasted.incidents).toEqual([]);
    expect(pasted.warnings.map((w) => w.code)).toContain('input.no-server-reply');
  });

  it('reads a reason on the line below its entry when the lines come as chunks, as one by one', () => {
    const byLines = createLogScanner({ now: NOW });
    const splitter = createLineSplitter((line, n) => byLines.push(line, n));
    splitter.push(text);
    splitter.end();
    const byText = createLogScanner({ now: NOW });
    for (let i = 0; i < text.length; i += 97) byText.pushText(text.slice(i, i + 97));
    const lines = fields(byLines.finish().incidents);
    expect(lines).toHaveLength(4);
    expect(fields(byText.finish().incidents)).toEqual(lines);
  });
});
