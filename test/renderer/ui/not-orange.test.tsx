/**
 * A refusal that is not Orange's (Gmail's here): the advice's headline names the provider that refused,
 * the message panel says plainly that Orange's abuse desk cannot help, in both languages, the message's
 * text does not put the refusal on Orange, and Orange's postmaster page is not offered. The Fields panel
 * names the reply, its token and its server neutrally, and does not say Orange asks for a missing item.
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

  it('labels the Fields panel neutrally, in both languages', async () => {
    const { user } = renderApp();
    fireEvent.paste(document.body, { clipboardData: { getData: () => gmail } });
    const fields = await screen.findByRole('region', { name: 'Champs du ticket' });
    expect(within(fields).getByRole('group', { name: 'Réponse du serveur' })).toBeTruthy();
    expect((within(fields).getByLabelText('Jeton de la réponse') as HTMLInputElement).value).toBe('');
    expect(within(fields).getByLabelText('Serveur indiqué')).toBeTruthy();
    // Gmail's refusal gives no date nor sending host: both missing, without Orange asking for them.
    expect(fields.textContent).toContain(
      'Élément obligatoire manquant\u00a0: date et heure de l’incident. Tout signalement d’un refus en a besoin.',
    );
    expect(fields.textContent).toContain('Élément obligatoire manquant\u00a0: nom(s) d’hôte d’envoi.');
    expect(within(fields).queryByRole('group', { name: 'Réponse d’Orange' })).toBeNull();
    expect(within(fields).queryByLabelText(/Jeton Orange|Serveur Orange/)).toBeNull();
    expect(fields.textContent).not.toContain('Orange le demande');

    await user.click(screen.getByRole('button', { name: /^EN/ }));
    const fieldsEn = screen.getByRole('region', { name: 'Ticket fields' });
    expect(within(fieldsEn).getByRole('group', { name: 'Server’s reply' })).toBeTruthy();
    expect(within(fieldsEn).getByLabelText('Token in the reply')).toBeTruthy();
    expect(within(fieldsEn).getByLabelText('Server in the reply')).toBeTruthy();
    expect(fieldsEn.textContent).toContain(
      'Required item missing: sending host name(s). Any report of a refusal needs it.',
    );
    expect(within(fieldsEn).queryByRole('group', { name: 'Orange’s reply' })).toBeNull();
    expect(within(fieldsEn).queryByLabelText(/Orange token|Orange server/)).toBeNull();
    expect(fieldsEn.textContent).not.toContain('Orange asks');
  });

  it('keeps Orange’s own words for Orange’s refusal', async () => {
    renderApp();
    const orange = readFileSync(join(process.cwd(), 'test/fixtures/ui/postfix-dsn-ofr102.eml'), 'latin1');
    fireEvent.paste(document.body, { clipboardData: { getData: () => orange } });
    await screen.findByRole('region', { name: 'Ce que dit Orange' });
    const fields = screen.getByRole('region', { name: 'Champs du ticket' });
    expect(within(fields).getByRole('group', { name: 'Réponse d’Orange' })).toBeTruthy();
    expect((within(fields).getByLabelText('Jeton Orange') as HTMLInputElement).value).toBe('OFR006_102');
    expect(within(fields).getByLabelText('Serveur Orange')).toBeTruthy();
    expect(fields.textContent).not.toMatch(
      /Réponse du serveur|Jeton de la réponse|Tout signalement d’un refus/,
    );
    const ticket = screen.getByRole('region', { name: 'Message pour Orange' });
    expect(within(ticket).queryByRole('note')).toBeNull();
    expect(within(ticket).getByRole('link', { name: /Ouvrir la page postmaster d’Orange/ })).toBeTruthy();
  });
});
