/**
 * Another provider's refusal (Gmail's, logged by Postfix): the rejecting host and its IP address are
 * Gmail's, as the advice card already says, so their checks do not warn that they are not Orange's, in
 * either language. Orange's refusal keeps those warnings when the host typed in is not Orange's.
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
const verdictOf = (id: string) => document.getElementById(`${id}-msg`)?.textContent;

describe('rejecting host of another provider’s refusal', () => {
  it('is not said to be outside Orange’s servers and networks', async () => {
    const { user } = renderApp();
    paste(gmail);
    const card = await screen.findByRole('region', { name: 'Ce que dit la réponse' });
    expect(within(card).getByText('Refus de Google (Gmail), pas d’Orange')).toBeTruthy();
    const fields = screen.getByRole('region', { name: 'Champs du ticket' });
    const remote = within(fields).getByRole('group', { name: 'Hôte qui a refusé' });
    expect((within(remote).getByLabelText('Nom de l’hôte') as HTMLInputElement).value).toBe(
      'gmail-smtp-in.l.google.com',
    );
    expect((within(remote).getByLabelText('Adresse IP de l’hôte') as HTMLInputElement).value).toBe(
      '142.250.27.27',
    );
    expect(verdictOf('f-rhost')).toBe('✓ Valide.');
    expect(verdictOf('f-rip')).toBe('✓ Valide.');
    expect(remote.textContent).not.toContain('Orange');

    await user.click(screen.getByRole('button', { name: /^EN/ }));
    const remoteEn = within(screen.getByRole('region', { name: 'Ticket fields' })).getByRole('group', {
      name: 'Rejecting host',
    });
    expect(verdictOf('f-rhost')).toBe('✓ Valid.');
    expect(verdictOf('f-rip')).toBe('✓ Valid.');
    expect(remoteEn.textContent).not.toContain('Orange');
  });

  it('keeps Orange’s warnings for Orange’s refusal when another host is typed in', async () => {
    const { user } = renderApp();
    // Orange's documented 550 as Postfix logs it (derived from the line above: relay and reply Orange's).
    paste(
      'Sep 12 10:09:42 misp postfix/smtp[3137]: 91FE61053F6: to=<jean.dupont@orange.fr>, relay=smtp-in.orange.fr[193.252.22.65]:25, delay=0.4, dsn=5.0.0, status=bounced (host smtp-in.orange.fr[193.252.22.65] said: 550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=198.51.100.23 [102] (in reply to end of DATA command))\n',
    );
    await screen.findByRole('region', { name: 'Ce que dit Orange' });
    expect(verdictOf('f-rhost')).toBe('✓ Valide.');
    const host = screen.getByLabelText('Nom de l’hôte');
    await user.clear(host);
    await user.type(host, 'mx.example.net');
    const ip = screen.getByLabelText('Adresse IP de l’hôte');
    await user.clear(ip);
    await user.type(ip, '198.51.100.80');
    expect(verdictOf('f-rhost')).toBe('⚠ «\u00a0mx.example.net\u00a0» n’est pas un serveur d’Orange connu.');
    expect(verdictOf('f-rip')).toContain('vérifiez qu’il s’agit bien du serveur d’Orange.');
  });
});
