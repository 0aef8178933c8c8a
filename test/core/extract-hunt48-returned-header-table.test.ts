/**
 * The returned message's header table a webmail shows below a notice, copied from the browser (Roundcube's
 * rows, label and value joined by a tab): its sender's domain is the sending domain
 * (test/fixtures/extract/hunt48/SOURCES.md, hestiacp/hestiacp issue 2901).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/hunt48/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-07T12:00:00Z') };

describe("an Exim notice copied from Roundcube with the returned message's table in Spanish", () => {
  it('takes the sending domain from its `De` row, and cites that row', async () => {
    const { incidents } = await extract(
      fixture('derived-hestiacp-2901-exim-outlook-markdown-links.md'),
      options,
    );
    expect(incidents.map((i) => [i.sendingDomain, i.sources.sendingDomain?.line])).toEqual([
      ['ventas.pacal.cl', 13],
    ]);
  });
});

describe("the returned message's table in French", () => {
  const notice = [
    'This is the mail system at host mail.example.net.',
    '',
    "I'm sorry to have to inform you that your message could not",
    "be delivered to one or more recipients. It's attached below.",
    '',
    '                   The mail system',
    '',
    '<jean@orange.fr>: host smtp-in.orange.fr[193.252.22.65] said: 550 5.2.0',
    '    Mail rejete. Mail rejected. OFR_506 [506] (in reply to end of DATA command)',
    '',
    'Objet\tFacture de décembre',
    'De\tFacturation <factures@boutique.example.fr>',
    'À\tjean@orange.fr',
  ];

  it('takes the sending domain from its `De` row', async () => {
    const { incidents } = await extract(notice.join('\n'), options);
    expect(incidents.map((i) => [i.orange?.reason, i.sendingDomain])).toEqual([[506, 'boutique.example.fr']]);
  });

  it("does not take a mail system's row for the sender", async () => {
    const text = notice.join('\n').replace('Facturation <factures@', 'Mail Delivery System <MAILER-DAEMON@');
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => i.sendingDomain)).toEqual([null]);
  });
});
