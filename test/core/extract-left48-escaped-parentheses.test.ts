/**
 * Markdown's escaped parentheses (`\(in reply to RCPT TO command\)`), as HTML-to-Markdown converters write
 * them, are read as parentheses (test/fixtures/extract/left48/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const dir = fileURLToPath(new URL('../fixtures/extract/left48/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');
const options = { now: new Date('2026-12-07T12:00:00Z') };

describe('escaped parentheses', () => {
  it('leave no backslash at the end of the reply Postfix’s note follows', async () => {
    const { incidents } = await extract(fixture('kb-article-escaped-parentheses-416-derived.md'), options);
    expect(incidents.map((i) => [i.reply.text, i.orange?.reason, i.remoteHost, i.remoteIp])).toEqual([
      [
        '550 5.1.1 hnbpoTFYusAjD Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416]',
        416,
        'smtp-in.orange.fr',
        '193.252.22.65',
      ],
    ]);
  });
});
