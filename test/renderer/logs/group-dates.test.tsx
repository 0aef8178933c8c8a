/**
 * The groups table's dates: a syslog line carries no year, so the one shown was assumed; the main tab says
 * so under the fields, and the groups table now flags each such date (« année supposée ») and says why
 * once above it. The day and the time are separate parts, each kept on one line by the stylesheet (the
 * column wrapped to 3–4 lines at 900 px: test/e2e/large-log-narrow.test.ts measures it in Chromium).
 * A log that writes its years (PowerMTA's accounting file) gets no flag.
 */
import { screen, within } from '@testing-library/react';
import { file, scanFixture, setup, stats } from './fake-scan';

async function showSummary(lang: 'fr' | 'en', name: string) {
  const { workers, user } = setup(lang);
  await user.upload(screen.getByLabelText(lang === 'fr' ? 'Choisir un journal' : 'Choose a log'), file());
  const { summary, counts, formats, warnings } = scanFixture(name);
  workers[0]?.emit({ type: 'done', summary, stats: stats(), counts, formats, warnings });
  const table = screen.getAllByRole('table')[0] as HTMLElement;
  return within(table).getAllByRole('row').slice(1);
}

/** The notes above the table that start with `words` (their no-break spaces checked as written). */
const notesStarting = (words: string) =>
  [...document.querySelectorAll('p.note')].filter((p) => p.textContent?.startsWith(words));

/** The first and last dates of a row: each part's text. */
const dateParts = (row: HTMLElement) =>
  [...row.querySelectorAll('td.seen')].map((cell) => [...cell.children].map((part) => part.textContent));

describe('the dates of the groups table', () => {
  it('flags a year the syslog line did not give, and says why once, in French', async () => {
    const rows = await showSummary('fr', 'mail.log');
    expect(dateParts(rows[0] as HTMLElement)).toEqual([
      ['2026-03-16', '07:58:02 +00:00', 'année supposée'],
      ['2026-03-16', '09:30:00 +00:00', 'année supposée'],
    ]);
    expect(
      notesStarting(
        'La ligne de journal n’indique ni l’année ni le fuseau horaire\u00a0: année 2026 supposée',
      ),
    ).toHaveLength(1);
  });

  it('says "year assumed" in English', async () => {
    const rows = await showSummary('en', 'mail.log');
    expect(dateParts(rows[1] as HTMLElement)).toEqual([
      ['2026-03-16', '08:02:01 +00:00', 'year assumed'],
      ['2026-03-16', '08:02:31 +00:00', 'year assumed'],
    ]);
    expect(
      notesStarting('The log line gives neither the year nor the time zone: assumed year 2026'),
    ).toHaveLength(1);
  });

  it('flags nothing when the log writes its years', async () => {
    const rows = await showSummary('en', 'acct.csv');
    expect(dateParts(rows[0] as HTMLElement)).toEqual([
      ['2026-03-16', '08:00:12 +01:00'],
      ['2026-03-16', '08:00:12 +01:00'],
    ]);
    expect(screen.queryByText(/assumed year/)).toBeNull();
  });
});
