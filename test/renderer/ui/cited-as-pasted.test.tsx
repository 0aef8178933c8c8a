/**
 * A field's source line is cited as the user pasted it: the engine reads a cleaned copy (curly quotes
 * made straight, no-break spaces made plain) and cited that copy's line, so Outlook's German
 * `Der Remoteserver hat „554 …` read as `hat "554 …`. The pasted line is shown where it matches the
 * cited one exactly; elsewhere the cited text stays.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fireEvent, screen } from '@testing-library/react';
import { citedAsPasted } from '../../../renderer/src/source/citedAsPasted';
import { indexLines } from '../../../renderer/src/source/lineIndex';
import { renderApp } from './renderApp';

vi.setConfig({ testTimeout: 30_000 });

const extractFixture = (path: string) =>
  readFileSync(join(process.cwd(), 'test/fixtures/extract', path), 'utf8');

const cite = (pasted: string, cited: string) => citedAsPasted(pasted, indexLines(pasted), 1, cited);

describe('a source line cited as pasted', () => {
  it('shows Outlook’s German „…“ quotes in the reply’s citation, as pasted', async () => {
    renderApp();
    const pasted = extractFixture('hunt43/outlook-de-remoteserver-hat.txt');
    fireEvent.paste(document.body, { clipboardData: { getData: () => pasted } });
    await screen.findByRole('region', { name: 'Ce que dit Orange' });
    const badges = screen.getAllByRole('button', { name: 'Lu ligne 9' });
    expect(badges.length).toBeGreaterThan(0);
    for (const badge of badges)
      expect(badge.getAttribute('title')).toBe(
        '            Der Remoteserver hat „554 5.0.0 <smtp-in.orange.fr #5.0.0 smtp; 550 5.7.1 Service refuse. Veuillez',
      );
  });

  it('shows French no-break spaces and curly apostrophes of an Office 365 notice as pasted', async () => {
    renderApp();
    const pasted = extractFixture('hunt43/office365-fr-heure-creation-hops.txt');
    fireEvent.paste(document.body, { clipboardData: { getData: () => pasted } });
    await screen.findByRole('region', { name: 'Ce que dit Orange' });
    const line17 = pasted.split('\n')[16] ?? '';
    expect(line17).toContain('\u00a0:');
    expect(screen.getByRole('button', { name: 'Lu ligne 17' }).getAttribute('title')).toBe(line17.trimEnd());
  });

  it('maps only one-for-one replacements, the start a cleaning took off aside', () => {
    expect(cite('stat=“550 5.7.1 refused”', 'stat="550 5.7.1 refused"')).toBe('stat=“550 5.7.1 refused”');
    // A list or quote mark taken off the start: the cited part of the pasted line.
    expect(cite('> Réponse du serveur\u00a0: ‘550 …’', "Réponse du serveur : '550 …'")).toBe(
      'Réponse du serveur\u00a0: ‘550 …’',
    );
    // A long line cited from its start, cut with an ellipsis.
    expect(cite('2026–12–04 10:21:42 ** jean@orange.fr R=dnslookup', '2026-12-04 10:21…')).toBe(
      '2026–12–04 10:21…',
    );
    // Not one for one (a run of spaces made one, another character): the cited text stays.
    expect(cite('550  5.7.1 “refused”', '550 5.7.1 "refused"')).toBe('550 5.7.1 "refused"');
    expect(cite('550 5.7.1 «refused»', '550 5.7.1 "refused"')).toBe('550 5.7.1 "refused"');
    expect(cite('something else entirely', '550 5.7.1 "refused"')).toBe('550 5.7.1 "refused"');
  });
});
