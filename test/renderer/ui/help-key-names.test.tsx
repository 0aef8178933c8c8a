/** The help's shortcut table names the keys as the user's keyboard and manuals do, in each language. */
import { fireEvent, screen, within } from '@testing-library/react';
import { renderApp } from './renderApp';

vi.setConfig({ testTimeout: 30_000 });

function shortcutKeys(dialog: HTMLElement, label: string): string[] {
  const row = within(dialog).getByText(label).closest('tr') as HTMLElement;
  return Array.from(row.querySelectorAll('kbd'), (kbd) => kbd.textContent ?? '');
}

describe('help shortcut key names', () => {
  it('says « Entrée » for the Enter key in French (the key is labelled so on French keyboards)', async () => {
    renderApp();
    await screen.findByRole('heading', { name: 'Commencez par coller un rejet' });
    fireEvent.keyDown(window, { key: 'F1' });
    const dialog = await screen.findByRole('dialog', { name: 'Aide et raccourcis' });
    expect(shortcutKeys(dialog, 'Copier le message pour Orange')).toEqual(['Ctrl', 'Entrée']);
    expect(shortcutKeys(dialog, 'Nouvel incident')).toEqual(['Ctrl', 'N']);
    expect(within(dialog).queryByText('Enter')).toBeNull();
  });

  it('says "Enter" in English', async () => {
    renderApp({ settings: { uiLang: 'en' } });
    fireEvent.keyDown(window, { key: 'F1' });
    const dialog = await screen.findByRole('dialog', { name: 'Help and shortcuts' });
    expect(shortcutKeys(dialog, 'Copy the message for Orange')).toEqual(['Ctrl', 'Enter']);
  });
});
