/**
 * A long list of Stalwart webhook events (stalwart-webhook.ts): each event's DSN twin is looked up among
 * the same refusal's events only. Given every other event of its list, a paste of 8,000 events took 650 MB
 * and 2 s, 16,000 events 2 GB and 9 s (quadratic). Each event now holds only its own refusal's other
 * events: checked by count, not by time (speed is the benchmarks' business).
 */
import { describe, expect, it } from 'vitest';
import type { Json } from '../../../core/extract/formats/json-value';
import {
  rememberStalwartBatch,
  repeatsStalwartRefusal,
  sameRefusalsOf,
  stalwartWebhookFacts,
} from '../../../core/extract/formats/stalwart-webhook';

/** A refusal by Orange and the DSN Stalwart logs after it, for message `n`. */
function pair(n: number): { [key: string]: Json }[] {
  const data = {
    queueId: String(300_000 + n),
    from: 'news@example.com',
    to: `client${n}@orange.fr`,
    hostname: 'smtp-in.orange.fr',
    localIp: '203.0.113.25',
  };
  const message = 'mwinf5c04 ME Adresse IP source bloquee pour incident de spam. OFR006_102 [102]';
  return [
    {
      id: `${n}a`,
      createdAt: '2026-12-03T10:12:44Z',
      type: 'delivery.rcpt-to-rejected',
      data: { ...data, code: 550, details: message },
    },
    {
      id: `${n}b`,
      createdAt: '2026-12-03T10:12:44Z',
      type: 'delivery.dsn-perm-fail',
      data: {
        ...data,
        details: `Unexpected response from 'smtp-in.orange.fr': Code: 550, Enhanced code: 5.7.1, Message: ${message}`,
      },
    },
  ];
}

describe('A long Stalwart webhook batch', () => {
  it('pairs each DSN with its refusal, each event holding only its own refusal’s events', () => {
    const events = Array.from({ length: 8_000 }, (_, n) => pair(n)).flat();
    rememberStalwartBatch(events);
    const [refusal, dsn] = [events[0], events[1]] as { [key: string]: Json }[];
    expect(repeatsStalwartRefusal(dsn as { [key: string]: Json })).toBe(true);
    expect(stalwartWebhookFacts(refusal as { [key: string]: Json })?.enhanced).toBe('5.7.1');
    const repeats = events.filter((e) => repeatsStalwartRefusal(e)).length;
    const enhanced = events.filter((e) => stalwartWebhookFacts(e)?.enhanced === '5.7.1').length;
    expect(repeats).toBe(8_000);
    expect(enhanced).toBe(16_000);
    // Given every other event of the list (the quadratic version), each held 15,999.
    const held = events.map((e) => sameRefusalsOf(e as { [key: string]: Json }).length);
    expect(Math.max(...held)).toBe(1);
  });

  it('pairs nothing across messages: another recipient’s DSN is no repeat', () => {
    const [refusal] = pair(1);
    const [, otherDsn] = pair(2);
    rememberStalwartBatch([refusal, otherDsn] as Json[]);
    expect(repeatsStalwartRefusal(otherDsn as { [key: string]: Json })).toBe(false);
    expect(stalwartWebhookFacts(refusal as { [key: string]: Json })?.enhanced).toBeNull();
  });
});
