/**
 * At 900 px in Chromium (jsdom has no :hover and no layout): « Copier le message » clicked, the pointer still
 * on it, says which text was copied in a readable green (the primary button's dark orange hover background
 * left the green « Copié » unreadable, seen in the UI walk); and a 999's advice shows its steps as
 * paragraphs set apart, not one block.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pasteAnywhere } from '../renderer/ui/e2e-helpers';
import { type AppSession, launchApp } from './harness';

/** WCAG's contrast ratio of two `rgb(r, g, b)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, bl] = (css.match(/\d{1,3}/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (bl ?? 0);
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

describe('the copy confirmation and the advice steps at 900 px', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await launchApp({ viewport: { width: 900, height: 900 } });
    await app.page.getByRole('heading', { name: 'Commencez par coller un rejet' }).waitFor();
    const log = readFileSync(
      join(process.cwd(), 'test/fixtures/extract/audit18/postfix-102-then-999-same-host.log'),
      'latin1',
    );
    await pasteAnywhere(app.page, log);
    await app.page.getByRole('list', { name: 'Incidents trouvés' }).waitFor();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows the 999 advice’s steps as paragraphs set apart', async () => {
    await app.page.getByRole('list', { name: 'Incidents trouvés' }).getByRole('button').nth(1).click();
    const gaps = await app.page
      .locator('.advice-summary p')
      .evaluateAll((ps) =>
        ps
          .slice(1)
          .map((p, i) => p.getBoundingClientRect().top - (ps[i] as Element).getBoundingClientRect().bottom),
      );
    expect(gaps).toHaveLength(5);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(4);
  });

  it('says « le message en français » in green readable under the pointer that clicked', async () => {
    const copy = app.page.getByRole('button', { name: 'Copier le message' });
    await copy.click();
    const done = app.page.getByRole('button', {
      name: '✓ Copié dans le presse-papiers\u00a0: le message en français',
    });
    await done.waitFor();
    // The pointer is still on the button: its hover style applies. Let any transition end.
    await app.page.waitForTimeout(400);
    const { color, background } = await done.evaluate((button) => {
      const style = getComputedStyle(button);
      return { color: style.color, background: style.backgroundColor };
    });
    expect(contrast(color, background)).toBeGreaterThanOrEqual(4.5);
    expect(app.pageErrors).toEqual([]);
  });
});
