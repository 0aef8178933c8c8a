/**
 * A 10 MB paste in Chromium: extraction runs in the worker with a progress bar, the window keeps
 * answering (the help opens during the analysis), and the source view shows any line at once.
 * Prints the longest main-thread frame gap seen, as a figure (no timing assertion).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uiFixture } from '../renderer/ui/e2e-helpers';
import { type AppSession, closeBrowser, launchApp } from './harness';

function tenMegabyteLog(): string {
  const noise =
    'Nov 17 09:40:02 mta1 postfix/smtpd[1201]: connect from app1.internal.example.com[10.0.4.17]\n';
  const log = uiFixture('postfix-orange.log');
  const parts: string[] = [];
  let size = 0;
  while (size < 10_000_000) {
    const chunk = noise.repeat(500) + log;
    parts.push(chunk);
    size += chunk.length;
  }
  return parts.join('');
}

describe('a 10 MB paste stays responsive', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await launchApp();
    await app.page.getByRole('heading', { level: 1 }).waitFor();
  });
  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('extracts off the main thread with progress, and the window answers meanwhile', async () => {
    const text = tenMegabyteLog();
    const started = Date.now();
    // The clipboard's text reaches the page first (not the app's doing), then frames are watched.
    await app.page.evaluate((value) => {
      (window as unknown as { __clip: string }).__clip = value;
    }, text);
    await app.page.evaluate(() => {
      const w = window as unknown as { __gaps: number[]; __stop: boolean };
      w.__gaps = [];
      w.__stop = false;
      let last = performance.now();
      const tick = (now: number) => {
        w.__gaps.push(now - last);
        last = now;
        if (!w.__stop) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await app.page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', (window as unknown as { __clip: string }).__clip);
      document.body.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    });
    await app.page.getByRole('progressbar', { name: 'Analyse en cours' }).waitFor();

    // The window still answers while the worker extracts.
    await app.page.keyboard.press('F1');
    await app.page.getByRole('dialog', { name: 'Aide et raccourcis' }).waitFor();
    const progressStillThere = await app.page.getByRole('progressbar').count();
    await app.page.keyboard.press('Escape');

    const list = app.page.getByRole('list', { name: 'Incidents trouvés' });
    await list.waitFor({ timeout: 60_000 });
    const elapsed = Date.now() - started;
    const gaps = await app.page.evaluate(() => {
      const w = window as unknown as { __gaps: number[]; __stop: boolean };
      w.__stop = true;
      return w.__gaps;
    });
    console.log(
      `10 MB paste (${(text.length / 1e6).toFixed(1)} M chars): incidents shown after ${elapsed} ms; ` +
        `longest frame gap ${Math.round(Math.max(...gaps))} ms over ${gaps.length} frames ` +
        `(gaps over 100 ms: ${
          gaps
            .filter((g) => g > 100)
            .map(Math.round)
            .join(', ') || 'none'
        }); ` +
        `progress bar still shown when the help opened: ${progressStillThere > 0}`,
    );
    expect(await app.page.getByText(/lignes · 10(,\d)?\sMo/).isVisible()).toBe(true);

    // Any line of the 10 MB text can be shown at once: hover a field read near the end.
    await app.page.getByRole('textbox', { name: /Domaine d’envoi/ }).hover();
    const row = app.page.locator('.source-row.is-highlighted');
    await row.waitFor();
    expect(await row.textContent()).toMatch(/example\.(com|org)/);
    expect(await app.page.locator('.source-row').count()).toBeLessThan(300);
    expect(app.pageErrors.filter((e) => !/frame-ancestors/.test(e))).toEqual([]);
  });
});
