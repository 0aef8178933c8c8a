// `zgrep -h OFR /var/log/mail.log*` saved to a file: the newest file first, so a 999's trigger (the 102 of
// the same MTA half an hour before) is written below it. The streaming summary links it as extract does,
// the 999s taking its sending IP; a 999 whose error is more than a day older stays without one.
import { readFileSync } from 'node:fs';
import { extract } from '../../../core/extract';
import type { Incident } from '../../../core/types';
import { streamed } from './streamed';

const text = readFileSync(
  new URL('../../fixtures/logs/postfix-zgrep-newest-first.log', import.meta.url),
  'utf8',
);
const options = { now: new Date('2026-12-07T03:00:00Z') };

const fields = (i: Incident) => [
  i.sources.reply?.line,
  i.occurredAt,
  i.sendingIps,
  i.sendingHosts,
  i.orange?.reason,
  i.trigger?.line ?? null,
  i.assumptions.map((a) => a.code),
];

describe('a grep over rotated Postfix logs, newest file first', () => {
  it.each([
    ['LF', text],
    ['CRLF', text.replace(/\n/g, '\r\n')],
  ])('links the 999s to the 102 below them on both paths (%s)', async (_, input) => {
    const pasted = await extract(input, options);
    const { result, seen } = streamed(input, input.length, options);
    expect(seen.map(fields)).toEqual(pasted.incidents.map(fields));
    expect(seen.slice(0, 3).map((i) => [i.sendingIps, i.trigger?.line ?? null])).toEqual([
      [['203.0.113.15'], 5],
      [['203.0.113.15'], 5],
      [[], null],
    ]);
    const groups = result.summary.groups.map((g) => [g.ip ?? `host:${g.host}`, g.reason, g.count]);
    expect(groups).toEqual([
      ['198.51.100.41', 102, 1],
      ['203.0.113.15', 102, 1],
      ['203.0.113.15', 999, 2],
      ['host:mx4', 999, 1],
    ]);
    expect(result.summary.groups[2]?.triggers.map((t) => [t.token, t.count])).toEqual([['OFR006_102', 2]]);
    expect(result.summary.groups[3]?.untriggered).toBe(1);
    // The note on the refusals without a sending IP counts them after the link, as extract's does.
    const noIp = (w: { code: string; text: { en: string } }[]) =>
      w.filter((n) => n.code === 'log-no-sending-ip').map((n) => n.text.en);
    expect(noIp(result.warnings)).toEqual(noIp(pasted.warnings));
    expect(noIp(result.warnings)).toEqual([
      '1 rejection without a sending IP: the log does not record it. Please fill it in.',
    ]);
  });
});
