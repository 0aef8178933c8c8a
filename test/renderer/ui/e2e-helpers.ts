/** Helpers for the UI end-to-end tests (test/e2e/flow-*.test.ts): pasting like a user, axe-core, screenshots. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { AppSession } from '../../e2e/harness';

export function uiFixture(name: string): string {
  return readFileSync(join(process.cwd(), 'test/fixtures/ui', name), 'latin1');
}

/** A Ctrl/Cmd+V with nothing focused: the browser fires `paste` at the body with the clipboard's text. */
export async function pasteAnywhere(page: Page, text: string): Promise<void> {
  await page.evaluate((value) => {
    (document.activeElement as HTMLElement | null)?.blur?.();
    const data = new DataTransfer();
    data.setData('text/plain', value);
    document.body.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe-core (WCAG 2.x A/AA rules and best practices) on the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the debugging protocol, so the page's CSP (no inline scripts) does not apply.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: unknown,
            opts: unknown,
          ): Promise<{
            violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  });
}

/** Screenshots go to docs/screenshots/ui-<state>-<theme>-<lang>.png. */
export async function shot(app: AppSession, state: string, theme: 'light' | 'dark', lang: 'fr' | 'en') {
  await app.page.waitForTimeout(150);
  return app.screenshot(`ui-${state}-${theme}-${lang}`);
}
