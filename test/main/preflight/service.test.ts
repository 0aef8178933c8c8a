/** The preflight service as the IPC layer sees it: plan, run, deadlines, unreachable DNS, the schemas. */
import { PreflightCheckSchema, PreflightInput } from '../../../electron/contract/preflight';
import type { ResolverLike } from '../../../electron/services/preflight/node-dns';
import { createPreflightService } from '../../../electron/services/preflight/service';
import { startTestDnsServer } from './dns-server';

const input = {
  sendingIps: ['198.51.100.23', 'not an ip', '198.51.100.23'],
  sendingHosts: ['mail.example.com.'],
  sendingDomain: 'Example.com',
  dkim: { selector: 's1', domain: 'example.com' },
};

describe('plan', () => {
  test('one check per IP, host, domain, selector, list, plus Orange MX; bad and duplicate IPs dropped', async () => {
    const plan = await createPreflightService().plan(input);
    expect(plan.map((check) => check.id)).toEqual([
      'ptr:198.51.100.23',
      'helo:mail.example.com',
      'spf:example.com:198.51.100.23',
      'dmarc:example.com',
      'dkim:s1:example.com',
      'dnsbl:spamhaus-zen:198.51.100.23',
      'dnsbl:abusix:198.51.100.23',
      'dnsbl:spamcop:198.51.100.23',
      'dnsbl:barracuda:198.51.100.23',
      'dnsbl:psbl:198.51.100.23',
      'cloudmark:198.51.100.23',
      'orange-mx:orange.fr',
      'orange-mx:wanadoo.fr',
    ]);
  });
  test('a domain, selector or host that is not a DNS name is not queried', async () => {
    const plan = await createPreflightService().plan({
      sendingIps: [],
      sendingHosts: [],
      sendingDomain: 'exa mple.com',
      dkim: { selector: 'bad selector', domain: 'example.com' },
    });
    expect(plan.map((check) => check.kind)).toEqual(['orange-mx', 'orange-mx']);
    const typed = await createPreflightService().plan({
      sendingIps: [],
      sendingHosts: [],
      sendingDomain: null,
      dkim: { selector: 'k1', domain: 'Example.COM.' },
    });
    expect(typed[0]).toEqual({
      id: 'dkim:k1:example.com',
      kind: 'dkim',
      selector: 'k1',
      domain: 'example.com',
    });
  });
  test('IPv6 IPs skip the IPv4-only lists', async () => {
    const plan = await createPreflightService().plan({
      sendingIps: ['2001:db8::25'],
      sendingHosts: [],
      sendingDomain: null,
    });
    expect(plan.filter((check) => check.kind === 'dnsbl').map((check) => check.id)).toEqual([
      'dnsbl:spamhaus-zen:2001:db8::25',
      'dnsbl:abusix:2001:db8::25',
    ]);
  });
  test('every planned check passes the IPC schema; a forged one does not', async () => {
    const plan = await createPreflightService().plan(PreflightInput.parse(input));
    for (const check of plan) expect(PreflightCheckSchema.parse(check)).toEqual(check);
    expect(PreflightCheckSchema.safeParse({ id: 'x', kind: 'ptr', ip: '198.51.100.300' }).success).toBe(
      false,
    );
    expect(
      PreflightCheckSchema.safeParse({ id: 'x', kind: 'dnsbl', ip: '198.51.100.1', list: 'evil.example' })
        .success,
    ).toBe(false);
    expect(
      PreflightCheckSchema.safeParse({ id: 'x', kind: 'dkim', selector: 'a b', domain: 'example.com' })
        .success,
    ).toBe(false);
  });
});

describe('deadlines and unreachable DNS', () => {
  test('a check whose DNS never answers resolves as could-not-check (timeout) at the deadline', async () => {
    const never = () => new Promise<never>(() => {});
    const hanging: ResolverLike = {
      resolveTxt: never,
      resolve4: never,
      resolve6: never,
      resolveMx: never,
      resolvePtr: never,
    };
    const service = createPreflightService({ resolver: hanging, timeoutMs: 150 });
    const result = await service.run({
      check: { id: 's', kind: 'spf', domain: 'example.com', ip: '198.51.100.23', helo: null },
    });
    expect(result).toMatchObject({
      id: 's',
      kind: 'spf',
      status: 'could-not-check',
      subject: 'example.com / 198.51.100.23',
    });
    expect(result.summary.en).toBe('Could not check: no answer in time');
  });
  test('a DNS server that never answers: could-not-check (timeout), never failed', async () => {
    const mute = await startTestDnsServer({}, { silent: true });
    const service = createPreflightService({ servers: [mute.server], timeoutMs: 900 });
    const results = await Promise.all([
      service.run({ check: { id: 'd', kind: 'dmarc', domain: 'example.com' } }),
      service.run({ check: { id: 'p', kind: 'ptr', ip: '198.51.100.23' } }),
      service.run({
        check: { id: 's', kind: 'spf', domain: 'example.com', ip: '198.51.100.23', helo: null },
      }),
    ]);
    expect(results.map((result) => [result.status, result.summary.en])).toEqual([
      ['could-not-check', 'Could not check: no answer in time'],
      ['could-not-check', 'Could not check: no answer in time'],
      ['could-not-check', 'Could not check: no answer in time'],
    ]);
    expect(mute.queries.length).toBeGreaterThanOrEqual(3);
    await mute.close();
  });
  test('no DNS server listening at all (offline): could-not-check, never failed', async () => {
    const gone = await startTestDnsServer({});
    await gone.close();
    const service = createPreflightService({ servers: [gone.server], timeoutMs: 1500 });
    const results = await service.runAll({
      sendingIps: ['198.51.100.23'],
      sendingHosts: ['mail.example.com'],
      sendingDomain: 'example.com',
    });
    const statuses = new Set(results.map((result) => result.status));
    expect(statuses.has('failed')).toBe(false);
    expect(statuses.has('ok')).toBe(false);
    const unknown = results.filter((result) => result.status === 'could-not-check');
    expect(unknown.length).toBeGreaterThan(5);
    for (const result of unknown) expect(result.summary.en).toContain('DNS unreachable (offline?)');
    expect(results.filter((result) => result.status === 'manual').map((result) => result.id)).toEqual([
      'dnsbl:abusix:198.51.100.23',
      'cloudmark:198.51.100.23',
    ]);
  });
  test('SERVFAIL everywhere is could-not-check, with the reason', async () => {
    const zone = Object.fromEntries(
      ['example.com', '_dmarc.example.com', 'orange.fr'].map((name) => [
        name,
        { rcode: 'SERVFAIL' as const },
      ]),
    );
    const dns = await startTestDnsServer(zone);
    const service = createPreflightService({ servers: [dns.server], timeoutMs: 1500 });
    for (const check of [
      { id: 's', kind: 'spf' as const, domain: 'example.com', ip: '198.51.100.23', helo: null },
      { id: 'd', kind: 'dmarc' as const, domain: 'example.com' },
      { id: 'o', kind: 'orange-mx' as const, domain: 'orange.fr' as const },
    ]) {
      const result = await service.run({ check });
      expect(result.status).toBe('could-not-check');
      expect(result.summary.en).toContain('SERVFAIL');
    }
    await dns.close();
  });
});

describe('the end-to-end zone', () => {
  test('gives the outcome its header promises', async () => {
    const { PREFLIGHT_E2E_ZONE } = await import('./e2e-zone');
    const dns = await startTestDnsServer(PREFLIGHT_E2E_ZONE);
    const service = createPreflightService({ servers: [dns.server], timeoutMs: 2000 });
    const results = await service.runAll({
      sendingIps: ['198.51.100.23'],
      sendingHosts: ['mail.example.com'],
      sendingDomain: 'example.com',
    });
    expect(Object.fromEntries(results.map((result) => [result.id, result.status]))).toEqual({
      'ptr:198.51.100.23': 'ok',
      'helo:mail.example.com': 'ok',
      'spf:example.com:198.51.100.23': 'failed',
      'dmarc:example.com': 'ok',
      'dnsbl:spamhaus-zen:198.51.100.23': 'failed',
      'dnsbl:abusix:198.51.100.23': 'manual',
      'dnsbl:spamcop:198.51.100.23': 'ok',
      'dnsbl:barracuda:198.51.100.23': 'ok',
      'dnsbl:psbl:198.51.100.23': 'ok',
      'cloudmark:198.51.100.23': 'manual',
      'orange-mx:orange.fr': 'ok',
      'orange-mx:wanadoo.fr': 'ok',
    });
    await dns.close();
  });
});
