/**
 * SPF evaluation (RFC 7208) end to end: core evaluator → Node's resolver → a DNS server on 127.0.0.1
 * that serves the zone below. The sending IPs are documentation addresses.
 */
import type { DnsLookup } from '../../../core/preflight/dns';
import { evaluateSpf } from '../../../core/preflight/spf/evaluate';
import { startTestDnsServer, type TestDnsServer, type TestZone } from './dns-server';
import { lookupAt } from './lookup-at';

const IP = '198.51.100.23';
const IP6 = '2001:db8:5::25';

const manyHosts = (prefix: string, count: number): TestZone =>
  Object.fromEntries(
    Array.from({ length: count }, (_, i) => [`${prefix}${i + 1}.example.net`, { A: [`192.0.2.${i + 1}`] }]),
  );
const termsFor = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `a:${prefix}${i + 1}.example.net`).join(' ');

const zone: TestZone = {
  'pass.example': { TXT: ['v=spf1 ip4:198.51.100.0/24 -all'] },
  'fail.example': { TXT: ['v=spf1 ip4:203.0.113.5 -all'] },
  'softfail.example': { TXT: ['v=spf1 ip4:203.0.113.5 ~all'] },
  'neutral.example': { TXT: ['v=spf1 ?all'] },
  'default.example': { TXT: ['v=spf1 ip4:203.0.113.5'] },
  'upper.example': { TXT: ['V=SPF1 IP4:198.51.100.23 -ALL'] },
  'split.example': { TXT: [['v=spf1 ip4:203.0.113.5 ', 'ip4:198.51.100.23 -all']] },
  'other-txt.example': { TXT: ['google-site-verification=abc', 'v=spf10 +all'] },
  'multiple.example': { TXT: ['v=spf1 ip4:198.51.100.23 -all', 'v=spf1 -all'] },
  'syntax.example': { TXT: ['v=spf1 ip4:198.51.100.23 bogus:x.example -all'] },
  'include.example': { TXT: ['v=spf1 include:_spf.provider.example -all'] },
  '_spf.provider.example': { TXT: ['v=spf1 ip4:198.51.100.16/28 ip6:2001:db8:5::/48 -all'] },
  'include-fail.example': { TXT: ['v=spf1 include:fail.example ~all'] },
  'include-none.example': { TXT: ['v=spf1 include:nospf.example -all'] },
  'nospf.example': { TXT: ['just some text'] },
  'include-nx.example': { TXT: ['v=spf1 include:missing.example -all'] },
  'include-servfail.example': { TXT: ['v=spf1 include:broken.example -all'] },
  'broken.example': { rcode: 'SERVFAIL' },
  'include-syntax.example': { TXT: ['v=spf1 include:syntax.example -all'] },
  'redirect.example': { TXT: ['v=spf1 redirect=_spf.provider.example'] },
  'redirect-none.example': { TXT: ['v=spf1 redirect=nospf.example'] },
  'redirect-after-all.example': { TXT: ['v=spf1 -all redirect=_spf.provider.example'] },
  'a.example': { TXT: ['v=spf1 a -all'], A: [IP], AAAA: [IP6] },
  'a-other.example': { TXT: ['v=spf1 a:hosts.example -all'] },
  'a-cidr.example': { TXT: ['v=spf1 a:hosts.example/24 -all'] },
  'a-cidr6.example': { TXT: ['v=spf1 a:hosts.example/32//64 -all'] },
  'hosts.example': { A: ['198.51.100.200'], AAAA: ['2001:db8:5::1'] },
  'mx.example': { TXT: ['v=spf1 mx -all'], MX: [{ priority: 10, exchange: 'mail.mx.example' }] },
  'mail.mx.example': { A: [IP] },
  'mx-cidr.example': { TXT: ['v=spf1 mx:mx-other.example/24 -all'] },
  'mx-other.example': { MX: [{ priority: 10, exchange: 'mail2.mx.example' }] },
  'mail2.mx.example': { A: ['198.51.100.9'] },
  'many-mx.example': {
    TXT: ['v=spf1 mx -all'],
    MX: Array.from({ length: 11 }, (_, i) => ({ priority: i, exchange: `m${i}.many-mx.example` })),
  },
  'ip6.example': { TXT: ['v=spf1 ip6:2001:db8:5::/48 -all'] },
  'ip6-narrow.example': { TXT: ['v=spf1 ip6:2001:db8:5::24/127 ip6:2001:db8:5::26/128 -all'] },
  'exists.example': { TXT: ['v=spf1 exists:%{i}._spf.exists.example -all'] },
  '198.51.100.23._spf.exists.example': { A: ['127.0.0.2'] },
  'macro.example': { TXT: ['v=spf1 exists:%{ir}.%{v}.%{l}.%{o}._m.example exists:%{h}._h.example -all'] },
  'mx1.sender.example._h.example': { A: ['127.0.0.2'] },
  'ptr.example': { TXT: ['v=spf1 ptr -all'] },
  '23.100.51.198.in-addr.arpa': { PTR: ['mail.ptr.example'] },
  'mail.ptr.example': { A: [IP] },
  'ptr-other.example': { TXT: ['v=spf1 ptr:elsewhere.example -all'] },
  'mx6.example': { TXT: ['v=spf1 mx//64 -all'], MX: [{ priority: 5, exchange: 'mail6.mx.example' }] },
  'mail6.mx.example': { AAAA: ['2001:db8:5::1'] },
  'exp.example': { TXT: ['v=spf1 ip4:203.0.113.5 exp=explain.%{d} -all'] },
  'macro-redirect.example': { TXT: ['v=spf1 redirect=_spf.%{d}'] },
  '_spf.macro-redirect.example': { TXT: ['v=spf1 ip4:198.51.100.23 -all'] },
  'mx-timeout.example': { TXT: ['v=spf1 mx -all'], MX: [{ priority: 1, exchange: 'slow.example' }] },
  'loop-a.example': { TXT: ['v=spf1 include:loop-b.example -all'] },
  'loop-b.example': { TXT: ['v=spf1 include:loop-a.example -all'] },
  'ten.example': { TXT: [`v=spf1 ${termsFor('h', 10)} -all`] },
  'eleven.example': { TXT: [`v=spf1 ${termsFor('h', 11)} ip4:${IP} -all`] },
  ...manyHosts('h', 11),
  'void2.example': { TXT: ['v=spf1 a:v1.example a:v2.example ip4:198.51.100.23 -all'] },
  'void3.example': { TXT: ['v=spf1 a:v1.example a:v2.example mx:v3.example ip4:198.51.100.23 -all'] },
  'servfail.example': { rcode: 'SERVFAIL' },
  'a-timeout.example': { TXT: ['v=spf1 a:slow.example -all'] },
  'slow.example': { silent: true },
};

let dns: TestDnsServer;
let lookup: DnsLookup;
beforeAll(async () => {
  dns = await startTestDnsServer(zone);
  lookup = lookupAt(dns);
});
afterAll(() => dns.close());

const spf = (domain: string, ip = IP, helo: string | null = null) =>
  evaluateSpf(lookup, { domain, ip, helo });

describe('SPF results and qualifiers', () => {
  test('ip4 with CIDR passes', async () => {
    const outcome = await spf('pass.example');
    expect(outcome).toMatchObject({
      result: 'pass',
      matched: { term: 'ip4:198.51.100.0/24', domain: 'pass.example' },
    });
    expect(outcome.record).toBe('v=spf1 ip4:198.51.100.0/24 -all');
  });
  test.each([
    ['fail.example', 'fail', '-all'],
    ['softfail.example', 'softfail', '~all'],
    ['neutral.example', 'neutral', '?all'],
  ])('%s → %s through %s', async (domain, result, term) => {
    expect(await spf(domain)).toMatchObject({ result, matched: { term } });
  });
  test('no match and no redirect is neutral by default', async () => {
    expect(await spf('default.example')).toMatchObject({ result: 'neutral', matched: null, problem: null });
  });
  test('record and mechanisms are case-insensitive', async () => {
    expect((await spf('upper.example')).result).toBe('pass');
  });
  test('a record split into several strings is joined', async () => {
    expect((await spf('split.example')).result).toBe('pass');
  });
  test('no SPF among the TXT records, or no such domain, is none', async () => {
    expect(await spf('other-txt.example')).toMatchObject({ result: 'none', problem: { code: 'no-record' } });
    expect(await spf('missing.example')).toMatchObject({ result: 'none', problem: { code: 'no-record' } });
  });
  test('a malformed domain is none without any query', async () => {
    const before = dns.queries.length;
    expect(await spf('nodots')).toMatchObject({ result: 'none', problem: { code: 'invalid-domain' } });
    expect(dns.queries.length).toBe(before);
  });
  test('two SPF records are a permerror', async () => {
    expect(await spf('multiple.example')).toMatchObject({
      result: 'permerror',
      problem: { code: 'multiple-records' },
    });
  });
  test('a syntax error anywhere is a permerror, even after a matching term', async () => {
    expect(await spf('syntax.example')).toMatchObject({ result: 'permerror', problem: { code: 'syntax' } });
  });
});

describe('include and redirect', () => {
  test('include of a passing policy matches', async () => {
    expect(await spf('include.example')).toMatchObject({
      result: 'pass',
      matched: { term: 'include:_spf.provider.example', domain: 'include.example' },
      lookups: 1,
    });
  });
  test('include of a failing policy does not match: evaluation goes on', async () => {
    expect(await spf('include-fail.example')).toMatchObject({
      result: 'softfail',
      matched: { term: '~all' },
    });
  });
  test('include of a domain without SPF, or that does not exist, is a permerror', async () => {
    expect(await spf('include-none.example')).toMatchObject({
      result: 'permerror',
      problem: { code: 'include-without-spf', target: 'nospf.example' },
    });
    expect(await spf('include-nx.example')).toMatchObject({
      result: 'permerror',
      problem: { code: 'include-without-spf', target: 'missing.example' },
    });
  });
  test('include of a permerror is a permerror, of a SERVFAIL a temperror', async () => {
    expect(await spf('include-syntax.example')).toMatchObject({
      result: 'permerror',
      problem: { code: 'syntax', domain: 'syntax.example' },
    });
    expect(await spf('include-servfail.example')).toMatchObject({
      result: 'temperror',
      problem: { code: 'dns', name: 'broken.example', failure: 'servfail' },
    });
  });
  test('redirect hands over the whole evaluation', async () => {
    expect(await spf('redirect.example')).toMatchObject({
      result: 'pass',
      matched: { domain: '_spf.provider.example' },
    });
    expect(await spf('redirect.example', '203.0.113.77')).toMatchObject({
      result: 'fail',
      matched: { term: '-all' },
    });
  });
  test('redirect to a domain without SPF is a permerror', async () => {
    expect(await spf('redirect-none.example')).toMatchObject({
      result: 'permerror',
      problem: { code: 'redirect-without-spf' },
    });
  });
  test('redirect is never reached when "all" is present', async () => {
    expect(await spf('redirect-after-all.example')).toMatchObject({ result: 'fail', lookups: 0 });
  });
  test('an include loop runs into the 10-lookup limit', async () => {
    expect(await spf('loop-a.example')).toMatchObject({
      result: 'permerror',
      problem: { code: 'too-many-lookups' },
      lookups: 11,
    });
  });
});

describe('a, mx, ip6, exists, ptr', () => {
  test('a of the domain itself, for IPv4 and IPv6', async () => {
    expect(await spf('a.example')).toMatchObject({ result: 'pass', matched: { term: 'a' } });
    expect(await spf('a.example', IP6)).toMatchObject({ result: 'pass', matched: { term: 'a' } });
    expect(await spf('a.example', '198.51.100.24')).toMatchObject({ result: 'fail' });
  });
  test('a:domain matches the exact address only without CIDR', async () => {
    expect((await spf('a-other.example')).result).toBe('fail');
    expect((await spf('a-other.example', '198.51.100.200')).result).toBe('pass');
  });
  test('a with /24 widens the IPv4 match; //64 widens the IPv6 match', async () => {
    expect(await spf('a-cidr.example')).toMatchObject({
      result: 'pass',
      matched: { term: 'a:hosts.example/24' },
    });
    expect((await spf('a-cidr6.example')).result).toBe('fail');
    expect((await spf('a-cidr6.example', IP6)).result).toBe('pass');
    expect((await spf('a-cidr6.example', '2001:db8:6::1')).result).toBe('fail');
  });
  test('mx matches an address of an MX host, with CIDR', async () => {
    expect(await spf('mx.example')).toMatchObject({ result: 'pass', matched: { term: 'mx' } });
    expect(await spf('mx-cidr.example')).toMatchObject({
      result: 'pass',
      matched: { term: 'mx:mx-other.example/24' },
    });
    expect((await spf('mx-cidr.example', '198.51.101.1')).result).toBe('fail');
  });
  test('more than 10 MX hosts is a permerror', async () => {
    expect(await spf('many-mx.example')).toMatchObject({
      result: 'permerror',
      problem: { code: 'too-many-mx' },
    });
  });
  test('ip6 with CIDR, and an IPv4 sender never matches ip6', async () => {
    expect((await spf('ip6.example', IP6)).result).toBe('pass');
    expect((await spf('ip6.example', '2001:db8:6::25')).result).toBe('fail');
    expect((await spf('ip6.example', IP)).result).toBe('fail');
    expect((await spf('ip6-narrow.example', '2001:db8:5::25')).result).toBe('pass');
    expect((await spf('ip6-narrow.example', '2001:db8:5::27')).result).toBe('fail');
  });
  test('an IPv4-mapped IPv6 sender is evaluated as IPv4', async () => {
    expect((await spf('pass.example', '::ffff:198.51.100.23')).result).toBe('pass');
  });
  test('exists with the %{i} macro', async () => {
    expect(await spf('exists.example')).toMatchObject({
      result: 'pass',
      matched: { term: 'exists:%{i}._spf.exists.example' },
    });
    expect(await spf('exists.example', '198.51.100.24')).toMatchObject({ result: 'fail', voidLookups: 1 });
  });
  test('macros %{ir} %{v} %{l} %{o} %{h} build the queried names', async () => {
    const outcome = await spf('macro.example', IP, 'mx1.sender.example');
    expect(outcome).toMatchObject({ result: 'pass', matched: { term: 'exists:%{h}._h.example' } });
    expect(dns.queries).toContainEqual({
      name: '23.100.51.198.in-addr.postmaster.macro.example._m.example',
      type: 'A',
    });
  });
  test('ptr:domain does not match a PTR name outside that domain', async () => {
    expect(await spf('ptr-other.example')).toMatchObject({ result: 'fail', matched: { term: '-all' } });
  });
  test('mx with //64 for an IPv6 sender', async () => {
    expect((await spf('mx6.example', IP6)).result).toBe('pass');
    expect((await spf('mx6.example', '2001:db8:6::1')).result).toBe('fail');
  });
  test('exp= is accepted and never changes the result', async () => {
    expect(await spf('exp.example')).toMatchObject({ result: 'fail', problem: null });
  });
  test('redirect with a %{d} macro', async () => {
    expect(await spf('macro-redirect.example')).toMatchObject({
      result: 'pass',
      matched: { domain: '_spf.macro-redirect.example' },
      lookups: 1,
    });
  });
  test('ptr matches a forward-confirmed PTR name under the domain', async () => {
    expect(await spf('ptr.example')).toMatchObject({ result: 'pass', matched: { term: 'ptr' } });
    expect((await spf('ptr.example', '198.51.100.99')).result).toBe('fail');
  });
});

describe('processing limits and DNS failures', () => {
  test('ten lookups are allowed, the eleventh is a permerror', async () => {
    expect(await spf('ten.example')).toMatchObject({ result: 'fail', lookups: 10 });
    expect(await spf('eleven.example')).toMatchObject({
      result: 'permerror',
      problem: { code: 'too-many-lookups' },
    });
  });
  test('two void lookups are allowed, the third is a permerror', async () => {
    expect(await spf('void2.example')).toMatchObject({ result: 'pass', voidLookups: 2 });
    expect(await spf('void3.example')).toMatchObject({
      result: 'permerror',
      problem: { code: 'too-many-void-lookups' },
    });
  });
  test('SERVFAIL on the domain is a temperror', async () => {
    expect(await spf('servfail.example')).toMatchObject({
      result: 'temperror',
      problem: { code: 'dns', failure: 'servfail' },
    });
  });
  test('an MX host whose address never comes is a temperror', async () => {
    expect(await spf('mx-timeout.example')).toMatchObject({
      result: 'temperror',
      problem: { name: 'slow.example' },
    });
  });
  test('a lookup that never gets an answer is a temperror (timeout)', async () => {
    expect(await spf('a-timeout.example')).toMatchObject({
      result: 'temperror',
      problem: { code: 'dns', name: 'slow.example', failure: 'timeout' },
    });
  });
});
