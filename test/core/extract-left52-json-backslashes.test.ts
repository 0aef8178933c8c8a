/**
 * A JSON event whose reply holds backslashes before `[`, `_`, `(` (test/fixtures/extract/left52/SOURCES.md):
 * the paste's Markdown escapes are no JSON escapes, so the reply is the string JSON decodes and the cited
 * line is the line as pasted.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/left52/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-07T12:00:00Z') };

describe('a JSON string with backslashes before Markdown marks', () => {
  it('gives the reply as JSON decodes it, and cites its line as pasted', async () => {
    const text = fixture('derived-mailgun-reply-backslashes.json');
    const { incidents } = await extract(text, options);
    const decoded = JSON.parse(text)['event-data']['delivery-status'].message as string;
    expect(incidents.map((i) => i.reply.text)).toEqual([`550 ${decoded}`]);
    expect(decoded).toContain(String.raw`\[ADV\]`);
    const line = text.split('\n').findIndex((l) => l.includes('header_checks')) + 1;
    expect(incidents[0]?.sources.reply).toEqual({ line, text: text.split('\n')[line - 1] });
  });

  it('still undoes a Markdown escape outside JSON', async () => {
    const { incidents } = await extract(
      String.raw`host mail.example.com\[192.0.2.10\] said: 550 5.1.1 \<jean@example.com\>: User unknown \(in reply to RCPT TO command\)`,
      options,
    );
    expect(incidents[0]?.remoteIp).toBe('192.0.2.10');
  });
});
