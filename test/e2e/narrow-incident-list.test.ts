/**
 * The incident list at 900 px, the narrowest width the app is laid out for: with a code, an IP and the
 * « 2 occurrences » badge, every part of an entry stays inside its card (Chromium lays it out; jsdom cannot).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pasteAnywhere, uiFixture } from '../renderer/ui/e2e-helpers';
import { type AppSession, launchApp } from './harness';

describe('incident list at 900 px', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await launchApp({ viewport: { width: 900, height: 800 } });
    await app.page.getByRole('heading', { name: 'Commencez par coller un rejet' }).waitFor();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('keeps the code, the IP, the date and the occurrences badge inside each entry', async () => {
    await pasteAnywhere(app.page, uiFixture('postfix-orange.log'));
    const options = app.page.locator('.incident-option');
    await options.first().waitFor();
    expect(await options.count()).toBe(3);
    await app.page.getByText('2 occurrences').waitFor();
    const overflowing = await options.evaluateAll((buttons) =>
      buttons.flatMap((button) => {
        const box = button.getBoundingClientRect();
        return Array.from(button.children)
          .filter((part) => {
            const r = part.getBoundingClientRect();
            return r.right > box.right - 1 || r.left < box.left + 1;
          })
          .map((part) => `${part.className}: ${part.textContent}`);
      }),
    );
    expect(overflowing).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
