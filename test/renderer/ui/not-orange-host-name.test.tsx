/**
 * Another provider's refusal (Gmail's, logged by Postfix under the syslog short name `misp`): the host
 * name's check and the note on the short name say what any receiving server expects, not what Orange
 * expects, in both languages; and the "not Orange's" alert is not repeated under the advice card, whose
 * headline already names the provider. Orange's own refusal keeps Orange's words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fireEvent, screen, within } from '@testing-library/react';
import { renderApp } from './renderApp';

vi.setConfig({ testTimeout: 30_000 });

const read = (path: string) => readFileSync(join(process.cwd(), path), 'utf8');
// A real line: MISP issue #9284 (test/fixtures/extract/audit11/SOURCES.md).
const gmail = read('test/fixtures/extract/audit11/postfix-gmail-5726-spf-check-for.log');

const paste = (text: string) => fireEvent.paste(document.body, { clipboardData: { getData: () => text } });

describe('host name of another provider’s refusal', () => {
  it('is checked without naming Orange, and the alert is said once', async () => {
    const { user } = renderApp();
    paste(gmail);
    const card = await screen.findByRole('region', { name: 'Ce que dit la réponse' });
    expect(within(card).getByText('Refus de Google (Gmail), pas d’Orange')).toBeTruthy();
    const fields = screen.getByRole('region', { name: 'Champs du ticket' });
    expect(fields.textContent).toContain(
      'n’est pas un nom complet (FQDN)\u00a0: les serveurs de réception attendent un nom comme',
    );
    expect(fields.textContent).toContain(
      'son nom court\u00a0: les serveurs de réception vérifient le nom complet, celui que donnent le PTR',
    );
    expect(document.body.textContent).not.toContain('Orange attend');
    // The advice card says whose refusal it is: no alert under it says it again.
    expect(screen.queryByText(/^Ce rejet ne semble pas venir d’Orange/)).toBeNull();

    await user.click(screen.getByRole('button', { name: /^EN/ }));
    const fieldsEn = screen.getByRole('region', { name: 'Ticket fields' });
    expect(fieldsEn.textContent).toContain(
      '"misp" is not a fully qualified name (FQDN): receiving servers expect a name like "mail.example.com"',
    );
    expect(fieldsEn.textContent).toContain('by its short name: receiving servers check the full name');
    expect(document.body.textContent).not.toContain('Orange expects');
    expect(screen.queryByText(/^This rejection does not seem to come from Orange/)).toBeNull();
  });

  it('keeps Orange’s words for Orange’s refusal of a short host name', async () => {
    renderApp();
    // The same line refused by Orange's server (derived: relay and reply from Orange's documented 550).
    paste(
      'Sep 12 10:09:42 misp postfix/smtp[3137]: 91FE61053F6: to=<jean.dupont@orange.fr>, relay=smtp-in.orange.fr[193.252.22.65]:25, delay=0.4, dsn=5.0.0, status=bounced (host smtp-in.orange.fr[193.252.22.65] said: 550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=198.51.100.23 [102] (in reply to end of DATA command))\n',
    );
    const fields = await screen.findByRole('region', { name: 'Champs du ticket' });
    await screen.findByRole('region', { name: 'Ce que dit Orange' });
    expect(fields.textContent).toContain('Orange attend un nom comme');
    expect(fields.textContent).toContain('son nom court\u00a0: Orange attend le nom complet');
  });
});
