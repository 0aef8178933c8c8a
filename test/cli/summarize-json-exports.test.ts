/**
 * `summarize` on the large JSON exports users save when Orange blocks them, too large to paste: Kibana's
 * (Elasticsearch's) search response over Filebeat's Postfix documents, pretty-printed or on one line,
 * and an ESP's events, SparkPost's as a JSON array and Mailgun's one a line. Thousands of records,
 * generated; each read as it streams by, one record held at a time (core/extract/logs/json-document-
 * records.ts, formats/esp-event.ts).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarizeFile } from '../../cli/summarize-file';
import { DEFAULT_MAX_LINE_LENGTH } from '../../core/extract/logs/lines';
import { createLogSummary } from '../../core/summary';

const options = { now: new Date('2026-12-07T03:00:00Z') };
const dir = mkdtempSync(join(tmpdir(), 'summarize-json-'));
/** Messages in each generated export: a third refused by Orange (102), a third by Gmail, a third delivered. */
const N = 4800;
const START = Date.UTC(2026, 11, 4, 8, 0, 0);

const ORANGE_102 =
  '550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=198.51.100.23 [102]';
const GMAIL_421 =
  '421-4.7.28 Gmail has detected an unusual rate of unsolicited mail. To protect our users, mail has been temporarily rate limited.';

/** Filebeat's documents of message `i` (ECS: the line without its prefix, host and program apart). */
function postfixHits(i: number) {
  const at = (s: number) => new Date(START + i * 20_000 + s * 1000).toISOString();
  const id = `4T${(1_000_000 + i).toString(36).toUpperCase()}`;
  const doc = (s: number, program: string, pid: number, message: string) => ({
    _index: '.ds-logs-system.syslog-default-2026.12.04-000001',
    _id: `${id}-${program}`,
    _score: null,
    _source: {
      '@timestamp': at(s),
      host: { hostname: 'mx1' },
      process: { name: program, pid },
      message,
      event: { dataset: 'system.syslog' },
    },
    sort: [START + i * 20_000 + s * 1000],
  });
  const qmgr = doc(
    0,
    'postfix/qmgr',
    1288,
    `${id}: from=<lettre@association-exemple.fr>, size=18342, nrcpt=1 (queue active)`,
  );
  const kind = i % 3;
  const smtp =
    kind === 0
      ? `${id}: to=<client${i}@orange.fr>, relay=smtp-in.orange.fr[193.252.22.65]:25, delay=1.2, delays=0.1/0/0.6/0.5, dsn=5.0.0, status=bounced (host smtp-in.orange.fr[193.252.22.65] said: ${ORANGE_102} (in reply to MAIL FROM command))`
      : kind === 1
        ? `${id}: to=<client${i}@gmail.com>, relay=gmail-smtp-in.l.google.com[192.0.2.27]:25, delay=0.9, delays=0.1/0/0.4/0.4, dsn=4.7.28, status=deferred (host gmail-smtp-in.l.google.com[192.0.2.27] said: ${GMAIL_421} (in reply to end of DATA command))`
        : `${id}: to=<client${i}@example.net>, relay=mx.example.net[192.0.2.80]:25, delay=0.5, delays=0.1/0/0.2/0.2, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 9F2A1B)`;
  return [qmgr, doc(1, 'postfix/smtp', 30112, smtp)];
}

/** Elasticsearch's search response over every message's documents. */
function searchResponse(indent?: number) {
  const hits = Array.from({ length: N }, (_, i) => postfixHits(i)).flat();
  const response = {
    took: 41,
    timed_out: false,
    _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
    hits: { total: { value: hits.length, relation: 'eq' }, max_score: null, hits },
  };
  return `${JSON.stringify(response, null, indent)}\n`;
}

/** SparkPost's events as its Events API lists them (`msys.message_event`), Orange's 104 and delivered ones. */
function sparkPostArray() {
  const events = Array.from({ length: N }, (_, i) => ({
    msys: {
      message_event: {
        type: i % 2 === 0 ? 'delay' : 'delivery',
        event_id: `72063748938126${(10000 + i).toString()}`,
        timestamp: String(Math.floor(START / 1000) + i * 20),
        friendly_from: 'news@shop.example.com',
        msg_from: 'msprvs1=20331xYz0Ab1C=bounces-123456@bounces.shop.example.com',
        rcpt_to: `client${i}@orange.fr`,
        raw_rcpt_to: `client${i}@orange.fr`,
        routing_domain: 'orange.fr',
        sending_ip: '198.51.100.7',
        ip_address: '193.252.22.65',
        ...(i % 2 === 0
          ? {
              bounce_class: '21',
              error_code: '421',
              raw_reason:
                '421 mwinf5c23 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR004_104 [104]',
              num_retries: '1',
            }
          : {}),
      },
    },
  }));
  return `${JSON.stringify(events, null, 2)}\n`;
}

/** Mailgun's `failed` events one a line (`jq -c '.items[]'`), Orange's 102 with its Cloudmark link. */
function mailgunLines() {
  const lines = Array.from({ length: N }, (_, i) =>
    JSON.stringify({
      event: 'failed',
      id: `Fh3kq9ZxT2uW1yJ4sA7d-${i}`,
      timestamp: START / 1000 + i * 20 + 0.4127,
      severity: 'permanent',
      recipient: `client${i}@wanadoo.fr`,
      'recipient-domain': 'wanadoo.fr',
      envelope: {
        sender: 'bounce+a1b2c3@mg.atelier-exemple.fr',
        'sending-ip': '198.51.100.45',
        transport: 'smtp',
      },
      'delivery-status': {
        'attempt-no': 1,
        code: 550,
        message: ORANGE_102.slice(4).replace('198.51.100.23', '198.51.100.45'),
        'mx-host': 'smtp-in.orange.fr',
      },
    }),
  );
  return `${lines.join('\n')}\n`;
}

const lineCount = (text: string) => text.split('\n').length - 1;

describe('summarize on a large search response (Kibana, Filebeat’s Postfix documents)', () => {
  it.each([
    ['pretty-printed', 'search-pretty.json', 2],
    ['on one line', 'search-one-line.json', undefined],
  ])(
    '%s: counts every hit’s refusal, Orange’s by IP and reason, the sender from qmgr’s hit',
    async (_how, name, indent) => {
      const text = searchResponse(indent);
      const path = join(dir, name);
      writeFileSync(path, text);
      // (Longer than any line the line splitter keeps: the one-line document is no line to it.)
      expect(text.length).toBeGreaterThan(DEFAULT_MAX_LINE_LENGTH);
      const result = await summarizeFile(path, options);
      expect(result.formats).toEqual(['postfix']);
      expect(result.counts.orangeRejections).toBe(N / 3);
      expect(result.counts.rejections).toBe((2 * N) / 3);
      expect(result.counts.delivered).toBe(N / 3);
      expect(result.counts.truncatedLines).toBe(0);
      expect(result.stats.lines).toBe(lineCount(text));
      const orange = result.summary.groups.map((g) => [g.ip, g.reason, g.hosts, g.domains, g.firstSeen]);
      expect(orange).toEqual([
        ['198.51.100.23', 102, ['mx1'], ['association-exemple.fr'], '2026-12-04T08:00:01+00:00'],
      ]);
      expect(result.summary.totals).toMatchObject({ orange: N / 3, others: N / 3, undated: 0 });
    },
  );

  it('hands each hit to the scanner as it streams by: half the file read, about half the refusals out', () => {
    const text = searchResponse();
    let read = 0;
    const session = createLogSummary(options);
    for (let at = 0; at < text.length / 2; at += 65_536) {
      session.pushText(text.slice(at, at + 65_536));
      read = at + 65_536;
    }
    const halfway = session.incidents;
    expect(halfway).toBeGreaterThan(((2 * N) / 3) * 0.45);
    session.pushText(text.slice(read));
    session.finish();
    expect(session.incidents).toBe((2 * N) / 3);
  });

  it('says a hit too long to be read (past 1 MiB) as a line cut, and reads the others', async () => {
    const text = searchResponse();
    const long = text.replace(
      '"event":{"dataset":"system.syslog"}',
      `"event":{"original":"${'x'.repeat(1_100_000)}"}`,
    );
    const path = join(dir, 'search-long-hit.json');
    writeFileSync(path, long);
    const result = await summarizeFile(path, options);
    expect(result.counts.truncatedLines).toBe(1);
    expect(result.warnings.map((w) => w.code)).toContain('log-lines-truncated');
    // The first hit, qmgr's: its refusal is still read, without the sender it named.
    expect(result.counts.orangeRejections).toBe(N / 3);
  });
});

describe('summarize on an ESP’s large event export', () => {
  it('SparkPost’s events as a JSON array: each delay an incident, the sending IP never Orange’s MX', async () => {
    const path = join(dir, 'sparkpost-events.json');
    writeFileSync(path, sparkPostArray());
    const result = await summarizeFile(path, options);
    expect(result.formats).toEqual(['json-event']);
    expect(result.counts.orangeRejections).toBe(N / 2);
    const groups = result.summary.groups.map((g) => [g.ip, g.reason, g.count, g.domains, g.example.remoteIp]);
    expect(groups).toEqual([['198.51.100.7', 104, N / 2, ['bounces.shop.example.com'], '193.252.22.65']]);
    expect(result.stats.lines).toBe(lineCount(readFileSync(path, 'utf8')));
  });

  it('Mailgun’s events one a line: each failure an incident, dated in UTC', async () => {
    const path = join(dir, 'mailgun-events.ndjson');
    writeFileSync(path, mailgunLines());
    const result = await summarizeFile(path, options);
    expect(result.formats).toEqual(['json-event']);
    expect(result.counts.orangeRejections).toBe(N);
    const groups = result.summary.groups.map((g) => [g.ip, g.reason, g.firstSeen, g.domains]);
    expect(groups).toEqual([['198.51.100.45', 102, '2026-12-04T08:00:00+00:00', ['mg.atelier-exemple.fr']]]);
    expect(result.stats.lines).toBe(N);
  });
});
