/**
 * Thunderbird's send error in German (`Der Mail-Server antwortete:` ... `Bitte überprüfen Sie die
 * E-Mail-Adresse des Empfängers "x" und wiederholen Sie den Vorgang.`), as a user pasted it
 * (test/fixtures/extract/hunt48/SOURCES.md, modoboa/modoboa-installer issue 352).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/hunt48/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-07T12:00:00Z') };

describe("Thunderbird's German send error", () => {
  it("gives the server's reply without Thunderbird's sentence under it", async () => {
    const { incidents } = await extract(fixture('modoboa-installer-352-thunderbird-de.md'), options);
    expect(incidents.map((i) => i.reply)).toEqual([
      {
        code: 451,
        enhanced: '4.3.5',
        text: '451 4.3.5 <empfänger email>: Recipient address rejected: Server configuration problem',
      },
    ]);
  });

  it('reads a reply Thunderbird gave without its basic code after `Der Mail-Server antwortete:`', async () => {
    const text = [
      'Fehler beim Senden der Nachricht: Der Mail-Server antwortete:',
      '5.7.1 <jean@orange.fr>: Relay access denied.',
      ' Bitte überprüfen Sie die E-Mail-Adresse des Empfängers "jean@orange.fr" und wiederholen Sie den Vorgang.',
    ].join('\n');
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => [i.reply?.enhanced, i.reply?.text])).toEqual([
      ['5.7.1', '5.7.1 <jean@orange.fr>: Relay access denied'],
    ]);
  });

  it('reads a reply with no code at all after `Der Mail-Server antwortete:` as a refusal', async () => {
    const { incidents, warnings } = await extract(
      fixture('derived-thunderbird-de-webde-no-code.txt'),
      options,
    );
    expect(incidents.map((i) => i.reply)).toEqual([
      {
        code: null,
        enhanced: null,
        text: 'Requested action not taken: mailbox unavailable invalid DNS MX or A/AAAA resource record',
      },
    ]);
    expect(incidents[0]?.recipientDomain).toBe('obbligato.org');
    expect(warnings.map((w) => w.code)).toContain('missing.replyCode');
  });
});
