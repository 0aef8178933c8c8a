/**
 * The whole flow in Chromium on the built renderer, with the real main-process services behind the API:
 * paste a bounce → fields filled → edit an IP → validation message → ticket updates → copy → the
 * clipboard holds the text → save → the history store has it. Accessibility scanned with axe-core at
 * each state; screenshots saved to docs/screenshots/ui-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, pasteAnywhere, shot, uiFixture } from '../renderer/ui/e2e-helpers';
import { type AppSession, closeBrowser, launchApp } from './harness';

const ticketText = async (app: AppSession) => (await app.page.locator('.ticket-text').textContent()) ?? '';
const ipLine = async (app: AppSession) =>
  /^Adresses? IP d'envoi\s?: (.*)$/m.exec(await ticketText(app))?.[1] ?? '';

describe('main flow in Chromium (light, French)', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await launchApp({ colorScheme: 'light' });
    await app.page.getByRole('heading', { name: 'Commencez par coller un rejet' }).waitFor();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('starts empty, saying what to do, with no accessibility violation', async () => {
    expect(await app.page.getByRole('textbox', { name: /Rejet, message de non-remise/ }).isVisible()).toBe(
      true,
    );
    expect(await axeViolations(app.page)).toEqual([]);
    await shot(app, 'empty', 'light', 'fr');
  });

  it('fills the fields as soon as a bounce is pasted', async () => {
    await pasteAnywhere(app.page, uiFixture('postfix-dsn-ofr102.eml'));
    const ip = app.page.getByRole('textbox', { name: 'Adresses IP d’envoi 1' });
    await ip.waitFor();
    expect(await ip.inputValue()).toBe('203.0.113.25');
    expect(await app.page.getByRole('textbox', { name: /Domaine d’envoi/ }).inputValue()).toBe('example.com');
    expect(await app.page.getByRole('textbox', { name: /Date et heure/ }).inputValue()).toBe(
      '2026-11-17T09:42:17+01:00',
    );
    expect(await app.page.locator('.next-step-text').textContent()).toBe(
      'Demandez d’abord le retrait de la liste de blocage',
    );
    expect(await ipLine(app)).toBe('203.0.113.25');
    await app.page.getByRole('textbox', { name: /Domaine d’envoi/ }).hover();
    expect(await app.page.locator('.source-row.is-highlighted').textContent()).toContain('example.com');
    expect(await axeViolations(app.page)).toEqual([]);
    await shot(app, 'fields', 'light', 'fr');
  });

  it('checks an edited IP as the user types and rewrites the ticket', async () => {
    const ip = app.page.getByRole('textbox', { name: 'Adresses IP d’envoi 1' });
    await ip.fill('10.20.30.40');
    const message = app.page.locator('#f-ips-0-msg');
    expect(await message.textContent()).toMatch(/priv/i);
    expect(await ipLine(app)).toBe('10.20.30.40');
    await shot(app, 'validation', 'light', 'fr');
    await ip.fill('198.51.100.77');
    expect(await message.textContent()).not.toMatch(/priv/i);
    expect(await ipLine(app)).toBe('198.51.100.77');
  });

  it('copies the whole message through the main process, with visible confirmation', async () => {
    await app.page.getByRole('button', { name: 'Copier le message' }).click();
    await app.page.getByText('Copié dans le presse-papiers').first().waitFor();
    expect(app.clipboard.at(-1)).toBe(await ticketText(app));
    expect(app.clipboard.at(-1)).toContain('198.51.100.77');
    await app.page.locator('.ticket').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot(app, 'ticket-copied', 'light', 'fr');
  });

  it('copies with Ctrl+Enter too', async () => {
    const before = app.clipboard.length;
    await app.page.locator('body').click({ position: { x: 5, y: 5 } });
    await app.page.keyboard.press('Control+Enter');
    await expect.poll(() => app.clipboard.length).toBe(before + 1);
  });

  it('saves the incident into the real history store', async () => {
    await app.page.getByRole('button', { name: 'Enregistrer dans l’historique' }).click();
    await app.page.getByText('Incident enregistré dans l’historique').first().waitFor();
    const found = await app.services.history.search({ query: '198.51.100.77', offset: 0, limit: 10 });
    expect(found.total).toBe(1);
    const record = await app.services.history.get({ id: found.items[0]?.id ?? '' });
    expect(record?.ticket.fr.body).toBe(await ticketText(app));
    expect(record?.advice?.nextStep).toBe('delist-elsewhere');
  });

  it('finds the saved incident in the history with Ctrl+F and reopens it', async () => {
    await app.page.locator('body').click({ position: { x: 5, y: 5 } });
    await app.page.keyboard.press('Control+F');
    const search = app.page.getByRole('searchbox', { name: 'Rechercher' });
    await search.waitFor();
    await expect
      .poll(() => app.page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type))
      .toBe('search');
    await search.fill('198.51.100.77');
    await app.page
      .getByRole('button', { name: /^Ouvrir \(/ })
      .first()
      .click();
    const ip = app.page.getByRole('textbox', { name: 'Adresses IP d’envoi 1' });
    await ip.waitFor();
    expect(await ip.inputValue()).toBe('198.51.100.77');
    expect(await axeViolations(app.page)).toEqual([]);
  });

  it('shows the English ticket in its own tab while the interface stays French', async () => {
    await app.page.getByRole('tab', { name: 'Anglais (pour vos archives)' }).click();
    expect(await ticketText(app)).toMatch(/^Hello/);
    expect(await app.page.getByRole('heading', { name: 'Message pour Orange' }).isVisible()).toBe(true);
    await app.page.getByRole('tab', { name: 'Français (à envoyer)' }).click();
  });

  it('opens the help panel with every shortcut, accessible', async () => {
    await app.page.keyboard.press('F1');
    const dialog = app.page.getByRole('dialog', { name: 'Aide et raccourcis' });
    await dialog.waitFor();
    expect(await dialog.getByText('Copier le message pour Orange').isVisible()).toBe(true);
    expect(await axeViolations(app.page)).toEqual([]);
    await shot(app, 'help', 'light', 'fr');
    await app.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('lists several incidents from a log, merging repeats', async () => {
    await app.page.keyboard.press('Control+N');
    await app.page.getByRole('heading', { name: 'Commencez par coller un rejet' }).waitFor();
    await pasteAnywhere(app.page, uiFixture('postfix-orange.log'));
    const list = app.page.getByRole('list', { name: 'Incidents trouvés' });
    await list.waitFor();
    expect(await list.getByText('2 occurrences').isVisible()).toBe(true);
    expect(await axeViolations(app.page)).toEqual([]);
    await shot(app, 'incidents', 'light', 'fr');
    expect(app.pageErrors.filter((e) => !/frame-ancestors/.test(e))).toEqual([]);
  });
});

describe.each([
  ['dark', 'fr'],
  ['dark', 'en'],
  ['light', 'en'],
] as const)('the flow in %s theme, %s interface', (theme, lang) => {
  let app: AppSession;
  beforeAll(async () => {
    app = await launchApp({ colorScheme: theme });
    await app.page.getByRole('heading', { level: 1 }).waitFor();
    if (lang === 'en') await app.page.getByRole('button', { name: /EN English/ }).click();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('passes the accessibility scan empty and filled, and saves screenshots', async () => {
    await app.page
      .getByRole('heading', {
        name: lang === 'fr' ? 'Commencez par coller un rejet' : 'Start by pasting a rejection',
      })
      .waitFor();
    expect(await axeViolations(app.page)).toEqual([]);
    await shot(app, 'empty', theme, lang);
    await pasteAnywhere(app.page, uiFixture('postfix-dsn-ofr102.eml'));
    await app.page.locator('#f-ips-0').waitFor();
    expect(await axeViolations(app.page)).toEqual([]);
    await shot(app, 'fields', theme, lang);
    await app.page.locator('.ticket').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot(app, 'ticket', theme, lang);
  });
});

afterAll(async () => {
  await closeBrowser();
});
