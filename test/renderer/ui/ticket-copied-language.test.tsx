/**
 * « Copié » alone did not say which text went to the clipboard, the French one (for Orange's form) or the
 * English one (for the records): the confirmation, on the button and in the notice, names the language
 * of the text copied, by the button, by Ctrl+Enter, for the subject, in both interface languages.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fixture, renderApp } from './renderApp';

vi.setConfig({ testTimeout: 30_000 });

const pasteAnywhere = (text: string) =>
  fireEvent.paste(document.body, { clipboardData: { getData: () => text } });
/** The texts of the notices shown (the status region under the app). */
const notices = () => [...document.querySelectorAll('.notices .notice')].map((n) => n.textContent);

describe('the copy confirmation names the language of the text copied', () => {
  it('says « le message en français » or « en anglais », and "the French/English message" in English', async () => {
    const { user, calls } = renderApp();
    pasteAnywhere(fixture('postfix-dsn-ofr102.eml'));
    const ticket = await screen.findByRole('region', { name: 'Message pour Orange' });

    await user.click(within(ticket).getByRole('button', { name: 'Copier le message' }));
    await waitFor(() => expect(calls.copied.at(-1)).toMatch(/^Bonjour/));
    expect(
      within(ticket).getByRole('button', {
        name: '✓ Copié dans le presse-papiers\u00a0: le message en français',
      }),
    ).toBeTruthy();
    expect(notices()).toContain('Copié dans le presse-papiers\u00a0: le message en français');

    await user.click(within(ticket).getByRole('button', { name: 'Copier l’objet' }));
    expect(notices()).toContain('Copié dans le presse-papiers\u00a0: l’objet en français');

    await user.click(screen.getByRole('tab', { name: 'Anglais (pour vos archives)' }));
    // The button still says what it copied, the French text, though the English tab is now shown.
    expect(
      within(ticket).getByRole('button', {
        name: '✓ Copié dans le presse-papiers\u00a0: le message en français',
      }),
    ).toBeTruthy();
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(calls.copied.at(-1)).toMatch(/^Hello/));
    expect(notices()).toContain('Copié dans le presse-papiers\u00a0: le message en anglais');

    await user.click(screen.getByRole('button', { name: /^EN/ }));
    const ticketEn = screen.getByRole('region', { name: 'Message for Orange' });
    const copyAll = await within(ticketEn).findByRole(
      'button',
      { name: 'Copy the message' },
      { timeout: 4000 },
    );
    await user.click(copyAll);
    expect(
      within(ticketEn).getByRole('button', { name: '✓ Copied to the clipboard: the English message' }),
    ).toBeTruthy();
    await user.click(screen.getByRole('tab', { name: 'French (to send)' }));
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(notices()).toContain('Copied to the clipboard: the French message'));
  });
});
