/**
 * The history's date filters follow the interface language, not the browser's: jj/mm/aaaa in French even
 * on an English system (jsdom's navigator says en-US, as such a system would), the user's own English
 * order in English, ISO dates everywhere, and a clear message for a text that is no date.
 */
import { configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { format } from 'date-fns';
import { HistoryView } from '../../../renderer/src/history';
import {
  datePattern,
  formatDateFilter,
  parseDateFilter,
  patternHint,
} from '../../../renderer/src/history/dateFilterFormat';
import { orangeIncident, saveInput } from '../../main/history/helpers';
import { createHistoryApi } from './historyApi';

configure({ asyncUtilTimeout: 8_000 });
vi.setConfig({ testTimeout: 30_000 });

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

describe('the date pattern of each language', () => {
  it.each([
    ['fr', ['en-US'], 'dd/MM/yyyy', 'jj/mm/aaaa'],
    ['fr', ['fr-FR'], 'dd/MM/yyyy', 'jj/mm/aaaa'],
    ['fr', ['fr-CA', 'en-CA'], 'yyyy-MM-dd', 'aaaa-mm-jj'],
    ['en', ['en-US'], 'MM/dd/yyyy', 'mm/dd/yyyy'],
    ['en', ['en-GB'], 'dd/MM/yyyy', 'dd/mm/yyyy'],
    ['en', ['fr-FR'], 'dd/MM/yyyy', 'dd/mm/yyyy'],
    ['en', [], 'dd/MM/yyyy', 'dd/mm/yyyy'],
  ] as const)('%s on a %j system: %s, shown as %s', (lang, locales, pattern, hint) => {
    expect(datePattern(lang, locales)).toBe(pattern);
    expect(patternHint(pattern, lang)).toBe(hint);
  });

  it('reads the pattern’s order or ISO, and refuses what is no date', () => {
    expect(parseDateFilter('16/12/2026', 'dd/MM/yyyy')).toBe('2026-12-16');
    expect(parseDateFilter(' 1/2/2026 ', 'dd/MM/yyyy')).toBe('2026-02-01');
    expect(parseDateFilter('1/2/2026', 'MM/dd/yyyy')).toBe('2026-01-02');
    expect(parseDateFilter('2026-12-16', 'dd/MM/yyyy')).toBe('2026-12-16');
    for (const text of ['31/02/2026', '16/12/26', '12/16/2026', '16/12', 'hier', '16/12/2026/1'])
      expect(parseDateFilter(text, 'dd/MM/yyyy')).toBeNull();
    expect(formatDateFilter('2026-12-16', 'MM/dd/yyyy')).toBe('12/16/2026');
  });
});

describe('the date filters of the history', () => {
  let h: Awaited<ReturnType<typeof createHistoryApi>>;
  beforeEach(async () => {
    h = await createHistoryApi();
    for (const [ip, days] of [
      ['203.0.113.7', 20],
      ['198.51.100.20', 9],
      ['203.0.113.70', 1],
    ] as const)
      await h.api.save(
        saveInput({
          incident: orangeIncident({ sendingIps: [ip], occurredAt: daysAgo(days).toISOString() }),
        }),
      );
  });
  afterEach(() => h.cleanup());

  const rowIps = () =>
    [...document.querySelectorAll('.history-table tbody tr')].map(
      (row) => row.querySelectorAll('td')[1]?.textContent,
    );

  it('asks for jj/mm/aaaa in French on an English system, and filters on such a date', async () => {
    const user = userEvent.setup();
    render(<HistoryView api={h.api} lang="fr" onOpen={() => {}} onExport={() => {}} />);
    await waitFor(() => expect(rowIps()).toHaveLength(3));
    const from = screen.getByLabelText('Du') as HTMLInputElement;
    expect(from.placeholder).toBe('jj/mm/aaaa');
    expect(document.getElementById(from.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Format\u00a0: jj/mm/aaaa',
    );
    await user.type(from, format(daysAgo(12), 'dd/MM/yyyy'));
    await user.type(screen.getByLabelText('Au'), format(daysAgo(5), 'dd/MM/yyyy'));
    await waitFor(() => expect(rowIps()).toEqual(['198.51.100.20']));
  });

  it('says a date it cannot read is not recognised, with the form to use, and does not filter on it', async () => {
    const user = userEvent.setup();
    render(<HistoryView api={h.api} lang="fr" onOpen={() => {}} onExport={() => {}} />);
    await waitFor(() => expect(rowIps()).toHaveLength(3));
    const to = screen.getByLabelText('Au') as HTMLInputElement;
    await user.type(to, '31/02/2026');
    await user.tab();
    expect(to.getAttribute('aria-invalid')).toBe('true');
    const message = document.getElementById(to.getAttribute('aria-describedby') ?? '');
    expect(message?.textContent).toBe(
      'Date non reconnue\u00a0: écrivez-la jj/mm/aaaa (par exemple 16/12/2026). Ce filtre n’est pas appliqué.',
    );
    expect(rowIps()).toHaveLength(3);
    await user.clear(to);
    await user.type(to, format(daysAgo(5), 'dd/MM/yyyy'));
    expect(to.getAttribute('aria-invalid')).toBeNull();
    await waitFor(() => expect(rowIps()).toEqual(['198.51.100.20', '203.0.113.7']));
  });

  it('asks for the system’s own English order in English (mm/dd/yyyy on an American system)', async () => {
    const user = userEvent.setup();
    render(<HistoryView api={h.api} lang="en" onOpen={() => {}} onExport={() => {}} />);
    await waitFor(() => expect(rowIps()).toHaveLength(3));
    const from = screen.getByLabelText('From') as HTMLInputElement;
    expect(navigator.languages[0]).toBe('en-US');
    expect(from.placeholder).toBe('mm/dd/yyyy');
    await user.type(from, format(daysAgo(3), 'MM/dd/yyyy'));
    await waitFor(() => expect(rowIps()).toEqual(['203.0.113.70']));
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('');
    await waitFor(() => expect(rowIps()).toHaveLength(3));
  });

  it('gives back a calendar: a named button opens the native picker, the day picked is written the French way', async () => {
    const user = userEvent.setup();
    const showPicker = vi.fn();
    const original = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'showPicker');
    Object.defineProperty(HTMLInputElement.prototype, 'showPicker', {
      configurable: true,
      value: showPicker,
    });
    try {
      render(<HistoryView api={h.api} lang="fr" onOpen={() => {}} onExport={() => {}} />);
      await waitFor(() => expect(rowIps()).toHaveLength(3));
      const button = screen.getByRole('button', { name: 'Du\u00a0: choisir dans le calendrier' });
      // Reached from the text field with Tab, opened with Enter: the native field itself is out of the tab order.
      await user.click(screen.getByLabelText('Du'));
      await user.tab();
      expect(document.activeElement).toBe(button);
      await user.keyboard('{Enter}');
      expect(showPicker).toHaveBeenCalledTimes(1);
      const native = showPicker.mock.contexts[0] as HTMLInputElement;
      expect(native.type).toBe('date');
      expect(native.tabIndex).toBe(-1);
      fireEvent.change(native, { target: { value: format(daysAgo(12), 'yyyy-MM-dd') } });
      expect((screen.getByLabelText('Du') as HTMLInputElement).value).toBe(format(daysAgo(12), 'dd/MM/yyyy'));
      await waitFor(() => expect(rowIps()).toEqual(['203.0.113.70', '198.51.100.20']));
      // The picker opens on the date already typed.
      await user.click(screen.getByRole('button', { name: 'Du\u00a0: choisir dans le calendrier' }));
      expect(native.value).toBe(format(daysAgo(12), 'yyyy-MM-dd'));
    } finally {
      if (original) Object.defineProperty(HTMLInputElement.prototype, 'showPicker', original);
      else delete (HTMLInputElement.prototype as { showPicker?: unknown }).showPicker;
    }
  });

  it('names the calendar buttons in English too', async () => {
    render(<HistoryView api={h.api} lang="en" onOpen={() => {}} onExport={() => {}} />);
    await waitFor(() => expect(rowIps()).toHaveLength(3));
    expect(screen.getByRole('button', { name: 'From: pick from a calendar' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'To: pick from a calendar' })).toBeTruthy();
  });
});
