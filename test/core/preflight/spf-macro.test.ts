/** Macro expansion, with the worked examples of RFC 7208 §7.4 as vectors. */
import ipaddr from 'ipaddr.js';
import { expandDomainSpec, MacroSyntaxError, parseMacroString } from '../../../core/preflight/spf/macro';

const v4 = { sender: 'strong-bad@email.example.com', ip: ipaddr.parse('192.0.2.3'), helo: 'mx.example.org' };
const v6 = { ...v4, ip: ipaddr.parse('2001:db8::cb01') };
const expand = (spec: string, ctx = v4) => expandDomainSpec(spec, ctx, 'email.example.com');

describe('SPF macros (RFC 7208 §7.4 examples)', () => {
  test.each([
    ['%{s}', 'strong-bad@email.example.com'],
    ['%{o}', 'email.example.com'],
    ['%{d}', 'email.example.com'],
    ['%{d4}', 'email.example.com'],
    ['%{d3}', 'email.example.com'],
    ['%{d2}', 'example.com'],
    ['%{d1}', 'com'],
    ['%{dr}', 'com.example.email'],
    ['%{d2r}', 'example.email'],
    ['%{l}', 'strong-bad'],
    ['%{l-}', 'strong.bad'],
    ['%{lr}', 'strong-bad'],
    ['%{lr-}', 'bad.strong'],
    ['%{l1r-}', 'strong'],
    ['%{ir}.%{v}._spf.%{d2}', '3.2.0.192.in-addr._spf.example.com'],
    ['%{lr-}.lp._spf.%{d2}', 'bad.strong.lp._spf.example.com'],
    ['%{lr-}.lp.%{ir}.%{v}._spf.%{d2}', 'bad.strong.lp.3.2.0.192.in-addr._spf.example.com'],
    ['%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}', '3.2.0.192.in-addr.strong.lp._spf.example.com'],
    ['%{d2}.trusted-domains.example.net', 'example.com.trusted-domains.example.net'],
  ])('%s → %s', (spec, expected) => {
    expect(expand(spec)).toBe(expected);
  });

  test('IPv6 %{i} is the dotted nibble form', () => {
    expect(expand('%{ir}.%{v}._spf.%{d2}', v6)).toBe(
      '1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com',
    );
  });

  test('%{h} is the HELO name, %{p} is "unknown" without a look-up, escapes %% %_ %-', () => {
    expect(expand('%{h}')).toBe('mx.example.org');
    expect(expand('%{p}.x.example')).toBe('unknown.x.example');
    expect(expand('a%%b%_c%-d.example')).toBe('a%b c%20d.example');
  });

  test('an upper-case letter URL-escapes its value', () => {
    expect(expand('%{L}.example', { ...v4, sender: 'a b@example.com' })).toBe('a%20b.example');
  });

  test('a sender without local part uses "postmaster"', () => {
    expect(expand('%{l}', { ...v4, sender: 'email.example.com' })).toBe('postmaster');
  });

  test('a name over 253 characters loses labels on the left', () => {
    const long = `${'a'.repeat(60)}.`.repeat(5);
    const result = expand(`${long}%{d}`);
    expect(result.length).toBeLessThanOrEqual(253);
    expect(result.endsWith('.email.example.com')).toBe(true);
  });

  test.each(['%{x}', '%{d0}', '%{c}', '%{r}.example', '%{t}', '%d', '100%', '%{d', '%{d2:}'])(
    'syntax error: %s',
    (spec) => {
      expect(() => parseMacroString(spec)).toThrow(MacroSyntaxError);
    },
  );

  test('c, r and t are allowed in exp= text only', () => {
    expect(() => parseMacroString('%{c} %{r} %{t}'.replace(/ /g, '.'), true)).not.toThrow();
  });
});
