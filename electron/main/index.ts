/**
 * The main process: one instance, one window, a native menu, and the IPC handlers in front of the
 * services. Everything Electron-specific is wired here; the logic lives in small testable modules.
 */
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, screen, shell } from 'electron';
import { contract } from '../contract';
import { fitToDisplays, loadWindowState, saveWindowState, type WindowState } from '../services/window-state';
import { registerIpcHandlers, trustedSenderCheck } from './ipc';
import { buildMenuTemplate, type MenuCommand } from './menu';
import { denyAllPermissions, hardenWebContents, isAppUrl, secureWebPreferences } from './security';
import { createServices } from './services';

const here = fileURLToPath(new URL('.', import.meta.url));
/** Paths relative to out/main/index.js, checked by test/build/build-output.test.ts. */
export const PRELOAD_PATH = join(here, '../preload/index.cjs');
export const INDEX_HTML_PATH = join(here, '../renderer/index.html');
const appUrl = pathToFileURL(INDEX_HTML_PATH).href;

let mainWindow: BrowserWindow | null = null;

async function createWindow(): Promise<void> {
  const statePath = join(app.getPath('userData'), 'window-state.json');
  const workAreas = screen.getAllDisplays().map((d) => d.workArea);
  const state = fitToDisplays(await loadWindowState(statePath), workAreas);
  const window = new BrowserWindow({
    ...state,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Abuse Desk Assistant',
    backgroundColor: '#1b1d21',
    webPreferences: secureWebPreferences(PRELOAD_PATH),
  });
  mainWindow = window;
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  const remember = () => {
    const bounds = window.getNormalBounds();
    const next: WindowState = { ...bounds, maximized: window.isMaximized() };
    void saveWindowState(statePath, next).catch(() => undefined);
  };
  window.on('close', remember);
  window.on('closed', () => {
    mainWindow = null;
  });
  await window.loadFile(INDEX_HTML_PATH);
}

function sendMenuCommand(command: MenuCommand): void {
  mainWindow?.webContents.send('event:menuCommand', { command });
}

function setMenu(lang: 'fr' | 'en'): void {
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
          { name: 'Mail & logs', extensions: ['eml', 'txt', 'log', 'csv', 'json', 'mbox'] },
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

if (app.requestSingleInstanceLock()) {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  void start();
} else {
  app.quit();
}
