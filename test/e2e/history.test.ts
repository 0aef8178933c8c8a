/**
 * The history end to end (issue 6), in Chromium on the built renderer with the real history store behind
 * the API: paste an Orange bounce → save from the main flow → reload the page → open the History tab →
 * find the incident by its sending IP → change its status in one click → export CSV (the file the browser
 * downloads is read back and checked) → screenshot docs/screenshots/history-light-fr.png.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pasteAnywhere, uiFixture } from '../renderer/ui/e2e-helpers';
import { type AppSession, closeBrowser, launchApp } from './harness';

const IP = '203.0.113.25';

/** RFC 4180 rows of a small CSV (quoted fields may hold commas, doubled quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

describe('history in Chromium (light, French)', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await launchApp({ colorScheme: 'light' });
    await app.page.getByRole('heading', { name: 'Commencez par coller un rejet' }).waitFor();
  });
  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('saves a pasted Orange bounce from the main flow', async () => {
    await pasteAnywhere(app.page, uiFixture('postfix-dsn-ofr102.eml'));
    const ip = app.page.getByRole('textbox', { name: 'Adresses IP d’envoi 1' });
    await ip.waitFor();
    expect(await ip.inputValue()).toBe(IP);
    await app.page.getByRole('button', { name: 'Enregistrer dans l’historique' }).click();
    await app.page.getByText('Incident enregistré dans l’historique').first().waitFor();
  });

  it('finds it after a reload by typing its sending IP in the History tab', async () => {
    await app.reload();
    await app.page.getByRole('heading', { name: 'Commencez par coller un rejet' }).waitFor();
    await app.page.getByRole('tab', { name: 'Historique' }).click();
    const search = app.page.getByRole('searchbox', { name: 'Rechercher' });
    await search.waitFor();
    await search.pressSequentially(IP);
    const row = app.page.locator('.history-table tbody tr');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.locator('td').nth(1).textContent()).toBe(IP);
    expect(await row.textContent()).toContain('[102]');
    expect(await row.locator('.history-status').textContent()).toBe('Brouillon');
    // A search that matches nothing empties the list, so the filter really applies.
    await search.fill('198.51.100.254');
    await expect.poll(() => row.count()).toBe(0);
    await search.fill(IP);
    await expect.poll(() => row.count()).toBe(1);
  });

  it('changes its status in one click, kept in the store', async () => {
    const row = app.page.locator('.history-table tbody tr');
    await row.getByRole('button', { name: /^Marquer envoyé/ }).click();
    await row.locator('.history-status--sent').waitFor();
    expect(await row.locator('.history-status').textContent()).toBe('Envoyé');
    const found = await app.services.history.search({ query: IP, offset: 0, limit: 10 });
    expect(found.total).toBe(1);
    expect(found.items[0]).toMatchObject({ status: 'sent', sendingIps: [IP], reason: 102 });
    expect(found.items[0]?.sentAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('exports the filtered history as a CSV file the browser downloads', async () => {
    const [download] = await Promise.all([
      app.page.waitForEvent('download'),
      app.page.getByRole('button', { name: 'Exporter en CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^abuse-desk-history-\d{4}-\d{2}-\d{2}\.csv$/);
    const path = await download.path();
    const text = await readFile(path, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(rows).toHaveLength(1);
    const cells = Object.fromEntries((header ?? []).map((name, i) => [name, rows[0]?.[i]]));
    const stored = await app.services.history.search({ query: IP, offset: 0, limit: 1 });
    expect(cells).toMatchObject({
      id: stored.items[0]?.id,
      status: 'sent',
      sent_at: stored.items[0]?.sentAt,
      sending_ips: IP,
      sending_domain: 'example.com',
      recipient_domain: 'orange.fr',
      code: '550',
      orange_token: 'OFR006_102',
      orange_reason: '102',
    });
    expect(cells.reply).toContain('Client host blocked for spamming issues');
    await app.page.getByText(/1 incident exporté dans abuse-desk-history-/).waitFor();
  });

  it('asks for its date filters as jj/mm/aaaa, as the French interface writes dates', async () => {
    const from = app.page.getByLabel('Du', { exact: true });
    expect(await from.getAttribute('placeholder')).toBe('jj/mm/aaaa');
    expect(await app.page.getByLabel('Au', { exact: true }).getAttribute('placeholder')).toBe('jj/mm/aaaa');
  });

  it('opens the native calendar from a named button, and writes the day picked as jj/mm/aaaa', async () => {
    const button = app.page.getByRole('button', { name: 'Au\u00a0: choisir dans le calendrier' });
    await button.focus();
    await app.page.keyboard.press('Enter');
    // The picker is the browser's own window (not in the page): pick the day in the field it belongs to.
    const native = app.page.locator('.history-date-native').nth(1);
    await native.fill('2026-12-16', { force: true });
    expect(await app.page.getByLabel('Au', { exact: true }).inputValue()).toBe('16/12/2026');
    await app.page.keyboard.press('Escape');
    await app.page.getByLabel('Au', { exact: true }).fill('');
    await app.page.getByLabel('Au', { exact: true }).blur();
  });

  it('saves a screenshot and logs no page error', async () => {
    await app.page.waitForTimeout(150);
    await app.screenshot('history-light-fr');
    expect(app.pageErrors.filter((e) => !/frame-ancestors/.test(e))).toEqual([]);
  });
});
