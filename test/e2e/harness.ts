/**
 * End-to-end harness: the built renderer in Debian's Chromium (playwright-core), with `window.api`
 * installed before the app boots and backed by the REAL main-process services through the same IPC
 * handler registry the Electron main process uses (sender check and payload validation included).
 * Electron itself never runs here.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { type Contract, contract, type Events, type Services } from '../../electron/contract';
import { type IpcEventLike, registerIpcHandlers, trustedSenderCheck } from '../../electron/main/ipc';
import { createServices, type ServiceDeps } from '../../electron/main/services';

export const APP_ORIGIN = 'http://app.test';
export const RENDERER_DIR = join(process.cwd(), 'out/renderer');
export const SCREENSHOT_DIR = join(process.cwd(), 'docs/screenshots');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-features=Translate,MediaRouter',
  // Native widgets (date fields, file pickers) in French, as on a French postmaster's desktop.
  '--lang=fr-FR',
];

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export interface LaunchOptions {
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  /** Replace the native open dialog: resolves to a file path, or null for "cancelled". */
  chooseFile?: ServiceDeps['chooseFile'];
  /** Override some services (e.g. a pre-flight service pointed at a test DNS server). */
  overrideServices?: (services: Services, userDataDir: string) => Partial<Services>;
  /** Reuse a user-data folder (to test what survives a restart). */
  userDataDir?: string;
}

export interface AppSession {
  page: Page;
  context: BrowserContext;
  services: Services;
  userDataDir: string;
  /** Everything the app copied to the clipboard, oldest first. */
  clipboard: string[];
  /** Every URL the app asked the system browser to open. */
  openedUrls: string[];
  /** Errors thrown in the page (uncaught) and console errors. */
  pageErrors: string[];
  /** Push an event from the "main process" to the renderer, as webContents.send would. */
  emit<E extends keyof Events>(event: E, payload: unknown): Promise<void>;
  screenshot(name: string): Promise<string>;
  /** Reload the page, keeping the same services and data (like restarting the window). */
  reload(): Promise<void>;
  close(): Promise<void>;
}

let browser: Browser | null = null;

export async function getBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium`);
  browser ??= await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  return browser;
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = null;
}

/** The names the preload would expose, computed from the same contract. */
function apiShape(c: Contract): Record<string, string[]> {
  return Object.fromEntries(Object.entries(c).map(([group, ops]) => [group, Object.keys(ops)]));
}

export async function launchApp(options: LaunchOptions = {}): Promise<AppSession> {
  if (!existsSync(join(RENDERER_DIR, 'index.html')))
    throw new Error('Renderer not built: run the e2e global setup');
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'ada-e2e-')));
  const clipboard: string[] = [];
  const openedUrls: string[] = [];
  const pageErrors: string[] = [];
  let services = createServices({
    userDataDir,
    writeClipboard: (text) => {
      clipboard.push(text);
    },
    openExternal: async (url) => {
      openedUrls.push(url);
    },
    chooseFile: options.chooseFile ?? (async () => null),
  });
  if (options.overrideServices)
    services = { ...services, ...options.overrideServices(services, userDataDir) };

  const handlers = new Map<string, (event: IpcEventLike, payload: unknown) => Promise<unknown>>();
  const isTrusted = trustedSenderCheck(
    () => new Set([1]),
    (url) => url.startsWith(`${APP_ORIGIN}/`),
  );
  registerIpcHandlers(
    { handle: (channel, listener) => handlers.set(channel, listener) },
    contract,
    services,
    isTrusted,
  );

  const context = await (await getBrowser()).newContext({
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1280, height: 860 },
    locale: 'fr-FR',
  });
  await context.route(`${APP_ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    const relative = normalize(decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname));
    const file = join(RENDERER_DIR, relative);
    if (!file.startsWith(RENDERER_DIR) || !existsSync(file))
      return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({
      status: 200,
      contentType: MIME[extname(file)] ?? 'application/octet-stream',
      body: await readFile(file),
    });
  });
  // Anything else (a remote image, a script from elsewhere) is refused, as the CSP would refuse it.
  await context.route(
    (url) =>
      !url.href.startsWith(`${APP_ORIGIN}/`) &&
      !url.href.startsWith('data:') &&
      !url.href.startsWith('blob:'),
    (route) => route.abort('blockedbyclient'),
  );
  await context.exposeBinding('__adaInvoke', async (source, channel: string, payload: unknown) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`No handler for ${channel}`);
    return handler({ sender: { id: 1 }, senderFrame: { url: source.frame.url() } }, payload);
  });
  await context.addInitScript((shape: Record<string, string[]>) => {
    const w = window as unknown as Record<string, unknown>;
    const invoke = w.__adaInvoke as (channel: string, payload: unknown) => Promise<unknown>;
    const listeners = new Map<string, Set<(payload: unknown) => void>>();
    const api: Record<string, unknown> = {};
    for (const [group, methods] of Object.entries(shape)) {
      const fns: Record<string, (input: unknown) => Promise<unknown>> = {};
      for (const method of methods) fns[method] = (input) => invoke(`${group}:${method}`, input ?? {});
      api[group] = Object.freeze(fns);
    }
    api.on = (event: string, listener: (payload: unknown) => void) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    };
    Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false });
    Object.defineProperty(window, '__adaEmit', {
      value: (event: string, payload: unknown) => {
        for (const l of listeners.get(event) ?? []) l(payload);
      },
    });
  }, apiShape(contract));

  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.goto(`${APP_ORIGIN}/index.html`);

  return {
    page,
    context,
    services,
    userDataDir,
    clipboard,
    openedUrls,
    pageErrors,
    emit: async (event, payload) => {
      await page.evaluate(
        ([e, p]) => (window as unknown as { __adaEmit(e: unknown, p: unknown): void }).__adaEmit(e, p),
        [event, payload] as const,
      );
    },
    screenshot: async (name) => {
      const path = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path, fullPage: false });
      return path;
    },
    reload: async () => {
      await page.reload();
    },
    close: async () => {
      await context.close();
      if (!options.userDataDir) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
