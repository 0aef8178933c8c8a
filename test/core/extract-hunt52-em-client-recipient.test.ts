/**
 * eM Client's log names the refused recipient in its own sentence above the reply it quotes (`Recipient
 * address 'b@y' not accepted due to the following reason:`), the line starting with the sending account and
 * the reply naming another address: a Stalwart user's paste (test/fixtures/extract/hunt52/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/hunt52/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-07T12:00:00Z') };

describe("eM Client's refused recipient", () => {
  it('takes the recipient eM Client names, not the address the reply names', async () => {
    const { incidents } = await extract(
      fixture('stalwart-386-em-client-log-430-lookup-failure.txt'),
      options,
    );
    expect(
      incidents.map((i) => [i.recipientDomain, i.sources.recipientDomain?.line, i.reply?.enhanced]),
    ).toEqual([['zeusit.lt', 2, '4.3.0']]);
  });
});

describe("eM Client's sending account", () => {
  const line = (account: string) =>
    `22:30:26 ${account} SMTP Sending messages: Recipient address 'jean@wanadoo.fr' not accepted due to the following reason: \n             "550 5.7.1 Service refuse. Veuillez essayer plus tard. OFR_506 [506]\n         "`;

  it("gives the sending domain from the account's address that starts the line, cited there", async () => {
    const { incidents } = await extract(
      fixture('stalwart-386-em-client-log-430-lookup-failure.txt'),
      options,
    );
    expect(incidents.map((i) => [i.sendingDomain, i.sources.sendingDomain?.line])).toEqual([
      ['zeusman.lt', 2],
    ]);
  });

  it('gives none for an account the user named otherwise', async () => {
    const { incidents } = await extract(line('Boutique'), options);
    expect(incidents.map((i) => [i.sendingDomain, i.recipientDomain])).toEqual([[null, 'wanadoo.fr']]);
    const named = await extract(line('news@example.com'), options);
    expect(named.incidents.map((i) => [i.sendingDomain, i.recipientDomain])).toEqual([
      ['example.com', 'wanadoo.fr'],
    ]);
  });
});
