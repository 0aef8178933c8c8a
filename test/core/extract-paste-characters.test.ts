/**
 * Characters and layout a copy adds to a paste, which the readers must not see: a byte-order mark, the
 * zero-width spaces a web page hides after every `@`, an editor's curly quotes, the indentation of a
 * forum's code block. Each case reads as the paste without them would.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { withoutCommonIndent } from '../../core/extract/common-indent';
import { withPlainQuotes } from '../../core/extract/smart-quotes';

const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
const NOW = new Date('2026-11-29T10:00:00Z');
const summary = async (text: string) =>
  (await extract(text, { now: NOW })).incidents.map((i) => [
    i.occurredAt,
    i.sendingIps,
    i.sendingDomain,
    i.recipientDomain,
    i.remoteHost,
    i.reply.text,
  ]);

describe('characters a copy adds', () => {
  it('a byte-order mark in front of an mbox does not hide its first `From ` line', async () => {
    const mbox = fixture('extract/mbox-two-bounces.mbox');
    const expected = await summary(mbox);
    expect(expected).toHaveLength(2);
    expect(await summary(`\ufeff${mbox}`)).toEqual(expected);
  });

  it('zero-width spaces after `@` and dots (a web page against auto-links) are removed', async () => {
    const bounce = fixture('extract/postfix-orange-greeting.eml');
    const expected = await summary(bounce);
    expect(await summary(bounce.replace(/@/g, '@\u200b').replace(/\.fr\b/g, '.\u200bfr'))).toEqual(expected);
  });

  it("curly double quotes an editor put in a log or JSON are straightened, the log's refusal read", async () => {
    const log = fixture('logs/real-world/opensmtpd-event-delivery.log');
    const expected = await summary(log);
    expect(expected.length).toBeGreaterThan(0);
    expect(await summary(log.replace(/"([^"\n]*)"/g, '“$1”'))).toEqual(expected);
    const json = fixture('extract/mailgun-failed.json');
    expect(await summary(json.replace(/"([^"\n]*)"/g, '“$1”'))).toEqual(await summary(json));
  });

  it('keeps curly quotes inside values of JSON written with straight ones', () => {
    const json = '{"reason": "550 rejected as “spam” by policy"}';
    expect(withPlainQuotes(json)).toBe(json);
    expect(withPlainQuotes('n’a pas pu être remis')).toBe('n’a pas pu être remis');
  });
});

describe("a paste indented as a whole (a forum's code block)", () => {
  it('reads an indented bounce and an indented log as they were written', async () => {
    const bounce = fixture('extract/postfix-orange-greeting.eml');
    const indent = (text: string, by: string) =>
      text
        .split('\n')
        .map((l) => (l === '' ? l : `${by}${l}`))
        .join('\n');
    const expected = await summary(bounce);
    expect(await summary(indent(bounce, '    '))).toEqual(expected);
    const log = fixture('logs/real-world/opensmtpd-event-delivery.log');
    expect(await summary(indent(log, '\t'))).toEqual(await summary(log));
  });

  it('removes only what every line shares, keeping folded and wrapped lines deeper', () => {
    expect(withoutCommonIndent('    Subject: a\n      folded\n\n    To: b\n')).toBe(
      'Subject: a\n  folded\n\nTo: b\n',
    );
    expect(withoutCommonIndent('Subject: a\n  folded\n')).toBe('Subject: a\n  folded\n');
    expect(withoutCommonIndent('  a\n\tb\n')).toBe('  a\n\tb\n');
  });
});

describe('a bounce quoted with `>` and no space', () => {
  it('keeps the space or tab that folds its headers (only the marks come off)', async () => {
    const bounce = fixture('extract/postfix-orange-greeting.eml');
    const expected = await summary(bounce);
    const quoted = (mark: string) =>
      bounce
        .split('\n')
        .map((l) => `${mark}${l}`)
        .join('\n');
    expect(await summary(quoted('>'))).toEqual(expected);
    expect(await summary(quoted('> '))).toEqual(expected);
    expect(await summary(quoted('> > '))).toEqual(expected);
  });

  it('keeps the date of a notice whose Content-Type is folded with a tab (`>\tcharset=...`)', async () => {
    const notice = [
      'MIME-Version: 1.0',
      'Content-Type: text/plain;',
      '\tcharset="iso-8859-1"',
      'Subject: Delivery Failure',
      'Date: Tue, 12 Nov 2024 16:19:28 -0800',
      'From: <postmaster@example.com>',
      'To: <news@example.com>',
      '',
      'Could not deliver message to the following recipient(s):',
      '',
      'Failed Recipient: claire.petit@orange.fr',
      'Reason: Remote host said: 550 5.7.1 Service refuse. OFR004_103 [103]',
      '',
    ];
    const expected = await summary(notice.join('\n'));
    expect(expected[0]?.[0]).toBe('2024-11-12T16:19:28-08:00');
    expect(await summary(notice.map((l) => `>${l}`).join('\n'))).toEqual(expected);
  });
});
