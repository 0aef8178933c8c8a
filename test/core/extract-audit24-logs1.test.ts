/**
 * Postfix log excerpts as users paste them from containers, journald and forums, audited on real lines
 * (test/fixtures/extract/audit24/SOURCES-logs1.md); each case here is one the audit found read wrong.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { createLogScanner, scanLogText } from '../../core/extract/logs/index';

const dir = fileURLToPath(new URL('../fixtures/extract/audit24/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };

describe('a qmgr sender line logged after the refusal of its queue id', () => {
  it('gives the sending domain (status=expired, returned to sender)', async () => {
    const { incidents } = await extract(fixture('yahoo-gl01-forum-2012.log'), options);
    const expired = incidents.filter((i) => i.sendingDomain !== null);
    // 37E7E128E82 and 3BC7157EF8: refused on lines 7 and 8, their sender logged on lines 15 and 16.
    expect(expired.map((i) => [i.sources.reply?.line, i.sources.sendingDomain?.line])).toEqual([
      [7, 15],
      [8, 16],
    ]);
    expect(expired.every((i) => i.sendingDomain === 'msa.hinet.net')).toBe(true);
    // The other queue ids never name their sender in the excerpt: still empty, with the warning.
    expect(incidents.filter((i) => i.sendingDomain === null)).toHaveLength(6);
  });

  it('is not taken once the queue id was removed (a later message may reuse it)', () => {
    const lines = [
      'Jun 12 18:47:24 mta postfix/error[9472]: 37E7E128E82: to=<a@yahoo.com.tw>, relay=none, delay=1, dsn=4.7.0, status=deferred (delivery temporarily suspended: host mx1.mail.tw.yahoo.com[203.188.197.119] refused to talk to me: 421 4.7.0 [GL01] Message from (85.214.58.225) temporarily deferred - 4.16.50)',
      'Jun 12 18:47:25 mta postfix/qmgr[9453]: 37E7E128E82: removed',
      'Jun 12 18:47:26 mta postfix/qmgr[9453]: 37E7E128E82: from=<other@example.org>, size=1, nrcpt=1 (queue active)',
    ];
    const { incidents } = scanLogText(lines.join('\n'), options);
    expect(incidents[0]?.sendingDomain).toBeNull();
  });

  it('is found the same when the log is scanned in two parts, the refusal and sender in the second', () => {
    const text = fixture('yahoo-gl01-forum-2012.log');
    const whole = scanLogText(text, options);
    const cut = text.indexOf('\n') + 1;
    const first = createLogScanner(options);
    first.pushText(text.slice(0, cut));
    const second = createLogScanner({ ...options, segment: true });
    second.pushText(text.slice(cut));
    expect(first.absorb(structuredClone(second.finishSegment()))).toBe(true);
    expect(first.finish()).toEqual(whole);
  });
});

describe("lines without a stamp, behind Postfix's program (Mailu's no-timestamp template)", () => {
  it('link the qmgr sender to the status lines of its queue id', async () => {
    const { incidents } = await extract(fixture('v-notimestamp.derived.log'), options);
    expect(incidents.map((i) => [i.remoteIp, i.sendingDomain, i.sources.sendingDomain?.line])).toEqual([
      ['212.27.42.58', 'mail.pixel-games.ovh', 1],
      ['212.27.42.59', 'mail.pixel-games.ovh', 2],
    ]);
  });
});

describe('Postfix lines behind the prefixes containers, terminals and journald put before them', () => {
  // Each file: the two free.fr refusals of iRedMail #156, their qmgr sender lines before them.
  it.each([
    ['v-compose-ansi.derived.log', '2026-01-23T13:43:49+00:00'],
    ['v-compose-literalESC.derived.log', '2026-01-23T13:43:49+00:00'],
    ['v-busybox-facility.derived.log', '2026-01-23T13:43:49+00:00'],
    ['v-compose-t.derived.log', '2022-01-23T12:43:49+00:00'],
    ['v-cri-k8s.derived.log', '2022-01-23T12:43:49+00:00'],
    ['v-journal-short-unix.derived.log', '2022-01-23T12:43:49+00:00'],
    ['v-rancher.derived.log', '2022-01-23T12:43:49+00:00'],
  ])('%s: one incident per refusal, each with its date, host and sender', async (name, date) => {
    const { incidents } = await extract(fixture(name), options);
    expect(incidents.map((i) => [i.format, i.remoteIp, i.reply.text, i.reply.enhanced])).toEqual([
      ['postfix', '212.27.42.58', '421 Refused. Your reverse DNS entry does not resolve to an IP.', null],
      ['postfix', '212.27.42.59', '421 Refused. Your reverse DNS entry does not resolve to an IP.', null],
    ]);
    for (const incident of incidents) {
      expect(incident.occurredAt).toBe(date);
      expect(incident.sendingHosts).toEqual(['pixel-games']);
      expect(incident.sendingDomain).toBe('mail.pixel-games.ovh');
      expect(incident.recipientDomain).toBe('free.fr');
    }
  });

  it('reads a coloured compose line whose own line carries an ISO date and host', async () => {
    const { incidents } = await extract(fixture('v-ansi-orange-1line.derived.log'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.format).toBe('postfix');
    expect(incidents[0]?.occurredAt).toBe('2021-04-21T17:16:28+02:00');
    expect(incidents[0]?.sendingHosts).toEqual(['server1']);
    expect(incidents[0]?.orange?.token).toBe('OFR006_102');
    expect(incidents[0]?.reply.text).not.toContain('\u001b');
  });

  it("reads Mailu #2386's lines copied from Rancher's viewer as a log (inbound: no incident)", async () => {
    const { incidents, warnings } = await extract(fixture('mailu2386-rancher-inbound.log'), options);
    expect(incidents).toHaveLength(0);
    expect(warnings.some((w) => w.code === 'log-no-rejection')).toBe(true);
  });

  it("reads docker-mailserver #1478's coloured lines as the log they are (an inbound refusal: no incident)", async () => {
    const { incidents, warnings } = await extract(fixture('dms1478-ansi-inbound.log'), options);
    expect(incidents).toHaveLength(0);
    expect(warnings.some((w) => w.code === 'log-no-rejection')).toBe(true);
  });
});

describe('Docker json-file lines: the capture time dates a line whose own stamp has no year or zone', () => {
  it.each(['v-docker-json.derived.log', 'v-docker-json-goescape.derived.log'])(
    '%s: the year and offset of "time" (a container logging in Paris time)',
    async (name) => {
      const { incidents } = await extract(fixture(name), options);
      const freeFr = incidents.filter((i) => i.recipientDomain === 'free.fr');
      expect(freeFr).toHaveLength(2);
      for (const incident of freeFr) {
        expect(incident.occurredAt).toBe('2022-01-23T13:43:49+01:00');
        expect(incident.assumptions.filter((a) => a.code.startsWith('assumed-'))).toEqual([]);
        expect(incident.sendingDomain).toBe('mail.pixel-games.ovh');
      }
    },
  );

  it('takes the year that brings the two closest across New Year', async () => {
    // The real line of v-docker-json, logged at 00:30 on 1 January in Paris: Docker's UTC time is 2021.
    const line = fixture('v-docker-json.derived.log')
      .split('\n')[2]
      ?.replace('Jan 23 13:43:49', 'Jan  1 00:30:05')
      .replace('2022-01-23T12:43:49.123456791Z', '2021-12-31T23:30:05.5Z');
    const { incidents } = await extract(line ?? '', options);
    expect(incidents[0]?.occurredAt).toBe('2022-01-01T00:30:05+01:00');
  });
});

describe("a remote's refusal quoted beside log lines without being one", () => {
  it('is read as a reply of its own, with a warning, beside the log line (mailcow #2532)', async () => {
    const { incidents, warnings } = await extract(fixture('mailcow2532-quoted.log'), options);
    expect(incidents.map((i) => [i.sources.reply?.line, i.remoteHost, i.remoteIp, i.reply.code])).toEqual([
      [2, 'mx02.t-online.de', '194.25.134.9', 554],
      [4, 'mx01.t-online.de', '194.25.134.72', 554],
    ]);
    expect(incidents[0]?.occurredAt).toBeNull();
    expect(warnings.map((w) => w.code)).toContain('log-reply-beside-log');
  });
});

describe('a syslog host field that is a bare number', () => {
  it('is no sending host (a multi-instance Postfix log writing `1` there)', async () => {
    const { incidents } = await extract(fixture('tiamail-multiinstance.log'), options);
    expect(incidents).toHaveLength(5);
    for (const incident of incidents) expect(incident.sendingHosts).toEqual([]);
  });
});

describe('a rejection whose logged sender gives no domain', () => {
  it('is warned about as such, not as a sender line missing from the excerpt', async () => {
    // 2B706C064A is a bounce (`from=<>`); 08F8CC0184 never names its sender in the excerpt.
    const gazprom = await extract(fixture('gazprom-relay-smtp.log'), options);
    const codes = gazprom.warnings.map((w) => w.code);
    expect(codes).toContain('log-sender-without-domain');
    expect(codes).toContain('log-no-sending-domain');
    // The senders hidden by the poster (`from=<info@......................>`).
    const plesk = await extract(fixture('plesk-forum-2016.log'), options);
    expect(plesk.warnings.map((w) => w.code)).toContain('log-sender-without-domain');
  });
});
