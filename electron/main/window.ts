/**
 * Creates the main window. The webPreferences are written out literally here (not computed) so that
 * both the unit tests and the static security scan (electronegativity) see exactly what Electron gets.
 */
import type { BrowserWindowConstructorOptions, BrowserWindow as ElectronBrowserWindow } from 'electron';
import type { WindowState } from '../services/window-state';

type BrowserWindowClass = new (options: BrowserWindowConstructorOptions) => ElectronBrowserWindow;

export function createMainWindow(
  BrowserWindow: BrowserWindowClass,
  options: { preloadPath: string; state: WindowState },
): ElectronBrowserWindow {
  return new BrowserWindow({
    ...options.state,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Abuse Desk Assistant',
    backgroundColor: '#1b1d21',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
    },
  });
}
