/**
 * Release notes pasted beside a bounce (test/fixtures/extract/left56/SOURCES.md): a version then what it
 * changed (`4.2.0 Fixed a crash ...`) is no reply quoted without its basic code, while a real codeless
 * reply (`5.7.1 Client does not have permissions ...`) still is.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/left56/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-07T12:00:00Z') };

describe('release notes pasted in a question', () => {
  it('reads no reply from the version lines, bare or in a Markdown list', async () => {
    const { incidents, warnings } = await extract(fixture('release-notes-paste.txt'), options);
    expect(incidents).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(['input.no-incident']);
  });

  it('reads only the Orange refusal pasted below the release notes', async () => {
    const { incidents } = await extract(fixture('release-notes-and-orange-refusal.txt'), options);
    expect(
      incidents.map((i) => [i.reply.code, i.reply.enhanced, i.orange?.reason, i.sources.reply?.line]),
    ).toEqual([[550, null, 102, 13]]);
  });

  it('still reads a reply quoted without its basic code', async () => {
    const text = 'The server said:\n\n5.7.1 Client does not have permissions to send as this sender\n';
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => [i.reply.code, i.reply.enhanced])).toEqual([[null, '5.7.1']]);
  });
});
