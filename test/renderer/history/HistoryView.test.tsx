import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { configure, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ExportFile, HistoryRecord } from '../../../electron/services/history/schema';
import { TEXTS_DIR } from '../../../electron/services/history/texts';
import { NoticesProvider } from '../../../renderer/src/components/Notices';
import { HistoryView } from '../../../renderer/src/history';
import { orangeIncident, saveInput } from '../../main/history/helpers';
import { createHistoryApi } from './historyApi';

// Every action is a real fsync'd write in a temporary folder: allow for a slow, busy disk.
configure({ asyncUtilTimeout: 8_000 });
vi.setConfig({ testTimeout: 30_000 });

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();

type Harness = Awaited<ReturnType<typeof createHistoryApi>>;

async function seed(h: Harness) {
  const save = (ip: string, days: number, reason: number, domain = 'news.example.com') =>
    h.api.save(
      saveInput({
        incident: orangeIncident({
          sendingIps: [ip],
          sendingDomain: domain,
          occurredAt: daysAgo(days),
          orange: { token: `OFR006_${reason}`, reason, server: 'mwinf5c04' },
        }),
      }),
    );
  return {
    older: await save('203.0.113.7', 20, 102),
    middle: await save('198.51.100.20', 9, 100, 'shop.example.org'),
    newest: await save('203.0.113.70', 1, 506),
  };
}

function setup(h: Harness, lang: 'fr' | 'en' = 'fr') {
  const opened: HistoryRecord[] = [];
  const exported: ExportFile[] = [];
  const user = userEvent.setup();
  const view = render(
    <HistoryView api={h.api} lang={lang} onOpen={(r) => opened.push(r)} onExport={(f) => exported.push(f)} />,
  );
  return { ...view, user, opened, exported };
}

/** The sending IPs column, top to bottom (plain DOM queries: role queries are slow on big tables). */
const rowIps = () =>
  [...document.querySelectorAll('.history-table tbody tr')].map(
    (row) => row.querySelectorAll('td')[1]?.textContent,
  );

describe('HistoryView', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHistoryApi();
  });
  afterEach(() => h.cleanup());

  it('lists incidents newest first and narrows the list as an IP is typed', async () => {
    await seed(h);
    const { user } = setup(h);
    await waitFor(() => expect(rowIps()).toEqual(['203.0.113.70', '198.51.100.20', '203.0.113.7']));
    expect(screen.getByText('3 incidents')).toBeTruthy();

    await user.type(screen.getByRole('searchbox', { name: 'Rechercher' }), '203.0.113.7');
    await waitFor(() => expect(rowIps()).toEqual(['203.0.113.70', '203.0.113.7']));
    await user.type(screen.getByRole('searchbox'), '0');
    await waitFor(() => expect(rowIps()).toEqual(['203.0.113.70']));
    await user.clear(screen.getByRole('searchbox'));
    await user.type(screen.getByRole('searchbox'), 'zzz');
    await waitFor(() =>
      expect(screen.getByText('Aucun incident ne correspond à cette recherche.')).toBeTruthy(),
    );
  });

  it('shows 50 incidents at first, then more on demand', async () => {
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        h.api.save(
          saveInput({
            incident: orangeIncident({ sendingIps: [`192.0.2.${i + 1}`], occurredAt: daysAgo(i % 30) }),
          }),
        ),
      ),
    );
    const { user } = setup(h);
    await waitFor(() => expect(rowIps()).toHaveLength(50));
    expect(screen.getByText('50 incidents affichés sur 60')).toBeTruthy();
    // Text queries: role queries compute every accessible name, far too slow on a 50-row table in jsdom.
    await user.click(screen.getByText('Afficher plus'));
    await waitFor(() => expect(rowIps()).toHaveLength(60));
    expect(screen.queryByText('Afficher plus')).toBeNull();
  });

  it('says the history is empty when it is', async () => {
    setup(h, 'en');
    await waitFor(() =>
      expect(screen.getByText('The history is empty: save an incident to find it here.')).toBeTruthy(),
    );
  });

  it('filters by status and by Orange reason, and clears the filters', async () => {
    const { middle } = await seed(h);
    await h.api.setStatus({ id: middle.id, status: 'sent' });
    const { user } = setup(h);
    await waitFor(() => expect(rowIps()).toHaveLength(3));
    await user.selectOptions(
      screen.getByLabelText('Statut', { selector: 'select:not([id^="status-"])' }),
      'sent',
    );
    await waitFor(() => expect(rowIps()).toEqual(['198.51.100.20']));
    await user.click(screen.getByRole('button', { name: 'Effacer les filtres' }));
    await user.selectOptions(screen.getByLabelText('Motif Orange'), '506');
    await waitFor(() => expect(rowIps()).toEqual(['203.0.113.70']));
  });

  it('filters by date range', async () => {
    await seed(h);
    const { user } = setup(h);
    await waitFor(() => expect(rowIps()).toHaveLength(3));
    const from = new Date(Date.now() - 12 * DAY).toISOString().slice(0, 10);
    const to = new Date(Date.now() - 5 * DAY).toISOString().slice(0, 10);
    await user.type(screen.getByLabelText('Du'), from);
    await user.type(screen.getByLabelText('Au'), to);
    await waitFor(() => expect(rowIps()).toEqual(['198.51.100.20']));
  });

  it('changes status in one click and keeps it in the store', async () => {
    const { newest } = await seed(h);
    const { user } = setup(h);
    await user.click(await screen.findByRole('button', { name: 'Marquer envoyé (203.0.113.70)' }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Marquer résolu (203.0.113.70)' })).toBeTruthy(),
    );
    const record = await h.api.get({ id: newest.id });
    expect(record?.status).toBe('sent');
    expect(record?.sentAt).not.toBeNull();
    // Any status is also one choice away.
    await user.selectOptions(screen.getByLabelText('Statut (203.0.113.70)'), 'closed');
    await waitFor(async () => expect((await h.api.get({ id: newest.id }))?.status).toBe('closed'));
  });

  it('deletes with undo', async () => {
    const { older } = await seed(h);
    const { user } = setup(h);
    await user.click(await screen.findByRole('button', { name: 'Supprimer (203.0.113.7)' }));
    await waitFor(() => expect(rowIps()).toEqual(['203.0.113.70', '198.51.100.20']));
    expect(screen.getByText('Incident supprimé.')).toBeTruthy();
    expect((await h.api.search({})).total).toBe(2);

    await user.click(screen.getByRole('button', { name: 'Annuler' }));
    await waitFor(() => expect(rowIps()).toEqual(['203.0.113.70', '198.51.100.20', '203.0.113.7']));
    expect((await h.api.get({ id: older.id }))?.deletedAt).toBeNull();
    expect(screen.queryByText('Incident supprimé.')).toBeNull();
  });

  it('opens the whole record, texts included', async () => {
    const { middle } = await seed(h);
    const { user, opened } = setup(h);
    await user.click(await screen.findByRole('button', { name: 'Ouvrir (198.51.100.20)' }));
    await waitFor(() => expect(opened).toHaveLength(1));
    expect(opened[0]).toMatchObject({ id: middle.id, ticket: middle.ticket, rawText: middle.rawText });
  });

  it('says so when an opened incident’s details cannot be read, and still opens what the list holds', async () => {
    const { middle } = await seed(h);
    // The text packs (pasted text, tickets, sources) are lost, as after a disk error; the app restarts.
    await rm(join(h.dir, TEXTS_DIR), { recursive: true, force: true });
    await h.reopen();
    const opened: HistoryRecord[] = [];
    const user = userEvent.setup();
    render(
      <NoticesProvider>
        <HistoryView api={h.api} lang="fr" onOpen={(r) => opened.push(r)} onExport={() => {}} />
      </NoticesProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Ouvrir (198.51.100.20)' }));
    await waitFor(() => expect(opened).toHaveLength(1));
    expect(opened[0]).toMatchObject({
      id: middle.id,
      incident: { sendingIps: ['198.51.100.20'] },
      rawText: '',
    });
    const notice = await screen.findByText(/Le détail de cet incident .* n’a pas pu être lu/);
    expect(notice.textContent).toContain('les champs affichés dans la liste sont intacts');
  });

  it('exports what the filters show, as CSV and JSON', async () => {
    await seed(h);
    const { user, exported } = setup(h, 'en');
    await user.type(await screen.findByRole('searchbox', { name: 'Search' }), '203.0.113');
    await waitFor(() => expect(rowIps()).toHaveLength(2));
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(exported).toHaveLength(1));
    expect(exported[0]?.count).toBe(2);
    expect(exported[0]?.content).toContain('203.0.113.70');
    expect(exported[0]?.content).not.toContain('198.51.100.20');
    expect(screen.getByText(`2 incidents exported to ${exported[0]?.filename}.`)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Export JSON' }));
    await waitFor(() => expect(exported).toHaveLength(2));
    expect(JSON.parse(exported[1]?.content ?? '{}').records).toHaveLength(2);
  });

  it('imports a JSON export and reports what was added and skipped', async () => {
    await seed(h);
    const exportedJson = (await h.api.exportJson({})).content;
    const other = await createHistoryApi();
    try {
      await other.api.save(saveInput({ incident: orangeIncident({ sendingIps: ['192.0.2.99'] }) }));
      const { user } = setup(other, 'en');
      await waitFor(() => expect(rowIps()).toEqual(['192.0.2.99']));
      const file = new File([exportedJson], 'history.json', { type: 'application/json' });
      await user.upload(screen.getByTestId('history-import'), file);
      await waitFor(() => expect(screen.getByText(/Import: 3 added, 0 updated, 0 skipped/)).toBeTruthy());
      await waitFor(() => expect(rowIps()).toHaveLength(4));
      await user.upload(screen.getByTestId('history-import'), file);
      await waitFor(() => expect(screen.getByText(/Import: 0 added, 0 updated, 3 skipped/)).toBeTruthy());
    } finally {
      await other.cleanup();
    }
  });

  it('shows a failure in the chosen language, from the message that crossed IPC', async () => {
    await seed(h);
    h.failNext.set(
      'setStatus',
      'history conflict: Incident x was changed elsewhere. / L’incident x a été modifié ailleurs.',
    );
    const { user } = setup(h);
    await user.click(await screen.findByRole('button', { name: 'Marquer envoyé (203.0.113.70)' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Échec : L’incident x a été modifié ailleurs.',
    );
  });

  it('tells what happened when the history file was recovered at start-up', async () => {
    await seed(h);
    await h.api.setStatus({ id: (await h.api.search({})).items[0]?.id ?? '', status: 'sent' });
    await writeFile(join(h.dir, 'history.json'), '{"schemaVersion":3,"records":[{"id":"tru');
    await h.reopen();
    setup(h);
    await waitFor(() => expect(screen.getByText('À propos du fichier d’historique')).toBeTruthy());
    expect(screen.getByText(/mis de côté sous le nom history\.corrupt-/)).toBeTruthy();
    expect(screen.getByText(/La dernière copie valide \(history\.json\.bak\) a été chargée/)).toBeTruthy();
    await waitFor(() => expect(rowIps()).toHaveLength(3));
  });

  it('draws the weekly chart by IP, then by reason', async () => {
    await seed(h);
    const { user } = setup(h, 'en');
    const chart = await screen.findByRole('img', {
      name: /Incidents per week: 3 incidents over the last 12 weeks/,
    });
    expect(chart.querySelectorAll('rect').length).toBeGreaterThanOrEqual(3);
    const legend = () =>
      [...document.querySelectorAll('.history-chart-legend code')].map((c) => c.textContent);
    expect(legend().sort()).toEqual(['198.51.100.20', '203.0.113.7', '203.0.113.70']);
    await user.click(screen.getByRole('radio', { name: 'reason' }));
    await waitFor(() => expect(legend().sort()).toEqual(['[100]', '[102]', '[506]']));
  });
});
