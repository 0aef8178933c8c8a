import { isSpfRecord, parseSpfRecord, SpfSyntaxError } from '../../../core/preflight/spf/parse';

describe('SPF record recognition', () => {
  test.each([
    ['v=spf1 -all', true],
    ['v=spf1', true],
    ['V=SPF1 mx -all', true],
    ['v=spf10 -all', false],
    ['v=spf2.0/pra -all', false],
    ['google-site-verification=abc', false],
    [' v=spf1 -all', false],
  ])('%s → %s', (txt, expected) => {
    expect(isSpfRecord(txt)).toBe(expected);
  });
});

describe('SPF record parsing', () => {
  test('every mechanism, qualifier and CIDR form', () => {
    const record = parseSpfRecord(
      'v=spf1 +a -mx:mail.example.com/24 ~a//64 ?a:h.example.com/28//48 ip4:192.0.2.0/24 ip6:2001:db8::/32 ptr ptr:example.com exists:%{i}.bl.example.com include:_spf.example.net -all redirect=_spf.example.org exp=explain.example.com',
    );
    expect(record.directives.map((d) => [d.qualifier, d.mechanism])).toEqual([
      ['+', { kind: 'a', domainSpec: null, cidr4: 32, cidr6: 128 }],
      ['-', { kind: 'mx', domainSpec: 'mail.example.com', cidr4: 24, cidr6: 128 }],
      ['~', { kind: 'a', domainSpec: null, cidr4: 32, cidr6: 64 }],
      ['?', { kind: 'a', domainSpec: 'h.example.com', cidr4: 28, cidr6: 48 }],
      ['+', { kind: 'ip4', network: '192.0.2.0', cidr: 24 }],
      ['+', { kind: 'ip6', network: '2001:db8::', cidr: 32 }],
      ['+', { kind: 'ptr', domainSpec: null }],
      ['+', { kind: 'ptr', domainSpec: 'example.com' }],
      ['+', { kind: 'exists', domainSpec: '%{i}.bl.example.com' }],
      ['+', { kind: 'include', domainSpec: '_spf.example.net' }],
      ['-', { kind: 'all' }],
    ]);
    expect(record.redirect).toBe('_spf.example.org');
    expect(record.exp).toBe('explain.example.com');
  });

  test('mechanism names are case-insensitive and unknown modifiers are ignored', () => {
    const record = parseSpfRecord(
      'v=spf1 IP4:192.0.2.1 Include:example.net foo=bar moo.cow-far_out=man:dog/cat -ALL',
    );
    expect(record.directives.map((d) => d.mechanism.kind)).toEqual(['ip4', 'include', 'all']);
  });

  test.each([
    ['unknown mechanism', 'v=spf1 foo:bar -all'],
    ['bad IPv4', 'v=spf1 ip4:192.0.2.300 -all'],
    ['IPv4 short form', 'v=spf1 ip4:192.0.2 -all'],
    ['IPv4 in ip6', 'v=spf1 ip6:192.0.2.1 -all'],
    ['CIDR too long', 'v=spf1 ip4:192.0.2.0/33'],
    ['IPv6 CIDR too long', 'v=spf1 ip6:2001:db8::/129'],
    ['CIDR with leading zero', 'v=spf1 a/024'],
    ['empty CIDR', 'v=spf1 ip4:192.0.2.0/'],
    ['include without domain', 'v=spf1 include -all'],
    ['include with empty domain', 'v=spf1 include: -all'],
    ['domain without dot', 'v=spf1 a:localhost -all'],
    ['numeric top label', 'v=spf1 a:host.123 -all'],
    ['bad macro', 'v=spf1 exists:%{z}.example.com -all'],
    ['two redirects', 'v=spf1 redirect=a.example.com redirect=b.example.com'],
    ['two exp', 'v=spf1 exp=a.example.com exp=b.example.com -all'],
    ['all with argument', 'v=spf1 all:example.com'],
    ['stray text', 'v=spf1 -all ,'],
  ])('%s is a syntax error', (_, record) => {
    expect(() => parseSpfRecord(record)).toThrow(SpfSyntaxError);
  });
});
