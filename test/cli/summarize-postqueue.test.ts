/**
 * `summarize` on `postqueue -j` saved to a file: the queue of a server Orange holds back is a listing of
 * many thousands of messages, too large to paste. Each queued message's reason counts once per recipient
 * domain, read across the chunk boundaries of the file (core/extract/logs/formats/postqueue-json.ts).
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

/** `n` queued messages, the reasons in turn; every third message has two Orange recipients. */
function listing(n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const reason = REASONS[i % REASONS.length] as string;
    const domain = reason.includes('orange')
      ? 'orange.fr'
      : reason.includes('google')
        ? 'gmail.com'
        : 'example.org';
    const recipients = [{ address: `client${i}@${domain}`, delay_reason: reason }];
    if (i % 3 === 0) recipients.push({ address: `autre${i}@${domain}`, delay_reason: reason });
    lines.push(
      JSON.stringify({
        queue_name: 'deferred',
        queue_id: `4Q${(100000 + i).toString(36).toUpperCase()}z9rw`,
        arrival_time: 1764406045 + i,
        message_size: 20431,
        forced_expire: false,
        sender: 'news@shop.example.com',
        recipients,
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}

describe('summarize on a postqueue -j listing', () => {
  it('counts each message’s refusal once per recipient domain and groups Orange’s by IP and reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'summarize-postqueue-'));
    const path = join(dir, 'queue.jsonl');
    const text = listing(8000);
    writeFileSync(path, text);
    expect(text.length).toBeGreaterThan(10 * 64 * 1024);
    const result = await summarizeFile(path, { now: new Date('2026-03-20T00:00:00Z') });
    expect(result.formats).toEqual(['postfix']);
    expect(result.counts.orangeRejections).toBe(4000);
    expect(result.counts.rejections).toBe(6000);
    expect(result.counts.failuresWithoutReply).toBe(2000);
    const groups = result.summary.groups.map((g) => [g.ip, g.reason, g.count]);
    expect(groups).toEqual(
      expect.arrayContaining([
        [null, 104, 2000],
        ['203.0.113.25', 102, 2000],
      ]),
    );
  });
});
