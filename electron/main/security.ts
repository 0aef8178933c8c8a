/**
 * Electron's security checklist, as code the window and the session are built with. Each function takes
 * the Electron objects it hardens, so tests can check the behaviour with plain fakes.
 */
import type { Session, WebContents } from 'electron';
import { isAllowedExternalUrl } from './external-links';

/** True when `url` is the app's own page (same origin and path as the page the window loaded). */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const target = new URL(url);
    const app = new URL(appUrl);
    return target.protocol === app.protocol && target.host === app.host && target.pathname === app.pathname;
  } catch {
    return false;
  }
}

type OpenExternal = (url: string) => Promise<unknown> | unknown;

/** Blocks navigation away from the app, denies new windows (allow-listed links go to the system browser). */
export function hardenWebContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  appUrl: string,
  openExternal: OpenExternal,
): void {
  const blockNavigation = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault();
  };
  contents.on('will-navigate', blockNavigation);
  contents.on('will-redirect', blockNavigation);
  contents.on('will-attach-webview', (event: { preventDefault(): void }) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void openExternal(url);
    return { action: 'deny' };
  });
}

/** Every permission (camera, notifications, geolocation, clipboard-read...) is denied by default. */
export function denyAllPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
