/**
 * « Rien n'a été remplacé » (a blank paste, an empty file) is an error notice that stays 7 s, and at
 * 900 px it covers part of the fields: once text does arrive (a paste, a dropped file, typed text), the
 * notice is untrue and goes at once, while the next incident is read.
 */
import { fireEvent, screen } from '@testing-library/react';
import { fixture, renderApp } from './renderApp';

vi.setConfig({ testTimeout: 30_000 });

const pasteAnywhere = (text: string) =>
  fireEvent.paste(document.body, { clipboardData: { getData: () => text } });
const nothingReplaced = () => screen.queryByText(/rien n’a été remplacé/);

describe('the « rien n’a été remplacé » notice', () => {
  it('goes when a following paste brings text', async () => {
    renderApp();
    pasteAnywhere(' \r\n\t\n');
    expect(await screen.findByText(/Le presse-papiers ne contient pas de texte/)).toBeTruthy();
    pasteAnywhere(fixture('postfix-dsn-ofr102.eml'));
    await screen.findByRole('region', { name: 'Ce que dit Orange' });
    // Well within the notice's own 7 s.
    expect(nothingReplaced()).toBeNull();
  });

  it('goes when a file with text is dropped after an empty one', async () => {
    renderApp();
    const area = screen.getByRole('region', { name: 'Texte collé' });
    fireEvent.drop(area, { dataTransfer: { files: [new File(['\n\n'], 'vide.eml')], getData: () => '' } });
    expect(await screen.findByText(/^«\svide\.eml\s» ne contient pas de texte/)).toBeTruthy();
    fireEvent.drop(area, {
      dataTransfer: {
        files: [new File([fixture('postfix-dsn-ofr102.eml')], 'rejet.eml')],
        getData: () => '',
      },
    });
    await screen.findByRole('region', { name: 'Ce que dit Orange' });
    expect(nothingReplaced()).toBeNull();
  });

  it('goes when text is typed into the empty paste area', async () => {
    const { user } = renderApp();
    pasteAnywhere('');
    expect(await screen.findByText(/Le presse-papiers ne contient pas de texte/)).toBeTruthy();
    const box = screen.getByRole('textbox', { name: /Rejet, message de non-remise/ });
    await user.type(box, '550 5.7.1 blocked');
    await screen.findByRole('region', { name: /Ce que dit/ });
    expect(nothingReplaced()).toBeNull();
  });
});
