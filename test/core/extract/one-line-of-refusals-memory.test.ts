/**
 * A paste of Orange's refusals run together on one line (64 MB, no line break): every refusal found by
 * its token was kept at once, 370,000 of them (about 60 MB), before all but the first 4,000 were cut
 * (incident-cap.ts). Only the first 4,001 are looked for now, unless a repeat may be dropped before the
 * cut (an exception chain, a stack trace: smtp-reply-repeats.ts). This test counts the replies kept.
 */
import { describe, expect, it, vi } from 'vitest';

const returned: number[] = [];
vi.mock('../../../core/extract/embedded-orange', async (original) => {
  const real = await original<typeof import('../../../core/extract/embedded-orange')>();
  return {
    ...real,
    findEmbeddedOrangeReplies: (...args: Parameters<typeof real.findEmbeddedOrangeReplies>) => {
      const found = real.findEmbeddedOrangeReplies(...args);
      returned.push(found.length);
      return found;
    },
  };
});

const { extract } = await import('../../../core/extract');

const REFUSAL =
  '550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=203.0.113.25 [102]';

describe('Orange refusals run together on one line, thousands of them', () => {
  it('keeps no more of them than are read', async () => {
    returned.length = 0;
    const { incidents, warnings } = await extract(Array.from({ length: 6000 }, () => REFUSAL).join(' '));
    expect(incidents.map((i) => i.orange?.token)).toEqual(['OFR006_102']);
    expect(warnings.map((w) => w.code)).toContain('input.too-many-incidents');
    expect(Math.max(...returned)).toBeLessThanOrEqual(4001);
  });

  it('still finds them all where a stack trace may repeat one (its copies are dropped before the cut)', async () => {
    returned.length = 0;
    const lines = [
      Array.from({ length: 6000 }, () => REFUSAL).join(' '),
      '    at com.example.mail.Mailer.send(Mailer.java:41)',
    ];
    await extract(lines.join('\n'));
    expect(Math.max(...returned)).toBe(6000);
  });
});
