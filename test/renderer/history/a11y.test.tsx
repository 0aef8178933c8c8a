import { configure, render, screen } from '@testing-library/react';
import axe from 'axe-core';
import { HistoryView, RecurrenceHint } from '../../../renderer/src/history';
import { orangeIncident, saveInput } from '../../main/history/helpers';
import { createHistoryApi } from './historyApi';

configure({ asyncUtilTimeout: 8_000 });
vi.setConfig({ testTimeout: 30_000 });

describe('history view accessibility (axe-core, WCAG A/AA rules that jsdom can check)', () => {
  it('has no violations with incidents, chart and recurrence hint on screen', async () => {
    const h = await createHistoryApi();
    try {
      const recent = new Date(Date.now() - 86_400_000).toISOString();
      await h.api.save(saveInput({ incident: orangeIncident({ occurredAt: recent }) }));
      await h.api.save(
        saveInput({ incident: orangeIncident({ occurredAt: recent, sendingIps: ['198.51.100.2'] }) }),
      );
      const { container } = render(
        <main>
          <RecurrenceHint api={h.api} lang="fr" ip="203.0.113.7" onOpen={() => {}} />
          <HistoryView api={h.api} lang="fr" onOpen={() => {}} onExport={() => {}} />
        </main>,
      );
      await screen.findByRole('img', { name: /Incidents par semaine/ });
      await screen.findByText(/a déjà été bloquée par Orange 1 fois/);
      const result = await axe.run(container, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        rules: { 'color-contrast': { enabled: false } },
      });
      expect(
        result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      ).toEqual([]);
    } finally {
      await h.cleanup();
    }
  });
});
