/**
 * Real pastes the engine reads right, each field checked by hand against the text, as a table: one row
 * per incident, in the order the engine gives them (extract-hunt48-wild.test.ts, extract-hunt49-fr-wild).
 * Row: date, sending IPs, sending hosts, sending domain, recipient domain, rejecting host and address,
 * basic and enhanced code, Orange's reason.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import type { Incident } from '../../core/types';

/** What is said of the paste, its file in the folder, and its rows. */
export type FieldCase = [string, string, unknown[][]];

const row = (i: Incident) => [
  i.occurredAt,
  i.sendingIps,
  i.sendingHosts,
  i.sendingDomain,
  i.recipientDomain,
  i.remoteHost,
  i.remoteIp,
  i.reply?.code ?? null,
  i.reply?.enhanced ?? null,
  i.orange?.reason ?? null,
];

/** One test per case, reading `test/fixtures/extract/<folder>/<file>` with a fixed "now". */
export function fieldTable(title: string, folder: string, now: string, cases: readonly FieldCase[]): void {
  const options = { now: new Date(now) };
  const fixture = (name: string) =>
    readFileSync(fileURLToPath(new URL(`../fixtures/extract/${folder}/${name}`, import.meta.url)), 'utf8');
  describe(title, () => {
    for (const [what, name, expected] of cases) {
      it(what, async () => {
        const { incidents } = await extract(fixture(name), options);
        expect(incidents.map(row)).toEqual(expected);
      });
    }
  });
}
