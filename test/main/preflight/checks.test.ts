/**
 * Every pre-flight check through the real service (node:dns Resolver) against a loopback DNS server.
 * Names and addresses are documentation ones, except Orange's MX which is a fact (observed in bounces).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PreflightCheck, PreflightResult } from '../../../core/preflight/types';
import { createServices } from '../../../electron/main/services';
import { createPreflightService } from '../../../electron/services/preflight/service';
import { startTestDnsServer, type TestDnsServer, type TestZone } from './dns-server';

const DKIM_KEY =
  'MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDwIRP/UC3SBsEmGqZ9ZJW3/DkMoGeLnQg1fWn7/zYtIxN2SnFCjxOCKG9v3b4jYfcTNh5ijSsq631uBItLa7od+v/RtdC2UzJ1lWT947qR+Rcac2gbto/NMqJ0fzfVjH4OuKhitdY9tf6mcwGjaNBcWToIMmPSPDdQPNUYckcQ2QIDAQAB';

const zone: TestZone = {
  '23.100.51.198.in-addr.arpa': { PTR: ['mail.example.com.'] },
  'mail.example.com': { A: ['198.51.100.23'] },
  'other.example.com': { A: ['198.51.100.23'] },
  'elsewhere.example.com': { A: ['203.0.113.9'] },
  '24.100.51.198.in-addr.arpa': { PTR: ['mail.example.com'] },
  '26.100.51.198.in-addr.arpa': { rcode: 'SERVFAIL' },
  '5.2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.5.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa': { PTR: ['mail6.example.com'] },
  'mail6.example.com': { AAAA: ['2001:db8:5::25'] },
  '_dmarc.example.com': { TXT: ['v=DMARC1; p=reject; sp=quarantine; adkim=s; rua=mailto:dmarc@example.com'] },
  '_dmarc.pnone.example': { TXT: ['v=DMARC1; p=none'] },
  '_dmarc.double.example': { TXT: ['v=DMARC1; p=reject', 'v=DMARC1; p=none'] },
  '_dmarc.nopolicy.example': { TXT: ['v=DMARC1; rua=mailto:x@nopolicy.example'] },
  '_dmarc.broken.example': { rcode: 'SERVFAIL' },
  's1._domainkey.example.com': { TXT: [['v=DKIM1; k=rsa; p=', DKIM_KEY]] },
  'ed._domainkey.example.com': {
    TXT: ['v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo='],
  },
  'old._domainkey.example.com': { TXT: ['v=DKIM1; p='] },
  'orange.fr': { MX: [{ priority: 10, exchange: 'smtp-in.orange.fr' }] },
  'wanadoo.fr': { MX: [{ priority: 10, exchange: 'smtp-in.orange.fr' }] },
  'smtp-in.orange.fr': { A: ['193.252.22.65'] },
  '23.100.51.198.zen.spamhaus.org': { A: ['127.0.0.2', '127.0.0.4'] },
  '25.100.51.198.zen.spamhaus.org': { A: ['127.255.255.254'] },
  '23.100.51.198.bl.spamcop.net': { A: ['127.0.0.2'] },
  '23.100.51.198.k3y.combined.mail.abusix.zone': { A: ['127.0.0.2'] },
  '5.2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.5.0.0.0.8.b.d.0.1.0.0.2.zen.spamhaus.org': { A: ['127.0.0.3'] },
  '23.100.51.198.psbl.surriel.com': { silent: true },
};

let dns: TestDnsServer;
let service: ReturnType<typeof createPreflightService>;
beforeAll(async () => {
  dns = await startTestDnsServer(zone);
  service = createPreflightService({
    servers: [dns.server],
    timeoutMs: 1200,
    now: () => new Date('2026-11-29T10:15:00Z'),
  });
});
afterAll(() => dns.close());

const run = (check: PreflightCheck): Promise<PreflightResult> => service.run({ check });

describe('reverse DNS', () => {
  test('a forward-confirmed PTR is ok', async () => {
    const result = await run({ id: 'p1', kind: 'ptr', ip: '198.51.100.23' });
    expect(result).toMatchObject({
      id: 'p1',
      status: 'ok',
      facts: { names: ['mail.example.com'], confirmed: ['mail.example.com'] },
    });
    expect(result.summary.en).toBe('198.51.100.23 → mail.example.com (confirmed)');
    expect(result.checkedAt).toBe('2026-11-29T10:15:00.000Z');
  });
  test('a PTR whose name points elsewhere fails', async () => {
    const result = await run({ id: 'p2', kind: 'ptr', ip: '198.51.100.24' });
    expect(result).toMatchObject({ status: 'failed', facts: { names: ['mail.example.com'], confirmed: [] } });
    expect(result.summary.fr).toContain('ne pointe pas en retour');
  });
  test('no PTR fails; SERVFAIL could not be checked', async () => {
    expect(await run({ id: 'p3', kind: 'ptr', ip: '198.51.100.25' })).toMatchObject({
      status: 'failed',
      facts: { names: [] },
    });
    const servfail = await run({ id: 'p4', kind: 'ptr', ip: '198.51.100.26' });
    expect(servfail.status).toBe('could-not-check');
    expect(servfail.summary.en).toContain('SERVFAIL');
  });
  test('IPv6 PTR through ip6.arpa', async () => {
    expect(await run({ id: 'p5', kind: 'ptr', ip: '2001:db8:5::25' })).toMatchObject({
      status: 'ok',
      facts: { confirmed: ['mail6.example.com'] },
    });
  });
});

describe('HELO names', () => {
  const helo = (host: string) => run({ id: `h:${host}`, kind: 'helo', host, ips: ['198.51.100.23'] });
  test('resolves to the sending IP and equals its PTR', async () => {
    expect(await helo('mail.example.com')).toMatchObject({
      status: 'ok',
      details: [],
      facts: { matchesIp: true, matchesPtr: true },
    });
  });
  test('resolves to the sending IP but is not its PTR: ok with a note', async () => {
    const result = await helo('other.example.com');
    expect(result).toMatchObject({ status: 'ok', facts: { matchesIp: true, matchesPtr: false } });
    expect(result.details[0]?.en).toContain('not the PTR');
  });
  test('resolves elsewhere: warning; does not resolve or is not a FQDN: failed', async () => {
    expect(await helo('elsewhere.example.com')).toMatchObject({
      status: 'warning',
      facts: { addresses: ['203.0.113.9'] },
    });
    expect((await helo('ghost.example.com')).status).toBe('failed');
    expect((await helo('localhost')).status).toBe('failed');
    expect((await helo('[198.51.100.23]')).status).toBe('failed');
  });
});

describe('DMARC', () => {
  const dmarc = (domain: string) => run({ id: `d:${domain}`, kind: 'dmarc', domain });
  test('present on the domain: policy and alignment', async () => {
    expect(await dmarc('example.com')).toMatchObject({
      status: 'ok',
      facts: {
        recordDomain: 'example.com',
        policy: 'reject',
        subdomainPolicy: 'quarantine',
        adkim: 's',
        aspf: 'r',
      },
    });
  });
  test('a subdomain falls back to the organisational domain and its sp=', async () => {
    const result = await dmarc('news.example.com');
    expect(result).toMatchObject({ status: 'ok', facts: { recordDomain: 'example.com' } });
    expect(result.summary.en).toBe('DMARC present for example.com (news.example.com): policy quarantine');
  });
  test('missing, double or without p= fails; p=none warns; SERVFAIL could not be checked', async () => {
    expect((await dmarc('nodmarc.example')).status).toBe('failed');
    expect((await dmarc('double.example')).status).toBe('failed');
    expect((await dmarc('nopolicy.example')).status).toBe('failed');
    expect(await dmarc('pnone.example')).toMatchObject({ status: 'warning', facts: { policy: 'none' } });
    expect((await dmarc('broken.example')).status).toBe('could-not-check');
  });
});

describe('DKIM key records', () => {
  const dkim = (selector: string) =>
    run({ id: `k:${selector}`, kind: 'dkim', selector, domain: 'example.com' });
  test('an RSA key split over two strings, and an Ed25519 key, are ok', async () => {
    expect(await dkim('s1')).toMatchObject({
      status: 'ok',
      subject: 's1._domainkey.example.com',
      facts: { keyType: 'rsa' },
    });
    expect(await dkim('ed')).toMatchObject({ status: 'ok', facts: { keyType: 'ed25519' } });
  });
  test('a revoked or missing key fails', async () => {
    const revoked = await dkim('old');
    expect(revoked.status).toBe('failed');
    expect(revoked.summary.en).toContain('revoked');
    expect((await dkim('nosuch')).status).toBe('failed');
  });
});

describe("Orange's MX and the blocklists", () => {
  test("Orange's MX resolves", async () => {
    expect(await run({ id: 'o', kind: 'orange-mx', domain: 'wanadoo.fr' })).toMatchObject({
      status: 'ok',
      facts: { hosts: ['smtp-in.orange.fr'] },
    });
  });
  test('listed on Spamhaus ZEN, with the codes explained and the look-up link', async () => {
    const result = await run({ id: 'z', kind: 'dnsbl', ip: '198.51.100.23', list: 'spamhaus-zen' });
    expect(result).toMatchObject({
      status: 'failed',
      facts: { listed: true, codes: ['127.0.0.2', '127.0.0.4'] },
    });
    expect(result.details.map((d) => d.en)).toEqual([
      '127.0.0.2: SBL: known spam source',
      '127.0.0.4: XBL: compromised or infected host',
    ]);
    expect(result.links[0]?.url).toBe('https://check.spamhaus.org/results/?query=198.51.100.23');
  });
  test('not listed is ok; 127.255.255.254 means the query was refused, not listed', async () => {
    expect(await run({ id: 'z2', kind: 'dnsbl', ip: '198.51.100.24', list: 'spamhaus-zen' })).toMatchObject({
      status: 'ok',
      facts: { listed: false },
    });
    const refused = await run({ id: 'z3', kind: 'dnsbl', ip: '198.51.100.25', list: 'spamhaus-zen' });
    expect(refused).toMatchObject({ status: 'could-not-check', facts: { listed: null } });
    expect(refused.summary.en).toContain('public or open DNS resolver');
  });
  test('IPv6 is queried as reversed nibbles', async () => {
    expect(await run({ id: 'z6', kind: 'dnsbl', ip: '2001:db8:5::25', list: 'spamhaus-zen' })).toMatchObject({
      status: 'failed',
      facts: { codes: ['127.0.0.3'] },
    });
  });
  test('SpamCop listing links to its status page', async () => {
    const result = await run({ id: 'sc', kind: 'dnsbl', ip: '198.51.100.23', list: 'spamcop' });
    expect(result).toMatchObject({
      status: 'failed',
      links: [{ url: 'https://www.spamcop.net/bl.shtml?198.51.100.23' }],
    });
  });
  test('a list that never answers could not be checked', async () => {
    expect(await run({ id: 'ps', kind: 'dnsbl', ip: '198.51.100.23', list: 'psbl' })).toMatchObject({
      status: 'could-not-check',
    });
  });
  test('Abusix without a key is a manual check; with a key it is queried', async () => {
    const manual = await run({ id: 'ab', kind: 'dnsbl', ip: '198.51.100.23', list: 'abusix' });
    expect(manual).toMatchObject({
      status: 'manual',
      links: [{ url: 'https://lookup.abusix.com/search?q=198.51.100.23' }],
    });
    const keyed = createPreflightService({ servers: [dns.server], timeoutMs: 1200, abusixKey: () => 'k3y' });
    expect(
      await keyed.run({ check: { id: 'ab', kind: 'dnsbl', ip: '198.51.100.23', list: 'abusix' } }),
    ).toMatchObject({ status: 'failed' });
  });
  test('the Abusix key saved in the settings is used by the next check, and removing it stops its use', async () => {
    const userDataDir = await mkdtemp(join(tmpdir(), 'ada-abusix-'));
    try {
      const services = createServices({
        userDataDir,
        writeClipboard: () => {},
        openExternal: async () => {},
        chooseFile: async () => null,
        preflight: { servers: [dns.server], timeoutMs: 1200 },
      });
      const check: PreflightCheck = { id: 'ab', kind: 'dnsbl', ip: '198.51.100.23', list: 'abusix' };
      expect(await services.preflight.run({ check })).toMatchObject({ status: 'manual' });
      await services.app.saveSettings({ abusixKey: 'k3y' });
      // The zone answers 127.0.0.2 only at 23.100.51.198.k3y.combined.mail.abusix.zone.
      expect(await services.preflight.run({ check })).toMatchObject({ status: 'failed' });
      await services.app.saveSettings({ abusixKey: '' });
      expect(await services.preflight.run({ check })).toMatchObject({ status: 'manual' });
    } finally {
      await rm(userDataDir, { recursive: true, force: true });
    }
  });
  test('Cloudmark has no DNS list: its reset form with the IP', async () => {
    const result = await run({ id: 'cm', kind: 'cloudmark', ip: '198.51.100.23' });
    expect(result).toMatchObject({
      status: 'manual',
      links: [{ url: 'https://csi.cloudmark.com/reset-request/?ip=198.51.100.23' }],
    });
  });
});
