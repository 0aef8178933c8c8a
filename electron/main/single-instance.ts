/** One instance at a time: a second launch focuses the existing window instead of opening another. */
import type { BrowserWindow } from 'electron';

interface AppLike {
  requestSingleInstanceLock(): boolean;
  on(event: 'second-instance', listener: () => void): unknown;
  quit(): void;
}

/** Returns true when this process is the one instance; otherwise asks the app to quit. */
export function claimSingleInstance(app: AppLike, currentWindow: () => BrowserWindow | null): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const window = currentWindow();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  return true;
}
