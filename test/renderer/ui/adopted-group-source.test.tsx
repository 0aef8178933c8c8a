/**
 * After « Utiliser ce groupe » the fields said « Lu ligne 2 » of a log the Incident tab does not hold: the
 * source panel was an empty paste area, and the badge pointed at nothing. The panel now shows the lines the
 * fields cite, with their numbers in the log and its name, and a badge highlights its line there.
 */
import { screen, waitFor, within } from '@testing-library/react';
import type { ScanWorkerLike } from '../../../renderer/src/logs/protocol';
import { FakeWorker, scanFixture, stats } from '../logs/fake-scan';
import { renderApp } from './renderApp';

vi.setConfig({ testTimeout: 30_000 });

// The scan worker answers at once with the summary of the fixture log (jsdom has no Worker).
vi.mock('../../../renderer/src/logs/worker-factory', () => ({
  createScanWorker(): ScanWorkerLike {
    const worker = new FakeWorker();
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (message) => {
      post(message);
      if (message.type !== 'scan') return;
      const { summary, counts, formats, warnings } = scanFixture('mail.log');
      setTimeout(() => worker.emit({ type: 'done', summary, stats: stats(), counts, formats, warnings }));
    };
    return worker;
  },
}));

describe('an incident made from a large log’s group', () => {
  it('shows the log lines its fields cite, and a field’s badge highlights its line', async () => {
    const { user } = renderApp();
    await user.click(screen.getByRole('tab', { name: 'Journaux volumineux' }));
    await user.upload(screen.getByLabelText('Choisir un journal'), new File(['x\n'], 'mail.log'));
    // The first of the two 102 groups of 203.0.113.7: lines 1 and 2 of the log.
    const [first] = await screen.findAllByRole('button', {
      name: 'Utiliser ce groupe (203.0.113.7, motif 102)',
    });
    await user.click(first as HTMLElement);

    const source = await screen.findByRole('region', { name: 'Texte collé' });
    const list = within(source).getByRole('list', {
      name: 'Lignes de mail.log citées par les champs\u00a0: le journal lui-même n’est pas chargé ici.',
    });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.map((row) => row.querySelector('.source-number')?.textContent)).toEqual([
      'ligne 1',
      'ligne 2',
    ]);
    expect(rows[0]?.textContent).toContain('from=<news@example.com>');
    expect(rows[1]?.textContent).toContain('OFR006_102');
    expect(within(source).queryByRole('textbox')).toBeNull();

    const badge = screen.getAllByRole('button', { name: 'Lu ligne 1' })[0] as HTMLElement;
    await user.click(badge);
    await waitFor(() => expect(list.querySelector('.is-highlighted')?.getAttribute('data-line')).toBe('1'));
    expect(list.querySelector('.is-highlighted mark')?.textContent).toBe('example.com');
  });
});
