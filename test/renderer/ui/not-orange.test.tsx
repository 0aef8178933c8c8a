/**
 * A refusal that is not Orange's (Gmail's here): the advice's headline names the provider that refused,
 * the message panel says plainly that Orange's abuse desk cannot help, in both languages, the message's
 * text does not put the refusal on Orange, and Orange's postmaster page is not offered.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fireEvent, screen, within } from '@testing-library/react';
import { renderApp } from './renderApp';

vi.setConfig({ testTimeout: 30_000 });

const gmail = readFileSync(
  join(process.cwd(), 'test/fixtures/extract/audit10/gmail-5726-spf-domain.txt'),
  'utf8',
);

describe('another provider’s refusal', () => {
  it('is said to be Google’s, not for Orange’s desk, with a text that does not accuse Orange', async () => {
    const { user } = renderApp();
    fireEvent.paste(document.body, { clipboardData: { getData: () => gmail } });
    const card = await screen.findByRole('region', { name: 'Ce que dit la réponse' });
    expect(within(card).getByText('Refus de Google (Gmail), pas d’Orange')).toBeTruthy();
    expect(card.textContent).toContain('Le service abuse d’Orange ne peut rien pour ce refus.');
    expect(card.textContent).not.toContain('Code inconnu');
    const ticket = screen.getByRole('region', { name: 'Message sur ce refus' });
    const notice = within(ticket).getByRole('note', { name: 'Pas pour le service abuse d’Orange' });
    expect(notice.textContent).toContain('Ce refus vient de Google (Gmail), pas d’Orange\u00a0:');
    // Said once: the notice is not repeated among the warnings under it.
    expect(ticket.textContent?.split('Ce refus vient de Google').length).toBe(2);
    const text = ticket.querySelector('.ticket-text')?.textContent ?? '';
    expect(text).toContain('Nos messages ont été refusés avec la réponse reproduite ci-dessous.');
    expect(text).not.toMatch(/Orange|Wanadoo|Votre serveur/);
    expect(within(ticket).queryByRole('link', { name: /postmaster/ })).toBeNull();

    await user.click(screen.getByRole('button', { name: /^EN/ }));
    const cardEn = screen.getByRole('region', { name: 'What the reply says' });
    expect(within(cardEn).getByText('Refused by Google (Gmail), not by Orange')).toBeTruthy();
    const ticketEn = screen.getByRole('region', { name: 'Message about this refusal' });
    expect(within(ticketEn).getByRole('note', { name: 'Not for Orange’s abuse desk' }).textContent).toContain(
      'This rejection comes from Google (Gmail), not from Orange:',
    );
  });

  it('keeps Orange’s own words for Orange’s refusal', async () => {
    renderApp();
    const orange = readFileSync(join(process.cwd(), 'test/fixtures/ui/postfix-dsn-ofr102.eml'), 'latin1');
    fireEvent.paste(document.body, { clipboardData: { getData: () => orange } });
    await screen.findByRole('region', { name: 'Ce que dit Orange' });
    const ticket = screen.getByRole('region', { name: 'Message pour Orange' });
    expect(within(ticket).queryByRole('note')).toBeNull();
    expect(within(ticket).getByRole('link', { name: /Ouvrir la page postmaster d’Orange/ })).toBeTruthy();
  });
});
