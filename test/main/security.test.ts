import { denyAllPermissions, hardenWebContents, isAppUrl } from '../../electron/main/security';
import { createMainWindow } from '../../electron/main/window';

const APP = 'app://bundle/index.html';

function fakeContents() {
  const listeners = new Map<string, (event: { preventDefault(): void }, url: string) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  return {
    on: (name: string, listener: (event: { preventDefault(): void }, url: string) => void) => {
      listeners.set(name, listener);
    },
    setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => {
      openHandler = handler;
    },
    navigate(name: string, url: string) {
      let prevented = false;
      listeners.get(name)?.({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    },
    open: (url: string) => openHandler?.({ url }),
  };
}

describe('window security', () => {
  it('creates windows isolated, sandboxed, without Node and with web security', () => {
    const created: Array<Record<string, unknown>> = [];
    class FakeWindow {
      constructor(options: Record<string, unknown>) {
        created.push(options);
      }
    }
    createMainWindow(FakeWindow as never, {
      preloadPath: '/opt/app/out/preload/index.cjs',
      state: { width: 1000, height: 700, maximized: false },
    });
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ width: 1000, height: 700, show: false });
    expect(created[0]?.webPreferences).toMatchObject({
      disableBlinkFeatures: 'Auxclick',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      preload: '/opt/app/out/preload/index.cjs',
    });
  });

  it('recognises only the app page as the app', () => {
    expect(isAppUrl(APP, APP)).toBe(true);
    expect(isAppUrl(`${APP}#history`, APP)).toBe(true);
    expect(isAppUrl('file:///etc/passwd', APP)).toBe(false);
    expect(isAppUrl('https://evil.example/index.html', APP)).toBe(false);
    expect(isAppUrl('not a url', APP)).toBe(false);
  });

  it('blocks navigation away from the app and denies every new window', () => {
    const contents = fakeContents();
    const opened: string[] = [];
    hardenWebContents(contents as never, APP, (url) => opened.push(url));
    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.navigate('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(contents.navigate('will-navigate', APP)).toBe(false);
    expect(contents.navigate('will-attach-webview', 'about:blank')).toBe(true);
    expect(contents.open('https://postmaster.orange.fr/')).toEqual({ action: 'deny' });
    expect(contents.open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(contents.open('http://postmaster.orange.fr/')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://postmaster.orange.fr/']);
  });

  it('denies every permission request and check', () => {
    let request: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | null = null;
    let check: ((...args: unknown[]) => boolean) | null = null;
    denyAllPermissions({
      setPermissionRequestHandler: (h: never) => {
        request = h;
      },
      setPermissionCheckHandler: (h: never) => {
        check = h;
      },
    } as never);
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      (request as unknown as (c: unknown, p: string, cb: (ok: boolean) => void) => void)(
        {},
        permission,
        (ok) => answers.push(ok),
      );
    }
    expect(answers).toEqual([false, false, false, false, false]);
    expect((check as unknown as () => boolean)()).toBe(false);
  });
});
