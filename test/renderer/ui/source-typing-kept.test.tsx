/**
 * Text typed into the paste area is read once the typing pauses. Leaving the Incident tab before that
 * pause (a click on History, or the History shortcut) must not throw the last keystrokes away; setting the
 * incident aside (« Nouvel incident ») before it must not bring the typed text back.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { TYPING_DELAY_MS } from '../../../renderer/src/components/SourcePanel';
import { fixture, renderApp } from './renderApp';

vi.setConfig({ testTimeout: 30_000 });

const sourceText = () => document.querySelector('.source-view')?.textContent ?? '';

describe('typing in the pasted text, then leaving the tab at once', () => {
  it('keeps what was typed when the History tab is opened before the typing pause', async () => {
    const { user } = renderApp();
    fireEvent.paste(document.body, { clipboardData: { getData: () => fixture('postfix-orange.log') } });
    await screen.findByRole('textbox', { name: 'Adresses IP d’envoi 1' });
    await user.click(screen.getByRole('button', { name: 'Modifier le texte' }));
    const area = screen.getByRole('textbox', { name: /Rejet, message de non-remise/ }) as HTMLTextAreaElement;
    // A note the postmaster adds at the end, then straight to the history (well within the pause).
    await user.type(area, '{Control>}{End}{/Control}\nNote: relance 2');
    await user.click(screen.getByRole('tab', { name: 'Historique' }));
    await user.click(screen.getByRole('tab', { name: 'Incident' }));
    await waitFor(() => expect(sourceText()).toContain('Note: relance 2'));
  });

  it('does not bring typed text back after « Nouvel incident » is chosen before the typing pause', async () => {
    const { user } = renderApp();
    fireEvent.paste(document.body, { clipboardData: { getData: () => fixture('postfix-orange.log') } });
    await screen.findByRole('textbox', { name: 'Adresses IP d’envoi 1' });
    await user.click(screen.getByRole('button', { name: 'Modifier le texte' }));
    const area = screen.getByRole('textbox', { name: /Rejet, message de non-remise/ });
    await user.type(area, '{Control>}{End}{/Control}\nNote: relance 2');
    await user.click(screen.getByRole('button', { name: 'Nouvel incident' }));
    // Past the pause: the new incident stays blank.
    await new Promise((resolve) => setTimeout(resolve, TYPING_DELAY_MS + 200));
    expect(screen.getByRole('heading', { name: 'Commencez par coller un rejet' })).toBeTruthy();
    expect(sourceText()).toBe('');
  });
});
