import { describe, expect, it } from 'vitest';
import { extract } from '../../../core/extract';
import { withoutTrailingSpaces } from '../../../core/extract/trailing-spaces';

describe('withoutTrailingSpaces', () => {
  it('removes spaces and tabs at line ends, whatever the line ends, and keeps the lines', () => {
    expect(withoutTrailingSpaces('a  \nb\t\r\nc \rd  ')).toBe('a\nb\r\nc\rd');
    expect(withoutTrailingSpaces('a b\n  c')).toBe('a b\n  c');
  });

  it('stays linear on a long run of spaces that no line end follows', () => {
    const hostile = `${' '.repeat(500_000)}x \n`;
    expect(withoutTrailingSpaces(hostile)).toBe(`${' '.repeat(500_000)}x\n`);
  });
});

describe('a paste with spaces at its line ends (a terminal pads its rows)', () => {
  it('joins a wrapped log record whose cut line ends with spaces', async () => {
    const { incidents } = await extract(
      [
        '> Apr 14 17:22:57 tilapia postfix/smtp[19383]: 8F27A27954:   ',
        '> to=<jean.dupont@orange.fr>, relay=smtp-in.orange.fr[193.252.22.65],  ',
        '> delay=0, status=bounced (host smtp-in.orange.fr[193.252.22.65]  ',
        '> said: 550 5.7.1 Service refuse. OFR006_103 [103] (in reply to RCPT TO command))',
      ].join('\n'),
      { now: new Date('2026-11-30T00:00:00Z') },
    );
    expect(incidents[0]?.occurredAt).toBe('2026-04-14T17:22:57+00:00');
    expect(incidents[0]?.sendingHosts).toEqual(['tilapia']);
  });
});
