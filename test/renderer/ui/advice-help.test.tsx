/** The advice card's next step and links, the help panel and its shortcuts, the views. */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { fixture, renderApp } from './renderApp';

vi.setConfig({ testTimeout: 30_000 });

const paste = (text: string) => fireEvent.paste(document.body, { clipboardData: { getData: () => text } });

describe('advice card', () => {
  it('states the next step prominently and opens its links in the system browser', async () => {
    const { user, calls } = renderApp();
    // The fixture's sending IP is a documentation address, which gets no per-IP link: a real sender's
    // address (Google's, from the paste39 fixture) stands in for it.
    paste(fixture('postfix-dsn-ofr102.eml').replaceAll('203.0.113.25', '209.85.128.52'));
    const card = await screen.findByRole('region', { name: 'Ce que dit Orange' });
    expect(within(card).getByText('Demandez d’abord le retrait de la liste de blocage')).toBeTruthy();
    expect(within(card).getByText('Inutile d’écrire à Orange pour l’instant.')).toBeTruthy();
    const link = within(card).getByRole('link', { name: /Cloudmark/ });
    await user.click(link);
    expect(calls.opened).toEqual([link.getAttribute('href')]);
    expect(calls.opened[0]).toMatch(/^https:\/\/.*cloudmark.*209\.85\.128\.52/);
    expect(await screen.findByText('Ouvert dans le navigateur')).toBeTruthy();
  });

  it('says to wait, not to write, for a 999 suspension', async () => {
    renderApp();
    paste(
      '421 opmta1mti39nd1 smtp.orange.fr Kq1xw7MoQfspR Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR_999 [999]',
    );
    const card = await screen.findByRole('region', { name: 'Ce que dit Orange' });
    expect(
      within(card).getByText('Patientez et réessayez : n’écrivez pas encore', {
        normalizer: (s) => s.replace(/\s+/g, ' '),
      }),
    ).toBeTruthy();
  });

  it('says to write to the abuse desk for a 506 and offers Orange’s postmaster page', async () => {
    const { user, calls } = renderApp();
    paste('550 5.2.0 opmta1mti33nd1 smtp.orange.fr Uq8xw2MoQfspR Mail rejete. Mail rejected. ofr_506 [506]');
    const card = await screen.findByRole('region', { name: 'Ce que dit Orange' });
    expect(within(card).getByText('Écrivez au service abuse d’Orange')).toBeTruthy();
    await user.click(screen.getByRole('link', { name: /Ouvrir la page postmaster d’Orange/ }));
    expect(calls.opened).toContain('https://postmaster.orange.fr/');
  });
});

describe('help, views and commands', () => {
  it('opens the help with F1, lists every shortcut, and closes with Escape back to where focus was', async () => {
    const { user } = renderApp();
    const newButton = screen.getByRole('button', { name: 'Nouvel incident' });
    newButton.focus();
    fireEvent.keyDown(window, { key: 'F1' });
    const dialog = await screen.findByRole('dialog', { name: 'Aide et raccourcis' });
    for (const label of [
      'Copier le message pour Orange',
      'Nouvel incident',
      'Rechercher dans l’historique',
      'Ouvrir un fichier',
    ]) {
      expect(within(dialog).getByText(label)).toBeTruthy();
    }
    expect(within(dialog).getAllByText('Ctrl').length).toBeGreaterThanOrEqual(4);
    expect(document.activeElement?.textContent).toBe('Fermer l’aide');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(newButton);
  });

  it('opens the help from the menu and switches the language from the menu', async () => {
    const { emit, calls } = renderApp();
    await screen.findByRole('heading', { name: 'Commencez par coller un rejet' });
    act(() => emit('menuCommand', { command: 'show-help' }));
    expect(await screen.findByRole('dialog')).toBeTruthy();
    act(() => emit('menuCommand', { command: 'toggle-language' }));
    expect(await screen.findByRole('dialog', { name: 'Help and shortcuts' })).toBeTruthy();
    expect(calls.savedSettings).toContainEqual({ uiLang: 'en' });
  });

  it('moves between views with the tabs and the arrow keys; focus-search goes to the history', async () => {
    const { user, emit } = renderApp();
    const incidentTab = screen.getByRole('tab', { name: 'Incident' });
    expect(incidentTab.getAttribute('aria-selected')).toBe('true');
    incidentTab.focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Historique' }).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Historique' }));
    await user.click(screen.getByRole('tab', { name: 'Incident' }));
    act(() => emit('menuCommand', { command: 'focus-search' }));
    expect(screen.getByRole('tab', { name: 'Historique' }).getAttribute('aria-selected')).toBe('true');
  });

  it('ignores unknown menu commands', async () => {
    const { emit } = renderApp();
    // The type forbids it, but a message from another process is only data: it must be ignored.
    act(() => emit('menuCommand', { command: 'format-disk' as never }));
    expect(screen.getByRole('tab', { name: 'Incident' }).getAttribute('aria-selected')).toBe('true');
  });
});
