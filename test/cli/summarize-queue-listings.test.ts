/**
 * `summarize` on a mail queue saved to a file, `postqueue -j` or `mailq`: the queue of a server Orange
 * holds back lists many thousands of messages, too many to paste. Each queued message's reason counts
 * once per recipient domain, read across the chunk boundaries of the file
 * (core/extract/logs/formats/postqueue-json.ts and queue-entry.ts).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarizeFile } from '../../cli/summarize-file';

const REASONS = [
  'host smtp-in.orange.fr[193.252.22.65] said: 421 mwinf5c21 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR005_104 [104] (in reply to end of DATA command)',
  'host smtp-in.orange.fr[80.12.242.10] refused to talk to me: 550 mwinf5c10 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=203.0.113.25 [102]',
  'host gmail-smtp-in.l.google.com[192.0.2.27] said: 421-4.7.28 Gmail has detected an unusual rate of unsolicited mail. (in reply to end of DATA command)',
  'connect to mx.example.org[192.0.2.80]:25: Connection timed out',
];

/** `n` queued messages, the reasons in turn; every third message has two recipients of one domain. */
function entries(n: number) {
  return Array.from({ length: n }, (_, i) => {
    const reason = REASONS[i % REASONS.length] as string;
    const domain = reason.includes('orange')
      ? 'orange.fr'
      : reason.includes('google')
        ? 'gmail.com'
        : 'example.org';
    const recipients = [`client${i}@${domain}`];
    if (i % 3 === 0) recipients.push(`autre${i}@${domain}`);
    return {
      id: `4Q${(100000 + i).toString(36).toUpperCase()}z9rw`,
      arrival: 1764406045 + i,
      reason,
      recipients,
    };
  });
}

/** The listing as `postqueue -p` prints it: entry, reason, recipients, a blank line. */
function textListing(n: number): string {
  const lines = ['-Queue ID-  --Size-- ----Arrival Time---- -Sender/Recipient-------'];
  for (const e of entries(n)) {
    const day = new Date(e.arrival * 1000).toUTCString();
    const time = `${day.slice(0, 3)} ${day.slice(8, 11)} ${day.slice(5, 7).replace(/^0/, ' ')} ${day.slice(17, 25)}`;
    lines.push(`${e.id}    20431 ${time}  news@shop.example.com`, `(${e.reason})`);
    for (const r of e.recipients) lines.push(`${' '.repeat(41)}${r}`);
    lines.push('');
  }
  return `${lines.join('\n')}-- 160000 Kbytes in ${n} Requests.\n`;
}

/** The listing as `postqueue -j` prints it: one JSON object per message. */
function jsonListing(n: number): string {
  const lines = entries(n).map((e) =>
    JSON.stringify({
      queue_name: 'deferred',
      queue_id: e.id,
      arrival_time: e.arrival,
      message_size: 20431,
      forced_expire: false,
      sender: 'news@shop.example.com',
      recipients: e.recipients.map((address) => ({ address, delay_reason: e.reason })),
    }),
  );
  return `${lines.join('\n')}\n`;
}

const dir = mkdtempSync(join(tmpdir(), 'summarize-queue-'));

describe('summarize on a saved mail queue', () => {
  for (const [name, make] of [
    ['queue.jsonl', jsonListing],
    ['mailq.txt', textListing],
  ] as const) {
    it(`${name}: counts each message’s refusal once per recipient domain, Orange’s by IP and reason`, async () => {
      const path = join(dir, name);
      const text = make(8000);
      writeFileSync(path, text);
      expect(text.length).toBeGreaterThan(10 * 64 * 1024);
      const result = await summarizeFile(path, { now: new Date('2026-03-20T00:00:00Z') });
      expect(result.formats).toEqual(['postfix']);
      expect(result.counts.orangeRejections).toBe(4000);
      expect(result.counts.rejections).toBe(6000);
      // An entry whose only reason is a timeout: no reply, counted as such in both listings, as a log's
      // `status=deferred (connect to …: Connection timed out)` line is.
      expect(result.counts.failuresWithoutReply).toBe(2000);
      const groups = result.summary.groups.map((g) => [g.ip, g.reason, g.count]);
      expect(groups).toEqual(
        expect.arrayContaining([
          [null, 104, 2000],
          ['203.0.113.25', 102, 2000],
        ]),
      );
    });
  }
});
