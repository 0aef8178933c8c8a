/**
 * The large-log tab at 900 px, the narrowest width the app is laid out for, with the small Postfix log of
 * the fixtures: the groups table's dates keep their day and their time on one line each (they wrapped to
 * 3–4 lines: « 2026-03- / 16 / 07:58:02 / +00:00 »), with their « année supposée » flag. Chromium lays
 * the table out; jsdom cannot.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppSession, launchApp } from './harness';

const MAIL_LOG = join(process.cwd(), 'test/fixtures/large-log/mail.log');

describe('large-log tab at 900 px', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await launchApp({ viewport: { width: 900, height: 800 } });
    await app.page.getByRole('tab', { name: 'Journaux volumineux' }).click();
    await app.page.getByLabel('Choisir un journal').setInputFiles(MAIL_LOG);
    await app.page.locator('.large-log-groups').waitFor();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('keeps each date’s day and time on one line, flagged « année supposée »', async () => {
    const parts = await app.page
      .locator('.large-log-groups td.seen > span')
      .evaluateAll((spans) => spans.map((span) => [span.textContent, span.getClientRects().length]));
    // Five groups, two dates each: day, time and the flag.
    expect(parts).toHaveLength(30);
    expect(parts.filter(([, lines]) => lines !== 1)).toEqual([]);
    expect(parts.slice(0, 3)).toEqual([
      ['2026-03-16', 1],
      ['07:58:02 +00:00', 1],
      ['année supposée', 1],
    ]);
    expect(app.pageErrors).toEqual([]);
  });
});
