/**
 * Exchange Online's lead (`smtp-in.orange.fr a rejeté votre message ...`) is read in a notice quoted with
 * `> ` marks, also where nothing took the marks off before (a reply attached to a forward:
 * test/fixtures/extract/left48/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const dir = fileURLToPath(new URL('../fixtures/extract/left48/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');
const options = { now: new Date('2026-12-07T12:00:00Z') };

describe('Exchange Online’s lead quoted in a reply', () => {
  it('names the rejecting host of a reply attached to a forward, cited from the quoted lead', async () => {
    const { incidents } = await extract(fixture('forward-attached-reply-quoting-exchange-lead.eml'), options);
    expect(incidents.map((i) => [i.orange?.reason, i.recipientDomain, i.remoteHost])).toEqual([
      [506, 'wanadoo.fr', 'smtp-in.orange.fr'],
    ]);
    expect(incidents[0]?.sources.remoteHost).toEqual({
      line: 39,
      text: '> smtp-in.orange.fr a rejeté votre message pour les adresses de messagerie suivantes :',
    });
  });
});
