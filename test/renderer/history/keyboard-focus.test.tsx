/**
 * Keyboard use of the history list: when the button that has focus goes away (a row deleted, Undo used or
 * dismissed, the filters cleared), focus moves to what comes next instead of falling to the page, so a
 * keyboard user does not start again from the window's first control.
 */
import { configure, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HistoryView } from '../../../renderer/src/history';
import { orangeIncident, saveInput } from '../../main/history/helpers';
import { createHistoryApi } from './historyApi';

configure({ asyncUtilTimeout: 8_000 });
vi.setConfig({ testTimeout: 30_000 });

type Harness = Awaited<ReturnType<typeof createHistoryApi>>;

const rows = () => document.querySelectorAll('.history-table tbody tr').length;

async function setup(h: Harness) {
  await h.api.save(saveInput({ incident: orangeIncident({ sendingIps: ['203.0.113.7'] }) }));
  await h.api.save(saveInput({ incident: orangeIncident({ sendingIps: ['198.51.100.20'] }) }));
  const user = userEvent.setup();
  render(<HistoryView api={h.api} lang="fr" onOpen={() => {}} onExport={() => {}} />);
  await waitFor(() => expect(rows()).toBe(2));
  return user;
}

describe('history list: keyboard focus', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHistoryApi();
  });
  afterEach(() => h.cleanup());

  it('goes to Undo once a row is deleted from the keyboard, then to the search box after Undo', async () => {
    const user = await setup(h);
    screen.getByRole('button', { name: 'Supprimer (203.0.113.7)' }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(rows()).toBe(1));
    const undo = screen.getByRole('button', { name: 'Annuler' });
    expect(document.activeElement).toBe(undo);

    await user.keyboard('{Enter}');
    await waitFor(() => expect(rows()).toBe(2));
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Rechercher' }));
  });

  it('goes to the search box when the undo offer is dismissed', async () => {
    const user = await setup(h);
    screen.getByRole('button', { name: 'Supprimer (198.51.100.20)' }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Annuler' })));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Fermer' }));
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('button', { name: 'Annuler' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Rechercher' }));
  });

  it('goes to the search box when the filters are cleared (their button goes with them)', async () => {
    const user = await setup(h);
    await user.selectOptions(screen.getByLabelText('Motif Orange'), '102');
    const clear = screen.getByRole('button', { name: 'Effacer les filtres' });
    clear.focus();
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('button', { name: 'Effacer les filtres' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Rechercher' }));
  });
});
