/**
 * Postfix logs a refusal by one MX (`QID: host smtp-in.orange.fr[IP] refused to talk to me: 421 ...`)
 * on a line of its own, then tries the next MX: the message may be delivered there (`status=sent`). The
 * refusal is an incident of its own, for the recipient and sender of its queue id (sources in
 * test/fixtures/extract/logs2/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createLogScanner, scanLogText } from '../../../../core/extract/logs/index';
import { at, NOW } from './fixture';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../../fixtures/extract/logs2/${name}`, import.meta.url)), 'utf8');

describe('A refusal by one MX, then the message delivered through another', () => {
  const text = fixture('postfix-refusal-then-other-mx.log');
  const result = scanLogText(text, { now: NOW });

  it('keeps the recipient and sender of its queue id when the final status is sent', () => {
    expect(at(result, 2)).toMatchObject({
      remoteIp: '193.252.22.65',
      sendingDomain: 'example.com',
      recipientDomain: 'orange.fr',
      sources: { recipientDomain: { line: 3 }, sendingDomain: { line: 1 } },
      orange: { token: 'OFR005_104' },
    });
    expect(result.counts.delivered).toBe(1);
  });

  it('keeps them too when the message is deferred, with or without a reply', () => {
    expect(at(result, 6)).toMatchObject({ sendingDomain: 'example.org', recipientDomain: 'wanadoo.fr' });
    expect(at(result, 9)).toMatchObject({ sendingDomain: 'example.net', recipientDomain: 'orange.fr' });
    expect(at(result, 10)).toMatchObject({ sendingDomain: 'example.net', recipientDomain: 'orange.fr' });
    expect(result.incidents).toHaveLength(4);
  });

  it('never takes the MX the message was delivered to as a sending IP', () => {
    for (const incident of result.incidents) expect(incident.sendingIps).toEqual([]);
  });

  const fields = (r: typeof result) =>
    r.incidents.map((i) => [
      i.sources.reply?.line,
      i.sendingDomain,
      i.recipientDomain,
      i.sources.recipientDomain?.line,
    ]);

  it('gives the same when the log is scanned in two parts, the second as a segment', () => {
    for (let cut = text.indexOf('\n') + 1; cut > 0; cut = text.indexOf('\n', cut) + 1) {
      const first = createLogScanner({ now: NOW });
      first.pushText(text.slice(0, cut));
      const second = createLogScanner({ now: NOW, segment: true });
      second.pushText(text.slice(cut));
      expect(first.absorb(structuredClone(second.finishSegment()))).toBe(true);
      const split = first.finish();
      expect(fields(split)).toEqual(fields(result));
      expect(split.counts.delivered).toBe(1);
    }
  });
});

describe('A segment of a large log', () => {
  it("releases its own held refusal by its sent line, after the process's first delivery", () => {
    // smtp[22011] delivers another message first: its first status line in the segment is not the one.
    const earlier =
      'Dec  5 10:04:29 relay1 postfix/smtp[22011]: 4TbQ1w9Kx8z1xmX: to=<luc@example.net>, relay=mx.example.net[198.51.100.25]:25, delay=0.8, delays=0.1/0/0.3/0.4, dsn=2.0.0, status=sent (250 2.0.0 Ok)\n';
    const text = `Dec  5 10:04:00 relay1 postfix/pickup[1180]: 4TbQ0a1Bc2z1xlW: uid=1000 from=<me>\n${earlier}${fixture('postfix-refusal-then-other-mx.log')}`;
    const cut = text.indexOf('\n') + 1;
    const first = createLogScanner({ now: NOW });
    first.pushText(text.slice(0, cut));
    const second = createLogScanner({ now: NOW, segment: true });
    second.pushText(text.slice(cut));
    expect(first.absorb(structuredClone(second.finishSegment()))).toBe(true);
    expect(at(first.finish(), 4)).toMatchObject({
      recipientDomain: 'orange.fr',
      sources: { recipientDomain: { line: 5 } },
    });
  });

  // Only deliveries in flight at the cut matter: a bounded number of processes, not every delivery.
  it('records the first sent line of at most 4,096 delivery processes, none of a process twice', () => {
    const lines: string[] = [];
    for (let pid = 1; pid <= 5000; pid++)
      for (let n = 0; n < 2; n++)
        lines.push(
          `Dec  5 10:04:33 relay1 postfix/smtp[${pid}]: 4TbQ${String(pid * 2 + n).padStart(6, '0')}z1xnY: to=<u${pid}@example.net>, relay=mx.example.net[198.51.100.25]:25, delay=1, delays=0.1/0/0.5/0.4, dsn=2.0.0, status=sent (250 2.0.0 Ok)`,
        );
    const segment = createLogScanner({ now: NOW, segment: true });
    segment.pushText(`${lines.join('\n')}\n`);
    const { events, counts } = segment.finishSegment();
    expect(events.filter((e) => e.type === 'release')).toHaveLength(4096);
    expect(counts.delivered).toBe(10_000);
  });
});

describe("Postfix 2.2's refusal without queue id, then the message delivered through another MX", () => {
  const result = scanLogText(fixture('postfix-2.2-refused-then-sent.log'), { now: NOW });

  // Before, the refusal stayed held until the process's next status line, another message's.
  it('takes the recipient and sender of the message delivered, not of the next one', () => {
    expect(result.incidents).toHaveLength(1);
    expect(at(result, 2)).toMatchObject({
      sendingDomain: 'example.com',
      recipientDomain: 'orange.fr',
      sources: { recipientDomain: { line: 3 }, sendingDomain: { line: 1 } },
    });
  });
});
