/**
 * The main process: one instance, one window, a native menu, and the IPC handlers in front of the
 * services. Everything Electron-specific is wired here; the logic lives in small testable modules.
 */

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, protocol, screen, shell } from 'electron';
import { OPEN_DIALOG_EXTENSIONS } from '../../core/extract/file-types';
import { contract } from '../contract';
import { fitToDisplays, loadWindowState, saveWindowState, type WindowState } from '../services/window-state';
import { APP_SCHEME, APP_URL, CONTENT_SECURITY_POLICY, resolveAppRequest } from './app-protocol';
import { registerIpcHandlers, trustedSenderCheck } from './ipc';
import { buildMenuTemplate, type MenuCommand } from './menu';
import { giveUpMessage, recoverRendererCrashes } from './renderer-recovery';
import { denyAllPermissions, hardenWebContents, isAppUrl } from './security';
import { createServices } from './services';
import { claimSingleInstance } from './single-instance';
import { createMainWindow } from './window';

const here = fileURLToPath(new URL('.', import.meta.url));
// Paths relative to out/main/index.js, checked by test/e2e/build-output.test.ts.
const PRELOAD_PATH = join(here, '../preload/index.cjs');
const RENDERER_DIR = join(here, '../renderer');
const appUrl = APP_URL;

// Must happen before the app is ready: app:// behaves like a secure, standard origin.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

function serveAppProtocol(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const target = resolveAppRequest(request.url, RENDERER_DIR);
    if (!target) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(target.path);
      return new Response(body, {
        headers: {
          'content-type': target.contentType,
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

let mainWindow: BrowserWindow | null = null;
/** The interface's language, for the few words the main process says itself. */
let uiLang: 'fr' | 'en' = 'fr';

async function createWindow(): Promise<void> {
  const statePath = join(app.getPath('userData'), 'window-state.json');
  const workAreas = screen.getAllDisplays().map((d) => d.workArea);
  const state = fitToDisplays(await loadWindowState(statePath), workAreas);
  const window = createMainWindow(BrowserWindow, { preloadPath: PRELOAD_PATH, state });
  mainWindow = window;
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  recoverRendererCrashes(window.webContents, {
    appUrl: APP_URL,
    onGiveUp: (reason) => dialog.showErrorBox(...giveUpMessage(uiLang, reason)),
  });
  const remember = () => {
    const bounds = window.getNormalBounds();
    const next: WindowState = { ...bounds, maximized: window.isMaximized() };
    void saveWindowState(statePath, next).catch(() => undefined);
  };
  window.on('close', remember);
  window.on('closed', () => {
    mainWindow = null;
  });
  await window.loadURL(APP_URL);
}

function sendMenuCommand(command: MenuCommand): void {
  mainWindow?.webContents.send('event:menuCommand', { command });
}

function setMenu(lang: 'fr' | 'en'): void {
  uiLang = lang;
  const template = buildMenuTemplate({
    lang,
    isMac: process.platform === 'darwin',
    appName: app.name,
    send: sendMenuCommand,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function start(): Promise<void> {
  await app.whenReady();
  serveAppProtocol();
  const { session } = await import('electron');
  denyAllPermissions(session.defaultSession);
  const services = createServices({
    userDataDir: app.getPath('userData'),
    writeClipboard: (text) => clipboard.writeText(text),
    onSettingsChanged: (settings) => setMenu(settings.uiLang),
    openExternal: (url) => shell.openExternal(url),
    chooseFile: async () => {
      const options = {
        properties: ['openFile' as const],
        filters: [
          { name: 'Mail & logs', extensions: [...OPEN_DIALOG_EXTENSIONS] },
          { name: '*', extensions: ['*'] },
        ],
      };
      const result = mainWindow
        ? await dialog.showOpenDialog(mainWindow, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  });
  const trustedIds = () => new Set(mainWindow ? [mainWindow.webContents.id] : []);
  registerIpcHandlers(
    ipcMain,
    contract,
    services,
    trustedSenderCheck(trustedIds, (url) => isAppUrl(url, appUrl)),
  );
  setMenu((await services.app.getSettings({})).uiLang);
  await createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow();
  });
}

app.on('web-contents-created', (_event, contents) => {
  hardenWebContents(contents, appUrl, (url) => shell.openExternal(url));
});
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

if (claimSingleInstance(app, () => mainWindow)) void start();
