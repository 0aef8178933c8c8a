/**
 * The 999's advice ran to one paragraph of ten sentences: what the code means, what to do, how long to
 * wait, the earlier error that triggered it (a whole log line) and what to do about that one. The advice
 * card now shows one paragraph per step, in French and in English.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fireEvent, screen, within } from '@testing-library/react';
import { renderApp } from './renderApp';

vi.setConfig({ testTimeout: 30_000 });

const log = () =>
  readFileSync(
    join(process.cwd(), 'test/fixtures/extract/audit18/postfix-102-then-999-same-host.log'),
    'latin1',
  );
const pasteAnywhere = (text: string) =>
  fireEvent.paste(document.body, { clipboardData: { getData: () => text } });
/** The advice card's paragraphs under the next step, each cut to its first words. */
const steps = (card: HTMLElement, words = 6) =>
  [...card.querySelectorAll('.advice-summary p')].map((p) =>
    (p.textContent ?? '').split(' ').slice(0, words).join(' '),
  );

describe('the 999 advice, step by step', () => {
  it('shows what it means, what to do, how long, its trigger and what to do about it apart', async () => {
    const { user } = renderApp();
    pasteAnywhere(log());
    const list = await screen.findByRole('list', { name: 'Incidents trouvés' });
    await user.click(within(list).getAllByRole('button')[1] as HTMLElement);
    const card = screen.getByRole('region', { name: 'Ce que dit Orange' });
    expect(steps(card)).toEqual([
      'Adresse IP suspendue temporairement (code 999).',
      'Interrompez les envois depuis cette adresse',
      'Délai\u00a0: 2 heures sans envoi, puis',
      'Erreur antérieure qui a probablement déclenché',
      'Pour cette erreur\u00a0: adresse IP bloquée',
      'Corrigez la cause, puis déposez une',
    ]);
    expect(card.querySelectorAll('.advice-summary p')[3]?.textContent).toMatch(
      /^Erreur antérieure qui a probablement déclenché la suspension \(ligne 2, .*\u00a0: «\u00a0Mar 4 09:12:08 mx1 postfix/,
    );

    await user.click(screen.getByRole('button', { name: /^EN/ }));
    const cardEn = screen.getByRole('region', { name: 'What Orange says' });
    expect(steps(cardEn, 5)).toEqual([
      'IP temporarily suspended (code 999).',
      'Pause sending from this IP,',
      'How long: 2 hours without',
      'Earlier error that most likely',
      'For that error: IP blocked',
      'Fix the cause, then file',
    ]);
  });
});
