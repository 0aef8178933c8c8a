/**
 * The shell in real Chromium: the built page boots under its CSP with the API installed, the API refuses
 * malformed payloads, and the language switch works. Saves the first screenshot for the README.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppSession, closeBrowser, launchApp } from './harness';

describe('app shell in Chromium', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await launchApp();
  });
  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('boots the built renderer with the product name and a paste area', async () => {
    const heading = app.page.getByRole('heading', { level: 1 });
    await heading.waitFor();
    expect(await heading.textContent()).toContain('Abuse Desk Assistant');
    expect(await app.page.getByRole('textbox').first().isVisible()).toBe(true);
    expect(app.pageErrors).toEqual([]);
  });

  it('enforces the CSP: an injected inline script does not run', async () => {
    const ran = await app.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(ran).toBe(false);
  });

  it('exposes only the typed API, and the main side rejects a malformed payload', async () => {
    const keys = await app.page.evaluate(() =>
      Object.keys((window as unknown as { api: object }).api).sort(),
    );
    expect(keys).toEqual(['app', 'history', 'on', 'preflight']);
    const error = await app.page.evaluate(() =>
      (window as unknown as { api: { app: { copyText(x: unknown): Promise<unknown> } } }).api.app
        .copyText({ text: 42 })
        .then(() => 'accepted')
        .catch((e: Error) => e.message),
    );
    expect(error).toMatch(/app:copyText: invalid payload/);
    expect(app.clipboard).toEqual([]);
  });

  it('copies through the main-process clipboard service', async () => {
    await app.page.evaluate(() =>
      (window as unknown as { api: { app: { copyText(x: unknown): Promise<unknown> } } }).api.app.copyText({
        text: 'Bonjour',
      }),
    );
    expect(app.clipboard).toEqual(['Bonjour']);
  });

  it('takes the README screenshot of the empty main screen', async () => {
    const path = await app.screenshot('main-empty');
    expect(path).toMatch(/main-empty\.png$/);
  });
});

describe('the top bar in a narrow window (1000 × 700, French)', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await launchApp({ viewport: { width: 1000, height: 700 } });
    await app.page.getByRole('heading', { level: 1 }).waitFor();
  });
  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('keeps each tab and button label on one line (the tagline wraps instead), with no sideways scroll', async () => {
    // Seen in the History view: "Journaux volumineux" broke over two lines and every tab grew to 51 px.
    await app.page.getByRole('tab', { name: 'Historique' }).click();
    await app.page.getByRole('heading', { name: 'Historique des incidents' }).waitFor();
    const heights = await app.page
      .locator('.topbar button')
      .evaluateAll((buttons) =>
        buttons.map((b) => [b.textContent ?? '', Math.round(b.getBoundingClientRect().height)] as const),
      );
    expect(heights.length).toBeGreaterThanOrEqual(7);
    // One line of the bar's 14 px text with its padding is about 30 px; two lines are 50.
    expect(heights.filter(([, h]) => h > 40)).toEqual([]);
    expect(await app.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1000);
  });
});
