import { extract } from '../../../../core/extract';
import { extractFromLog } from '../../../../core/extract/logs/index';
import { readFixture } from './fixture';

/**
 * `postqueue -j` (Postfix's queue as JSON lines): a queue held back by Orange is a large file, which the
 * app and `summarize` hand to the log scanner. It must read what a pasted listing gives (queue-json.ts)
 * and not take the lines for KumoMTA records, which also start with `{`.
 */
describe('postqueue -j read by the log scanner', () => {
  const text = readFixture('postqueue-j-orange.jsonl');
  const scanned = extractFromLog(text);

  it('makes one rejection per reason and recipient domain of each queued message', () => {
    expect(scanned.incidents.map((i) => [i.sources.reply?.line, i.orange?.token])).toEqual([
      [1, 'OFR005_104'],
      [2, 'OFR006_102'],
    ]);
  });

  it('reads the remote, the sender and the Cloudmark link, never the MX address as the sender’s', () => {
    expect(scanned.incidents[1]).toMatchObject({
      format: 'postfix',
      occurredAt: null,
      sendingIps: ['203.0.113.25'],
      sendingDomain: 'shop.example.com',
      recipientDomain: 'wanadoo.fr',
      remoteHost: 'smtp-in.orange.fr',
      remoteIp: '80.12.242.10',
      reply: { code: 550 },
      orange: { reason: 102, server: 'mwinf5c10' },
    });
    expect(scanned.incidents[1]?.reply.text).toContain('bloquée');
    expect(scanned.incidents[0]?.sendingIps).toEqual([]);
  });

  it('leaves the date empty and says the listing gives only the arrival time', () => {
    const notes = scanned.incidents[0]?.assumptions.map((a) => a.text.en) ?? [];
    expect(
      notes.some((n) => n.includes('2025-11-29T08:47:25') && n.includes('not when it was refused')),
    ).toBe(true);
    expect(scanned.warnings.map((w) => w.code)).toContain('input.queue-arrivals-only');
  });

  it('gives the same fields as the pasted listing reader', async () => {
    const pasted = await extract(text);
    const fields = (r: { incidents: typeof scanned.incidents }) =>
      r.incidents.map((i) => [
        i.sendingIps,
        i.sendingDomain,
        i.recipientDomain,
        i.remoteHost,
        i.remoteIp,
        i.reply,
      ]);
    expect(fields(scanned)).toEqual(fields(pasted));
  });

  it('leaves a KumoMTA record that names a queue to the KumoMTA reader', () => {
    const { incidents } = extractFromLog(
      '{"type":"Bounce","queue":"orange.fr","id":"queue_id","recipient":"anne@orange.fr","response":{"code":550,"enhanced_code":null,"content":"mwinf5c04 ME Mail rejete. Mail rejected. OFR_506 [506]"},"source_address":{"address":"203.0.113.40:25"},"timestamp":1775031100}',
    );
    expect(incidents[0]?.format).toBe('kumomta');
  });
});
