/**
 * A scan cancelled before the worker sent any figure: the view showed « 0 o lus · 0 incident Orange »
 * under « Annulation… », as if the log were empty. It now says the scan is starting, then that it was
 * cancelled with nothing read, in French and English; a scan cancelled after reading keeps its figures.
 */
import { act, screen } from '@testing-library/react';
import { file, setup, stats } from './fake-scan';

const progressText = () => document.querySelector('.large-log-progress p')?.textContent;

describe('a scan cancelled before any data arrived', () => {
  it('says it is opening the log, then that it was cancelled with nothing read, not "0" figures', async () => {
    const { workers, user } = setup('fr');
    await user.upload(screen.getByLabelText('Choisir un journal'), file());
    expect(progressText()).toBe('Ouverture du journal…');
    await user.click(screen.getByRole('button', { name: 'Annuler' }));
    expect(progressText()).toBe('Lecture annulée\u00a0: rien n’avait encore été lu.');
    expect(screen.getByRole('progressbar').getAttribute('aria-valuetext')).not.toMatch(/\b0\b/);
    workers[0]?.emit({
      type: 'cancelled',
      stats: stats({ bytesRead: 0, lines: 0, incidents: 0, orangeIncidents: 0 }),
    });
    expect(screen.getByRole('status').textContent).toBe('Lecture annulée\u00a0: rien n’avait encore été lu.');
  });

  it('says so in English, also when the worker does not answer the cancel', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const { user } = setup('en');
      await user.upload(screen.getByLabelText('Choose a log'), file());
      expect(progressText()).toBe('Opening the log…');
      await user.click(screen.getByRole('button', { name: 'Cancel' }));
      expect(progressText()).toBe('Scan cancelled: nothing had been read yet.');
      await act(() => vi.advanceTimersByTimeAsync(2100));
      expect(screen.getByRole('status').textContent).toBe('Scan cancelled: nothing had been read yet.');
    } finally {
      vi.useRealTimers();
    }
  });
});
