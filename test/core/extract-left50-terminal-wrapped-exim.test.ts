/**
 * An Exim mainlog copied from a terminal 157 columns wide, its long lines cut there in the middle of words
 * (`... [74.125.155.27]: 421 A` / `ccess denied`): each cut line is joined to its rest without a space, the
 * reply read whole, and no two log lines are joined (test/fixtures/extract/hunt49fr/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const dir = fileURLToPath(new URL('../fixtures/extract/hunt49fr/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');
const options = { now: new Date('2026-12-07T12:00:00Z') };
const NAME = 'derived-pastebin-ENdUTXAG-exim-fr-gmail-421-terminal-wrapped.log';

describe('an Exim mainlog wrapped by the terminal it was copied from', () => {
  it('gives the whole reply and the recipient of the `==` line, from the lines cut at one width', async () => {
    const text = fixture(NAME);
    // Every line the terminal cut is 157 characters long, the rest on the next line.
    const lengths = text.split('\n').map((line) => line.length);
    expect(lengths.filter((n) => n > 150)).toEqual([157, 157, 157, 157]);
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => [i.reply.text, i.recipientDomain, i.remoteHost, i.remoteIp])).toEqual([
      ['421 Access denied', 'gmail.com', 'alt2.gmail-smtp-in.l.google.com', '74.125.155.27'],
    ]);
    expect(incidents[0]?.sources.reply?.line).toBe(4);
  });
});
