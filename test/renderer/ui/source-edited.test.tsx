/** The source line highlighted for a field follows its value: gone once the value is edited, back with it. */
import { fireEvent, screen } from '@testing-library/react';
import { fixture, renderApp } from './renderApp';

vi.setConfig({ testTimeout: 30_000 });

const highlighted = () => document.querySelector('.source-row.is-highlighted');
const marked = () => document.querySelector('.source-row.is-highlighted mark')?.textContent;

describe('highlight of an edited field', () => {
  it('clears the line pointed at for a field once its value is typed over, and points again at the read value', async () => {
    const { user } = renderApp();
    fireEvent.paste(document.body, { clipboardData: { getData: () => fixture('postfix-dsn-ofr102.eml') } });
    const ip = (await screen.findByRole('textbox', { name: 'Adresses IP d’envoi 1' })) as HTMLInputElement;
    await user.click(ip);
    // Read from Orange's reply, folded over lines 51-53 of the bounce.
    const line = highlighted()?.getAttribute('data-line');
    expect(line).toBe('51');
    await user.clear(ip);
    await user.type(ip, '198.51.100.7');
    expect(document.getElementById('f-ips-src')?.textContent).toBe('Saisi à la main');
    // The reply still says 203.0.113.25, not what the field now shows: nothing is pointed at.
    expect(highlighted()).toBeNull();
    await user.clear(ip);
    await user.type(ip, '203.0.113.25');
    expect(highlighted()?.getAttribute('data-line')).toBe(line);
  });

  it('leaves the line another field pointed at alone when an unfocused field changes', async () => {
    const { user } = renderApp();
    fireEvent.paste(document.body, { clipboardData: { getData: () => fixture('postfix-dsn-ofr102.eml') } });
    const domain = (await screen.findByRole('textbox', { name: /Domaine d’envoi/ })) as HTMLInputElement;
    await user.click(domain);
    await user.clear(domain);
    await user.type(domain, 'boutique.example.fr');
    expect(highlighted()).toBeNull();
    await user.hover(screen.getByRole('textbox', { name: 'Nom de l’hôte' }));
    expect(marked()).toBe('smtp-in.orange.fr');
    // Undoing every edit changes the domain's value too; the host's line stays pointed at.
    await user.click(screen.getByRole('button', { name: 'Revenir aux valeurs lues' }));
    expect(marked()).toBe('smtp-in.orange.fr');
  });
});
