/**
 * Logs copied from a terminal narrower than their lines: each line cut at the window's width, in the
 * middle of words. They are read as the uncut log is, the cut pieces joined without a space, while a
 * mail client's wrap (between words) is still joined by one. Fixtures: test/fixtures/extract/audit20/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { terminalWidth } from '../../core/extract/terminal-wrap';
import type { Incident } from '../../core/types';

const fixture = (path: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };

/** An incident's values, without where they were read (the cut paste's lines are not the log's). */
function values(incident: Incident) {
  const { sources: _sources, ...rest } = incident;
  return { ...rest, trigger: incident.trigger && { ...incident.trigger, line: 0, text: '' } };
}

describe('logs cut by a terminal', () => {
  it('reads Postfix lines cut at 80 columns (`ME Adr` / `esse IP`, `[10` / `2]`) as the uncut log', async () => {
    const cut = await extract(fixture('extract/audit20/postfix-102-999-terminal-80.log'), options);
    const whole = await extract(fixture('extract/audit18/postfix-102-then-999-same-host.log'), options);
    expect(cut.incidents).toHaveLength(3);
    expect(cut.incidents.map(values)).toEqual(whole.incidents.map(values));
    const [first, , suspension] = cut.incidents;
    expect(first?.reply.text).toBe(
      '550 mwinf5c14 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=193.200.42.126 [102]',
    );
    expect(suspension?.trigger?.reason).toBe(102);
    // Values point at the paste's line where the record starts.
    expect(suspension?.sources.occurredAt?.line).toBe(13);
  });

  it('reads an Exim main log cut at 132 columns as the uncut log', async () => {
    const cut = await extract(fixture('extract/audit20/exim-orange-terminal-132.log'), options);
    const whole = await extract(fixture('logs/exim-orange.log'), options);
    expect(cut.incidents.length).toBeGreaterThanOrEqual(3);
    expect(cut.incidents.map(values)).toEqual(whole.incidents.map(values));
    expect(cut.incidents.map((i) => i.reply.text)).toContain(
      '550 5.2.0 mwinf5c77 ME Mail refuse. Mail rejected. OFR_506 [506]',
    );
  });
});

describe('terminalWidth', () => {
  const never = () => false;

  it('finds the column at which lines were cut mid-word', () => {
    const line = `Nov 30 10:00:01 mta1 postfix/smtp[1234]: 4ABCD1234: to=<jean@orange.fr>, ${'said: 550 refused '.repeat(12)}`;
    const cut = line.match(/.{1,80}/g) ?? [];
    expect(terminalWidth(cut, never)).toBe(80);
  });

  it("does not take a mail client's wrap between words for a terminal's", () => {
    const words =
      'Orange refuse nos messages depuis ce matin avec un code que nous ne comprenons pas du tout '.repeat(6);
    const wrapped: string[] = [];
    let line = '';
    for (const word of words.trim().split(' ')) {
      if (line && line.length + 1 + word.length > 60) {
        wrapped.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    wrapped.push(line);
    expect(terminalWidth(wrapped, never)).toBe(0);
  });

  it('does not take log entries of equal length for the pieces of one line', () => {
    const entry = (n: number) =>
      `2023/09/09 07:28:5${n} error sending message in campaign campaign-name: subscriber 3${n}: 421 Service not available`;
    expect(terminalWidth([entry(1), entry(2), entry(3), entry(4), entry(5)], never)).toBe(0);
  });

  it('needs three cuts: two lines ending at one column may be a word wrap by chance', () => {
    const cut =
      'x'
        .repeat(60)
        .concat(' ', 'y'.repeat(60), ' ', 'z'.repeat(30))
        .match(/.{1,61}/g) ?? [];
    expect(cut).toHaveLength(3);
    expect(terminalWidth(cut, never)).toBe(0);
  });
});
