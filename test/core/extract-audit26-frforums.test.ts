/**
 * French pastes: the sender's own provider's submission server refusing
 * (test/fixtures/extract/audit26/SOURCES-frforums.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { advise } from '../../core/orange/advice';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit26/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };
const FREE = 'nextcloud-31919-free-relay-spam-detected.log';

describe("the sender's own provider's submission server", () => {
  it("calls Free's smtp.free.fr on port 587 the sender's own relay", async () => {
    const { incidents } = await extract(fixture(FREE), options);
    expect(incidents.map((i) => [i.remoteHost, i.reply.code, i.recipientDomain])).toEqual([
      ['smtp.free.fr', 550, 'gmail.com'],
    ]);
    expect(incidents.map((i) => advise(i).nextStep)).toEqual(['not-an-abuse-desk-case']);
  });

  it.each([
    [
      'another relay reached on port 465',
      (t: string) => t.replaceAll('smtp.free.fr', 'relay.example.net').replaceAll(':587', ':465'),
    ],
    ["Free's submission server reached on port 25", (t: string) => t.replaceAll(':587', ':25')],
  ])('does so for %s', async (_what, variant) => {
    const { incidents } = await extract(variant(fixture(FREE)), options);
    expect(incidents.map((i) => advise(i).nextStep)).toEqual(['not-an-abuse-desk-case']);
  });

  it("leaves a recipient's MX reached on port 25 to the usual advice", async () => {
    const text = fixture(FREE).replaceAll('smtp.free.fr', 'mx1.free.fr').replaceAll(':587', ':25');
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => advise(i).nextStep)).toEqual(['unknown']);
  });
});
