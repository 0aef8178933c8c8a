// `grep --color=always orange /var/log/mail.log > out.log` summarised as extract reads it: GNU grep's
// colour and erase-in-line sequences (around every match, inside the queue id, the recipient and the relay)
// removed, also when a chunk ends inside one.
import { readFileSync } from 'node:fs';
import { extract } from '../../../core/extract';
import { createColourStripper } from '../../../core/summary/colour-strip';
import { sharedFields, streamed } from './streamed';

const coloured = readFileSync(
  new URL('../../fixtures/extract/paste38/grep-color-always.log', import.meta.url),
  'utf8',
);
const options = { now: new Date('2026-12-07T03:00:00Z') };

describe('a Postfix log saved from grep --color=always', () => {
  it.each([1, 5, 64, 4096])('gives the summary what extract finds (chunks of %i)', async (size) => {
    const pasted = (await extract(coloured, options)).incidents.filter((i) => i.isOrange);
    expect(pasted.length).toBeGreaterThan(0);
    const { seen } = streamed(coloured, size, options);
    expect(seen.filter((i) => i.isOrange).map(sharedFields)).toEqual(pasted.map(sharedFields));
    expect(seen[0]?.remoteIp).toBe('193.252.22.65');
  });

  it('keeps a sequence cut by a chunk end for the next chunk, and an escape the input ends on', () => {
    const stripper = createColourStripper();
    const out = [
      stripper.strip('to=<client@\x1b[01;'),
      stripper.strip('31m\x1b[Korange\x1b[m\x1b'),
      stripper.strip('[K.fr>\x1b'),
      stripper.flush(),
    ];
    expect(out).toEqual(['to=<client@', 'orange', '.fr>', '\x1b']);
  });
});
