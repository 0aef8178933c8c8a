/**
 * The main flow in jsdom against the fake API and the real core: paste → fields → edit → validation →
 * ticket → copy → save; plus language, settings and the empty and error states.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fixture, renderApp } from './renderApp';

function pasteAnywhere(text: string) {
  fireEvent.paste(document.body, {
    clipboardData: { getData: (type: string) => (type === 'text/plain' ? text : '') },
  });
}

const ticketText = () => document.querySelector('.ticket-text')?.textContent ?? '';
/** The ticket's line listing the sending IPs (the verbatim reply may quote an IP too). */
const ipLine = () => /^Adresses? IP d'envoi\s?: (.*)$/m.exec(ticketText())?.[1] ?? '';

// Typing re-renders the whole app at each key; jsdom is slow at that, a real window is not.
vi.setConfig({ testTimeout: 30_000 });

describe('from a pasted bounce to a copied ticket', () => {
  it('fills the fields as soon as text is pasted anywhere, without a button', async () => {
    renderApp();
    await screen.findByRole('heading', { name: 'Commencez par coller un rejet' });
    pasteAnywhere(fixture('postfix-dsn-ofr102.eml'));
    const ip = await screen.findByRole('textbox', { name: 'Adresses IP d’envoi 1' });
    expect((ip as HTMLInputElement).value).toBe('203.0.113.25');
    expect((screen.getByRole('textbox', { name: /Domaine d’envoi/ }) as HTMLInputElement).value).toBe(
      'example.com',
    );
    expect((screen.getByRole('textbox', { name: /Date et heure/ }) as HTMLInputElement).value).toBe(
      '2026-11-17T09:42:17+01:00',
    );
    expect(document.querySelector('.field-note')?.textContent).toBe(
      'mardi 17 novembre 2026 à 09:42:17 (UTC+01:00)',
    );
    expect(screen.getByText('72 lignes · 2,9 ko')).toBeTruthy();
  });

  it('checks an edited IP as the user types and rewrites the ticket live', async () => {
    const { user } = renderApp();
    pasteAnywhere(fixture('postfix-dsn-ofr102.eml'));
    const ip = (await screen.findByRole('textbox', { name: 'Adresses IP d’envoi 1' })) as HTMLInputElement;
    expect(ticketText()).toContain('203.0.113.25');

    await user.clear(ip);
    await user.type(ip, '192.168.1.20');
    const message = document.getElementById(ip.getAttribute('aria-describedby') ?? '');
    expect(message?.textContent).toMatch(/privée|private/i);
    expect(ipLine()).toBe('192.168.1.20');

    await user.clear(ip);
    await user.type(ip, '300.1.2.3');
    expect(ip.getAttribute('aria-invalid')).toBe('true');
  });

  it('adds and removes sending IPs and host names', async () => {
    const { user } = renderApp();
    pasteAnywhere(fixture('postfix-dsn-ofr102.eml'));
    await screen.findByRole('textbox', { name: 'Adresses IP d’envoi 1' });
    await user.type(screen.getByRole('textbox', { name: 'Nouvelle adresse IP' }), '198.51.100.7{Enter}');
    expect((screen.getByRole('textbox', { name: 'Adresses IP d’envoi 2' }) as HTMLInputElement).value).toBe(
      '198.51.100.7',
    );
    expect(ipLine()).toMatch(/203\.0\.113\.25.*198\.51\.100\.7/);
    await user.click(screen.getByRole('button', { name: 'Retirer 203.0.113.25' }));
    expect(screen.queryByRole('textbox', { name: 'Adresses IP d’envoi 2' })).toBeNull();
    expect(ipLine()).toBe('198.51.100.7');
    await user.click(screen.getByRole('button', { name: 'Retirer mta1.example.com' }));
    expect(screen.getByText('Aucune valeur : ajoutez-en une.')).toBeTruthy();
    expect(screen.getAllByText(/Élément obligatoire manquant : nom\(s\) d’hôte/).length).toBeGreaterThan(0);
  });

  it('copies the whole message and each item through the API, with visible confirmation', async () => {
    const { user, calls } = renderApp();
    pasteAnywhere(fixture('postfix-dsn-ofr102.eml'));
    await screen.findByRole('textbox', { name: 'Adresses IP d’envoi 1' });
    await user.click(screen.getByRole('button', { name: 'Copier le message' }));
    expect(calls.copied).toEqual([ticketText()]);
    expect(calls.copied[0]).toContain('Bonjour');
    expect(screen.getAllByText(/Copié dans le presse-papiers/).length).toBeGreaterThan(0);

    await user.click(screen.getByText('Éléments un par un'));
    await user.click(screen.getByRole('button', { name: /^Copier\s: IP d’envoi$/ }));
    expect(calls.copied.at(-1)).toBe('203.0.113.25');
  });

  it('copies the ticket with Ctrl+Enter and from the menu command', async () => {
    const { calls, emit } = renderApp();
    pasteAnywhere(fixture('postfix-dsn-ofr102.eml'));
    await screen.findByRole('textbox', { name: 'Adresses IP d’envoi 1' });
    fireEvent.keyDown(window, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(calls.copied).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 450));
    act(() => emit('menuCommand', { command: 'copy-ticket' }));
    await waitFor(() => expect(calls.copied).toHaveLength(2));
  });

  it('shows the English ticket in its tab, remembers the choice, and keeps the UI language apart', async () => {
    const { user, calls } = renderApp();
    pasteAnywhere(fixture('postfix-dsn-ofr102.eml'));
    await screen.findByRole('textbox', { name: 'Adresses IP d’envoi 1' });
    await user.click(screen.getByRole('tab', { name: 'Anglais (pour vos archives)' }));
    expect(ticketText()).toMatch(/^Hello/);
    expect(calls.savedSettings).toContainEqual({ ticketLang: 'en' });
    expect(screen.getByRole('heading', { name: 'Message pour Orange' })).toBeTruthy();
  });

  it('switches the interface to English and remembers it', async () => {
    const { user, calls } = renderApp();
    await user.click(await screen.findByRole('button', { name: /EN English/ }));
    expect(await screen.findByRole('heading', { name: 'Start by pasting a rejection' })).toBeTruthy();
    expect(calls.savedSettings).toContainEqual({ uiLang: 'en' });
    expect(document.documentElement.lang).toBe('en');
  });

  it('starts in the remembered language with the remembered context in the ticket', async () => {
    renderApp({
      settings: { uiLang: 'en', ticketContext: { company: 'Exemple SAS', dailyVolume: '20 000' } },
    });
    pasteAnywhere(fixture('postfix-dsn-ofr102.eml'));
    await screen.findByRole('textbox', { name: 'Sending IP addresses 1' });
    expect(ticketText()).toContain('Exemple SAS');
  });

  it('saves context fields after a pause in typing and puts them in the ticket', async () => {
    const { user, calls } = renderApp();
    pasteAnywhere(fixture('postfix-dsn-ofr102.eml'));
    await screen.findByRole('textbox', { name: 'Adresses IP d’envoi 1' });
    await user.click(screen.getByText('Contexte (facultatif, mémorisé)'));
    await user.type(screen.getByRole('textbox', { name: 'Société' }), 'Exemple SAS');
    expect(ticketText()).toContain('Exemple SAS');
    await waitFor(() =>
      expect(calls.savedSettings).toContainEqual({ ticketContext: { company: 'Exemple SAS' } }),
    );
    expect(calls.savedSettings.filter((s) => 'ticketContext' in s).length).toBeLessThan(3);
  });

  it('saves the incident with its advice, both tickets and the pasted text', async () => {
    const { user, calls } = renderApp();
    pasteAnywhere(fixture('postfix-dsn-ofr102.eml'));
    await screen.findByRole('textbox', { name: 'Adresses IP d’envoi 1' });
    await user.click(screen.getByRole('button', { name: 'Enregistrer dans l’historique' }));
    await waitFor(() => expect(calls.saved).toHaveLength(1));
    const saved = calls.saved[0];
    expect(saved?.incident.sendingIps).toEqual(['203.0.113.25']);
    expect(saved?.advice?.nextStep).toBe('delist-elsewhere');
    expect(saved?.ticket.fr.body).toContain('203.0.113.25');
    expect(saved?.ticket.en.subject).not.toBe(saved?.ticket.fr.subject);
    expect(saved?.rawText).toContain('OFR006_102');
    expect(saved?.maskRecipients).toBe(true);
    expect(screen.getAllByText('Incident enregistré dans l’historique').length).toBeGreaterThan(0);

    await user.click(screen.getByRole('button', { name: 'Enregistrer dans l’historique' }));
    await waitFor(() => expect(calls.saved).toHaveLength(2));
    expect(calls.saved[1]?.id).toBe('rec-1');
  });

  it('saves the source line of a value only while it is the value read there', async () => {
    const { user, calls } = renderApp();
    pasteAnywhere(fixture('postfix-dsn-ofr102.eml'));
    const ip = (await screen.findByRole('textbox', { name: 'Adresses IP d’envoi 1' })) as HTMLInputElement;
    await user.clear(ip);
    await user.type(ip, '198.51.100.77');
    await user.click(screen.getByRole('button', { name: 'Enregistrer dans l’historique' }));
    await waitFor(() => expect(calls.saved).toHaveLength(1));
    const saved = calls.saved[0]?.incident;
    expect(saved?.sendingIps).toEqual(['198.51.100.77']);
    // Line 51 names 203.0.113.25: reopened, the typed IP must not claim to have been read there.
    expect(saved?.sources.sendingIps).toBeUndefined();
    expect(saved?.sources.sendingDomain?.line).toBe(43);
    expect(saved?.sources.reply?.line).toBe(51);
  });

  it('keeps recipient addresses when the user unticks masking, and remembers the choice', async () => {
    const { user, calls } = renderApp();
    pasteAnywhere(fixture('postfix-dsn-ofr102.eml'));
    await screen.findByRole('textbox', { name: 'Adresses IP d’envoi 1' });
    const mask = screen.getByRole('checkbox', { name: /Masquer les adresses des destinataires/ });
    expect((mask as HTMLInputElement).checked).toBe(true);
    await user.click(mask);
    await waitFor(() => expect(calls.savedSettings).toContainEqual({ maskRecipients: false }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer dans l’historique' }));
    await waitFor(() => expect(calls.saved).toHaveLength(1));
    expect(calls.saved[0]?.maskRecipients).toBe(false);
  });

  it('says what to do when saving or copying fails', async () => {
    const { user } = renderApp({ saveFails: true, copyFails: true });
    pasteAnywhere(fixture('postfix-dsn-ofr102.eml'));
    await screen.findByRole('textbox', { name: 'Adresses IP d’envoi 1' });
    await user.click(screen.getByRole('button', { name: 'Enregistrer dans l’historique' }));
    expect(await screen.findByText(/L’enregistrement a échoué : disk full\. Copiez le message/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Copier le message' }));
    expect(await screen.findByText(/La copie a échoué : clipboard unavailable/)).toBeTruthy();
  });

  it('explains what to do when nothing is recognised, and allows entering the fields by hand', async () => {
    const { user } = renderApp();
    pasteAnywhere('Bonjour, voici le message que nous avons reçu hier.');
    expect(await screen.findByText(/Aucun rejet reconnu dans ce texte/)).toBeTruthy();
    await user.click(
      screen.getAllByRole('button', { name: 'Saisir les champs à la main' })[0] as HTMLElement,
    );
    expect(screen.getByRole('heading', { name: 'Champs du ticket' })).toBeTruthy();
    expect(ticketText()).toContain('[à compléter');
  });

  it('keeps the incident being edited when blank text is pasted or an empty file dropped, and says so', async () => {
    const { user } = renderApp();
    pasteAnywhere(fixture('postfix-dsn-ofr102.eml'));
    const ip = (await screen.findByRole('textbox', { name: 'Adresses IP d’envoi 1' })) as HTMLInputElement;
    await user.clear(ip);
    await user.type(ip, '198.51.100.77');
    act(() => ip.blur());
    // A clipboard holding a stray line break (or only a picture) reads as blank text.
    pasteAnywhere(' \r\n\t\n');
    expect(
      await screen.findByText(/Le presse-papiers ne contient pas de texte .* rien n’a été remplacé/),
    ).toBeTruthy();
    fireEvent.drop(screen.getByRole('region', { name: 'Texte collé' }), {
      dataTransfer: { files: [new File(['\n\n'], 'vide.eml')], getData: () => '' },
    });
    expect(
      await screen.findByText(/^«\svide\.eml\s» ne contient pas de texte\s: rien n’a été remplacé\.$/),
    ).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Adresses IP d’envoi 1' }) as HTMLInputElement).value).toBe(
      '198.51.100.77',
    );
    expect(ipLine()).toBe('198.51.100.77');
  });

  it('lists several incidents, merged when IP and code repeat, and switches between them', async () => {
    const { user } = renderApp();
    pasteAnywhere(fixture('postfix-orange.log'));
    const list = await screen.findByRole('list', { name: 'Incidents trouvés' });
    const options = within(list).getAllByRole('button');
    expect(options.length).toBeGreaterThanOrEqual(3);
    expect(within(list).getByText('2 occurrences')).toBeTruthy();
    const the506 = options.find((o) => /506/.test(o.textContent ?? ''));
    await user.click(the506 as HTMLElement);
    expect(the506?.getAttribute('aria-pressed')).toBe('true');
    expect(ticketText()).toMatch(/OFR_506|\[506\]/);
  });

  it('tells a screen reader what the reading found, in a live region present before the paste', async () => {
    renderApp();
    await screen.findByRole('heading', { name: 'Commencez par coller un rejet' });
    const status = document.getElementById('extraction-status');
    expect(status?.getAttribute('aria-live')).toBe('polite');
    expect(status?.textContent).toBe('');
    pasteAnywhere(fixture('postfix-dsn-ofr102.eml'));
    await screen.findByRole('textbox', { name: 'Adresses IP d’envoi 1' });
    expect(status?.textContent).toBe('1 incident lu dans le texte\u00a0: les champs sont remplis.');
    pasteAnywhere(
      readFileSync(
        join(process.cwd(), 'test/fixtures/extract/audit18/postfix-102-then-999-same-host.log'),
        'latin1',
      ),
    );
    await screen.findByRole('list', { name: 'Incidents trouvés' });
    expect(document.getElementById('extraction-status')).toBe(status);
    expect(status?.textContent).toMatch(
      /^2 incidents lus dans le texte\u00a0: les champs montrent le premier/,
    );
  });

  it('dates repeats of the same minute once, not as a span from a time to the same time', async () => {
    renderApp();
    // Two recipients refused one second apart, then the 999 suspension half an hour later.
    pasteAnywhere(
      readFileSync(
        join(process.cwd(), 'test/fixtures/extract/audit18/postfix-102-then-999-same-host.log'),
        'latin1',
      ),
    );
    const list = await screen.findByRole('list', { name: 'Incidents trouvés' });
    const [repeated, suspension] = within(list).getAllByRole('button');
    expect(repeated?.textContent).toBe('OFR006_102193.200.42.12604/03/2026 09:122 occurrences');
    expect(suspension?.textContent).toBe('OFR_999193.200.42.12604/03/2026 09:40');
  });

  it('starts a new incident from the menu and from Ctrl+N', async () => {
    const { emit } = renderApp();
    pasteAnywhere(fixture('postfix-dsn-ofr102.eml'));
    await screen.findByRole('textbox', { name: 'Adresses IP d’envoi 1' });
    act(() => emit('menuCommand', { command: 'new-incident' }));
    expect(await screen.findByRole('heading', { name: 'Commencez par coller un rejet' })).toBeTruthy();
    pasteAnywhere(fixture('postfix-dsn-ofr102.eml'));
    await screen.findByRole('textbox', { name: 'Adresses IP d’envoi 1' });
    await new Promise((r) => setTimeout(r, 450));
    fireEvent.keyDown(window, { key: 'n', ctrlKey: true });
    expect(await screen.findByRole('heading', { name: 'Commencez par coller un rejet' })).toBeTruthy();
  });

  it('never renders pasted markup as HTML', async () => {
    renderApp();
    pasteAnywhere(
      '<img src=x onerror="window.__owned=1"><script>window.__owned=2</script>\n550 OFR_506 [506] <b>bold</b>',
    );
    await screen.findByText(/<img src=x onerror=/);
    expect(document.querySelector('img, script, b')).toBeNull();
    expect((window as unknown as { __owned?: number }).__owned).toBeUndefined();
  });
});

describe('remembered settings', () => {
  it('keeps a language chosen before the stored settings arrived', async () => {
    let release: () => void = () => {};
    const settingsGate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { user } = renderApp({ settings: { uiLang: 'fr' }, settingsGate });
    await user.click(screen.getByRole('button', { name: /EN English/ }));
    await act(async () => release());
    expect(await screen.findByRole('heading', { name: 'Start by pasting a rejection' })).toBeTruthy();
  });
});
