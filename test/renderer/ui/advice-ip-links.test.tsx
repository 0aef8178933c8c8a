/** The advice card builds no per-IP link from a typed address that is not a public IP, and says why. */
import { fireEvent, screen, within } from '@testing-library/react';
import { fixture, renderApp } from './renderApp';

vi.setConfig({ testTimeout: 30_000 });

describe('advice card links after the IP is edited', () => {
  it('drops the Cloudmark link for a typed private address and explains, in the UI language', async () => {
    const { user } = renderApp();
    // A real sender's address (Google's, from the paste39 fixture) in place of the fixture's documentation one.
    const real = fixture('postfix-dsn-ofr102.eml').replaceAll('203.0.113.25', '209.85.128.52');
    fireEvent.paste(document.body, { clipboardData: { getData: () => real } });
    const card = await screen.findByRole('region', { name: 'Ce que dit Orange' });
    expect(
      within(card)
        .getByRole('link', { name: /Cloudmark/ })
        .getAttribute('href'),
    ).toContain('?ip=209.85.128.52');
    const ip = screen.getByRole('textbox', { name: 'Adresses IP d’envoi 1' });
    await user.clear(ip);
    await user.type(ip, '192.168.1.20');
    const links = within(card).getAllByRole('link');
    expect(links.map((l) => l.getAttribute('href'))).not.toContainEqual(expect.stringContaining('192.168'));
    expect(
      within(card)
        .getByRole('link', { name: /Cloudmark/ })
        .getAttribute('href'),
    ).toBe('https://csi.cloudmark.com/reset-request/');
    expect(card.textContent).toContain('192.168.1.20 est une adresse privée (RFC 1918)');
    expect(card.textContent).toContain('Aucun lien n’est donc construit avec cette adresse.');
    await user.click(screen.getByRole('button', { name: /^EN/ }));
    expect(card.textContent).toContain('So no link is built with this address.');
  });

  it('drops it for a malformed address that would have been read as another one', async () => {
    const { user } = renderApp();
    fireEvent.paste(document.body, { clipboardData: { getData: () => fixture('postfix-dsn-ofr102.eml') } });
    const card = await screen.findByRole('region', { name: 'Ce que dit Orange' });
    const ip = screen.getByRole('textbox', { name: 'Adresses IP d’envoi 1' });
    await user.clear(ip);
    await user.type(ip, '203.0.113');
    expect(
      within(card)
        .getByRole('link', { name: /Cloudmark/ })
        .getAttribute('href'),
    ).toBe('https://csi.cloudmark.com/reset-request/');
    expect(card.textContent).toContain('«\u00a0203.0.113\u00a0» n’est pas une adresse IPv4 ou IPv6 valide.');
  });

  it('builds none with a documentation address read from the paste, and says why in both languages', async () => {
    const { user } = renderApp();
    fireEvent.paste(document.body, { clipboardData: { getData: () => fixture('postfix-dsn-ofr102.eml') } });
    const card = await screen.findByRole('region', { name: 'Ce que dit Orange' });
    expect(
      within(card)
        .getAllByRole('link')
        .map((l) => l.getAttribute('href')),
    ).toEqual(['https://csi.cloudmark.com/reset-request/']);
    expect(card.textContent).toContain(
      '203.0.113.25 est une adresse réservée à la documentation\u00a0: remplacez-la par l’adresse IP d’envoi réelle. Aucun lien n’est donc construit avec cette adresse.',
    );
    await user.click(screen.getByRole('button', { name: /^EN/ }));
    expect(card.textContent).toContain(
      '203.0.113.25 is a documentation address: replace it with the real sending IP address. So no link is built with this address.',
    );
  });
});
