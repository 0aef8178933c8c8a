/**
 * firstMatchingLine tests the joined lines once before testing them one by one: the line loop must
 * still decide (a match across a line break is no line's), and the readers using it must still read
 * the line when a bounce has one (Gmail's `rejected by the server for the recipient domain ... by
 * host [IP]`, Postfix's `This is the mail system at host ...`).
 */
import { extract } from '../../../core/extract';
import { firstMatchingLine } from '../../../core/extract/first-matching-line';
import { fixtureText } from './fixtures';

describe('firstMatchingLine', () => {
  const lines = ['Reporting-MTA: dns; mta1.example.com', 'Final-Recipient: rfc822;', ' bob@example.org', 'x'];

  it('gives the first line the pattern matches', () => {
    expect(firstMatchingLine(lines, /rfc822;/i)).toBe(1);
    expect(firstMatchingLine(lines, /example/)).toBe(0);
  });

  it('gives -1 when only the joined text matches (across a line break)', () => {
    expect(firstMatchingLine(lines, /rfc822;\s+bob@/)).toBe(-1);
  });

  it('reads only the first `count` lines and lines of at least `minLength` characters', () => {
    expect(firstMatchingLine(lines, /bob@/, 2)).toBe(-1);
    expect(firstMatchingLine(lines, /bob@/, 3)).toBe(2);
    expect(firstMatchingLine(lines, /x/, 4, 2)).toBe(0);
    expect(firstMatchingLine(['x', 'y'], /x/, 2, 2)).toBe(-1);
  });

  it('gives -1 for no lines', () => {
    expect(firstMatchingLine([], /x/)).toBe(-1);
  });
});

describe('readers scanning the body for one line', () => {
  it("reads the remote from Gmail's rejected-by line when no DSN names it", async () => {
    const text = fixtureText('line-scans/gmail-rejected-by.eml');
    const [incident] = (await extract(text)).incidents;
    expect(incident?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident?.remoteIp).toBe('193.252.22.65');
    expect(incident?.sources.remoteHost?.line).toBe(16);
  });

  it("reads the sending host from Postfix's 'This is the mail system at host' line", async () => {
    const text = fixtureText('line-scans/postfix-system-host.eml');
    const [incident] = (await extract(text)).incidents;
    expect(incident?.sendingHosts).toEqual(['mta1.example.com']);
    expect(incident?.sources.sendingHosts?.line).toBe(11);
  });
});
