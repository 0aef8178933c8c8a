/**
 * Opening a saved incident from the History tab (from the keyboard): the list's Open button goes with the
 * tab, so focus moves to the top of the opened incident, the heading of its advice, and not to the page.
 */
import { configure, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../../renderer/src/App';
import { coreEngine } from '../../../renderer/src/engine/engine';
import { inlineRunner } from '../../../renderer/src/engine/runner';
import { orangeIncident, saveInput } from '../../main/history/helpers';
import { createHistoryApi } from '../history/historyApi';
import { createFakeApi } from './fakeApi';

configure({ asyncUtilTimeout: 8_000 });
vi.setConfig({ testTimeout: 30_000 });

describe('an incident opened from the history', () => {
  it('takes keyboard focus to the opened incident’s advice heading', async () => {
    const history = await createHistoryApi();
    try {
      await history.api.save(saveInput({ incident: orangeIncident({ sendingIps: ['203.0.113.7'] }) }));
      const api = { ...createFakeApi().api, history: history.api };
      const user = userEvent.setup();
      render(<App services={{ api, engine: coreEngine, runner: inlineRunner(coreEngine) }} />);
      await user.click(screen.getByRole('tab', { name: 'Historique' }));
      const open = await screen.findByRole('button', { name: 'Ouvrir (203.0.113.7)' });
      open.focus();
      await user.keyboard('{Enter}');
      const heading = await screen.findByRole('heading', { name: 'Ce que dit Orange' });
      expect(screen.getByRole('tab', { name: 'Incident' }).getAttribute('aria-selected')).toBe('true');
      await waitFor(() => expect(document.activeElement).toBe(heading));
    } finally {
      await history.cleanup();
    }
  });
});
