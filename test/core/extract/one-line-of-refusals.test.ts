/**
 * A paste of Orange's refusals run together on one line (a ticket export or a `tr '\n' ' '` that lost
 * the line breaks): for every reply, the text after it was searched for the endpoint Exchange's status
 * names, from the reply to the end of the line. On a 20 MB line (a hundred thousand replies) that is
 * work growing with the square of the length: `extract` ran for minutes (an adversarial CLI audit).
 * Only the ~2,000 characters after a reply are searched now; this test counts the characters searched.
 */
import { describe, expect, it, vi } from 'vitest';

const searched: number[] = [];
vi.mock('../../../core/extract/exchange-status', async (original) => {
  const real = await original<typeof import('../../../core/extract/exchange-status')>();
  return {
    ...real,
    lastEndpoint: (text: string) => {
      searched.push(text.length);
      return real.lastEndpoint(text);
    },
  };
});

const { extract } = await import('../../../core/extract');

const REFUSAL =
  'host smtp-in.orange.fr[193.252.22.65] refused to talk to me: 550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=203.0.113.25 [102]';

describe('Orange refusals run together on one line', () => {
  it('searches a bounded stretch after each reply for an endpoint, not the rest of the line', async () => {
    const line = Array.from({ length: 3000 }, () => REFUSAL).join(' ');
    const { incidents } = await extract(line);
    expect(incidents[0]?.orange?.token).toBe('OFR006_102');
    expect(searched.length).toBeGreaterThan(1000);
    expect(Math.max(...searched)).toBeLessThanOrEqual(2000);
  });

  it('still reads the endpoint Exchange names after the reply it quotes', async () => {
    const lastError =
      'LastError : 451 4.4.0 Primary target IP address responded with: "421 mwinf5c77 ME Service refuse. Veuillez essayer plus tard. OFR004_104 [104]." Attempted failover to alternate host, but that did not succeed. Either there are no alternate hosts, or delivery failed to all alternate hosts. The last endpoint attempted was 80.12.242.9:25';
    const { incidents } = await extract(lastError);
    expect(incidents[0]?.remoteIp).toBe('80.12.242.9');
  });
});
