/**
 * The English ticket is for the records: with its tab chosen, « Copier le message » and Ctrl+Enter copy
 * the English text as shown, so a reminder beside the button (and in the button's description) says the
 * French text is the one for Orange's form, in both interface languages. The French tab needs none.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fixture, renderApp } from './renderApp';

vi.setConfig({ testTimeout: 30_000 });

const pasteAnywhere = (text: string) =>
  fireEvent.paste(document.body, { clipboardData: { getData: () => text } });
const reminderFr =
  'Texte anglais, pour vos archives\u00a0: c’est le texte français qu’il faut envoyer au formulaire d’Orange.';
const reminderEn = 'English text, for your records: Orange’s form takes the French text.';
/** The reminder, found by its words (the French one's no-break space checked as written). */
const findReminder = (panel: HTMLElement, words: string) =>
  [...panel.querySelectorAll('p')].find((p) => p.textContent === words) ?? null;

describe('the English ticket tab', () => {
  it('reminds, next to the copy button, that Orange’s form takes the French text', async () => {
    const { user, calls } = renderApp();
    pasteAnywhere(fixture('postfix-dsn-ofr102.eml'));
    const ticket = await screen.findByRole('region', { name: 'Message pour Orange' });
    expect(findReminder(ticket, reminderFr)).toBeNull();

    await user.click(screen.getByRole('tab', { name: 'Anglais (pour vos archives)' }));
    const reminder = findReminder(ticket, reminderFr);
    if (!reminder) throw new Error('no reminder beside the copy button');
    const copyAll = within(ticket).getByRole('button', { name: 'Copier le message' });
    expect(copyAll.getAttribute('aria-describedby')).toBe(reminder.id);
    // Right above the button's row.
    expect(reminder.nextElementSibling?.contains(copyAll)).toBe(true);
    // Ctrl+Enter copies what is shown, the English text, with the reminder on screen.
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(calls.copied.at(-1)).toMatch(/^Hello/));

    await user.click(screen.getByRole('button', { name: /^EN/ }));
    const ticketEn = screen.getByRole('region', { name: 'Message for Orange' });
    expect(findReminder(ticketEn, reminderEn)).toBeTruthy();

    await user.click(screen.getByRole('tab', { name: 'French (to send)' }));
    expect(findReminder(ticketEn, reminderEn)).toBeNull();
    expect(
      within(ticketEn).getByRole('button', { name: 'Copy the message' }).getAttribute('aria-describedby'),
    ).toBeNull();
  });
});
