import { fireEvent, screen, within } from '@testing-library/react';
import { file, scanFixture, setup, stats } from './fake-scan';

describe('LargeLogView', () => {
  it('sends the chosen file to a worker and shows its progress with aria values and time left', async () => {
    const { workers, user } = setup('en');
    await user.upload(screen.getByLabelText('Choose a log'), file());
    const worker = workers[0];
    expect(worker?.received[0]).toMatchObject({ type: 'scan', name: 'mail.log.1.gz' });
    worker?.emit({
      type: 'progress',
      progress: {
        bytesRead: 13_000_000,
        totalBytes: 52_000_000,
        lines: 90_000,
        incidents: 40,
        orangeIncidents: 12,
        elapsedMs: 1000,
        etaMs: 3000,
      },
    });
    const bar = screen.getByRole('progressbar', { name: 'Reading the log' });
    expect(bar.getAttribute('aria-valuenow')).toBe('25');
    expect(bar.getAttribute('aria-valuemax')).toBe('100');
    expect(bar.getAttribute('aria-valuetext')).toBe(
      '13 MB of 52 MB read · 12 Orange incidents · about 3 s left',
    );
  });

  it('cancels: posts cancel, then says so and stops the worker', async () => {
    const { workers, user } = setup('fr');
    await user.upload(screen.getByLabelText('Choisir un journal'), file());
    await user.click(screen.getByRole('button', { name: 'Annuler' }));
    const worker = workers[0];
    expect(worker?.received.at(-1)).toEqual({ type: 'cancel' });
    worker?.emit({ type: 'cancelled', stats: stats() });
    expect(screen.getByRole('status').textContent).toBe('Lecture annulée.');
    expect(worker?.terminated).toBe(true);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('freezes the bar and drops the time left once cancelled, while the worker finishes its chunk', async () => {
    const { workers, user } = setup('fr');
    await user.upload(screen.getByLabelText('Choisir un journal'), file());
    const worker = workers[0];
    const progress = (bytesRead: number, orangeIncidents: number, etaMs: number) =>
      worker?.emit({
        type: 'progress',
        progress: {
          bytesRead,
          totalBytes: 22_000_000,
          lines: 40_000,
          incidents: orangeIncidents,
          orangeIncidents,
          elapsedMs: 300,
          etaMs,
        },
      });
    progress(2_200_000, 2, 1200);
    await user.click(screen.getByRole('button', { name: 'Annuler' }));
    // Seen in Chromium on a 22 MB log: progress kept coming for ~0.4 s after the click.
    progress(12_600_000, 91, 300);
    const bar = screen.getByRole('progressbar', { name: 'Lecture du journal' });
    expect(bar.getAttribute('aria-valuenow')).toBe('10');
    expect(bar.getAttribute('aria-valuetext')).toBe('2,2 Mo sur 22 Mo lus · 2 incidents Orange');
    expect(screen.getByRole('button', { name: 'Annulation…' })).toBeTruthy();
  });

  it('shows the summary: groups, the 999 trigger, a timeline per IP, others aside; a group becomes the incident', async () => {
    const { workers, used, user } = setup('en');
    await user.upload(screen.getByLabelText('Choose a log'), file());
    const { summary, counts, formats, warnings } = scanFixture('acct.csv');
    workers[0]?.emit({ type: 'done', summary, stats: stats(), counts, formats, warnings });

    expect(screen.getByRole('status').textContent).toContain(
      '4 Orange incidents in 4 groups, 1 rejection by other providers',
    );
    const table = screen.getAllByRole('table')[0] as HTMLElement;
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(4);
    expect(rows[1]?.textContent).toContain('999 (suspension)');
    expect(rows[1]?.textContent).toContain('Triggered by: OFR006_100');
    expect(rows[1]?.textContent).toContain(
      'OFR006_100 please visit https://lookup.abusix.com/search?q=192.0.2.10 [100]',
    );

    const charts = screen.getAllByRole('img');
    expect(charts.map((c) => c.getAttribute('aria-label'))).toEqual([
      'Timeline of 192.0.2.10: 3 Orange incidents',
      'Timeline of 192.0.2.11: 1 Orange incident',
    ]);
    expect(screen.getByRole('row', { name: /google\.com/ }).textContent).toContain('[192.0.2.11] Our system');

    await user.click(screen.getByRole('button', { name: 'Use this group (192.0.2.10, reason 100)' }));
    expect(used).toHaveLength(1);
    expect(used[0]).toMatchObject({
      occurredAt: '2026-03-16T08:00:12+01:00',
      sendingIps: ['192.0.2.10'],
      sendingDomain: 'example.com',
      orange: { token: 'OFR006_100', reason: 100 },
    });
    expect(used[0]?.reply.text).toContain('Adresse IP source bloquee par Abusix');
  });

  it('filters the groups by what is typed, even while the scan runs', async () => {
    const { workers, user } = setup('fr');
    await user.upload(screen.getByLabelText('Choisir un journal'), file());
    await user.type(screen.getByRole('searchbox', { name: 'Filtrer les groupes' }), '999');
    const { summary, counts, formats, warnings } = scanFixture('acct.csv');
    workers[0]?.emit({ type: 'done', summary, stats: stats(), counts, formats, warnings });
    const table = screen.getAllByRole('table')[0] as HTMLElement;
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.querySelector('td')?.textContent)).toEqual([
      '999 (suspension)',
      '999 (suspension)',
    ]);
    await user.clear(screen.getByRole('searchbox', { name: 'Filtrer les groupes' }));
    await user.type(screen.getByRole('searchbox', { name: 'Filtrer les groupes' }), '198.51.100.99');
    expect(screen.getByText('Aucun groupe ne correspond au filtre.')).toBeTruthy();
    expect(screen.getAllByRole('img')).toHaveLength(2);
    await user.clear(screen.getByRole('searchbox', { name: 'Filtrer les groupes' }));
    await user.type(screen.getByRole('searchbox', { name: 'Filtrer les groupes' }), '192.0.2.11');
    expect(screen.getAllByRole('img').map((c) => c.getAttribute('aria-label'))).toEqual([
      'Chronologie de 192.0.2.11 : 1 incident Orange',
    ]);
  });

  it('says so when the worker fails', async () => {
    const { workers, user } = setup('fr');
    await user.upload(screen.getByLabelText('Choisir un journal'), file());
    workers[0]?.emit({ type: 'error', message: 'The compressed data was not valid' });
    expect(screen.getByRole('alert').textContent).toBe(
      'Impossible de lire ce fichier (The compressed data was not valid).',
    );
  });
});

describe('LargeLogView drop zone', () => {
  it('scans a file dropped on it', () => {
    const { workers } = setup('en');
    const zone = screen.getByLabelText('Choose a log').closest('fieldset') as HTMLElement;
    const dropped = new File(['x\n'], 'mail.log');
    fireEvent.dragOver(zone, { dataTransfer: { files: [dropped] } });
    expect(zone.className).toContain('dragging');
    fireEvent.drop(zone, { dataTransfer: { files: [dropped] } });
    expect(workers[0]?.received[0]).toMatchObject({ type: 'scan', name: 'mail.log' });
    expect(zone.className).not.toContain('dragging');
  });
});
