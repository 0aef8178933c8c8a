/**
 * Stand-in for the `electron` module in tests. Requiring the real package would try to download the
 * Electron binary (impossible here), so vitest aliases `electron` to this file. Main-process code gets
 * its Electron objects injected; this stub only has to exist and fail loudly if something real is used.
 */
const notAvailable = (name: string) => () => {
  throw new Error(`electron.${name} is not available in tests: inject a fake instead`);
};

export const app = {
  getPath: notAvailable('app.getPath'),
  requestSingleInstanceLock: notAvailable('app.requestSingleInstanceLock'),
  on: notAvailable('app.on'),
  whenReady: notAvailable('app.whenReady'),
  quit: notAvailable('app.quit'),
};
export const BrowserWindow = notAvailable('BrowserWindow');
export const ipcMain = { handle: notAvailable('ipcMain.handle') };
export const ipcRenderer = { invoke: notAvailable('ipcRenderer.invoke'), on: notAvailable('ipcRenderer.on') };
export const contextBridge = { exposeInMainWorld: notAvailable('contextBridge.exposeInMainWorld') };
export const shell = { openExternal: notAvailable('shell.openExternal') };
export const clipboard = { writeText: notAvailable('clipboard.writeText') };
export const dialog = { showOpenDialog: notAvailable('dialog.showOpenDialog') };
export const Menu = { buildFromTemplate: notAvailable('Menu.buildFromTemplate') };
export const session = {};
export const screen = {};
export const nativeTheme = {};
export default { app, BrowserWindow, ipcMain, ipcRenderer, contextBridge, shell, clipboard, dialog, Menu };
