/**
 * When the window's page process dies (a crash, memory exhausted by a pathological paste, killed by the
 * system), Electron leaves a blank window: the app would look dead. The page is loaded again instead,
 * with `?recovered=<reason>` so that it says what happened and puts back the work in progress it kept
 * (renderer/src/session/draft-store.ts). The history is the main process's and is not touched. A page
 * that dies again and again (three times within a minute) is not reloaded forever: `onGiveUp` tells
 * the user instead.
 */

/** Electron's `render-process-gone` reasons after which the page is loaded again. */
const RELOADED_REASONS = new Set([
  'crashed',
  'oom',
  'abnormal-exit',
  'killed',
  'launch-failed',
  'integrity-failure',
  'memory-eviction',
]);

/** Deaths within this window count towards giving up. */
const WINDOW_MS = 60_000;
const MAX_RELOADS = 2;

/** The part of Electron's WebContents this needs (injected: tests pass a fake). */
export interface RecoverableContents {
  on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string }) => void): void;
  isDestroyed(): boolean;
  loadURL(url: string): Promise<void>;
}

export interface RecoveryOptions {
  /** The page's own URL (app://…/index.html). */
  appUrl: string;
  /** Told when the page died too often to be reloaded again. */
  onGiveUp(reason: string): void;
  now?: () => number;
}

/** The page's URL telling it that it was loaded again after dying for `reason`. */
export function recoveredUrl(appUrl: string, reason: string): string {
  const url = new URL(appUrl);
  url.search = new URLSearchParams({ recovered: reason }).toString();
  return url.toString();
}

/**
 * What the user is told when the page is not loaded again (title, then text), in the interface's language.
 */
export function giveUpMessage(lang: 'fr' | 'en', reason: string): [string, string] {
  return lang === 'fr'
    ? [
        'Abuse Desk Assistant',
        `La fenêtre s\u2019est arrêtée plusieurs fois de suite (${reason}) et n\u2019a pas été rouverte. L\u2019historique est intact\u00a0; relancez l\u2019application. Si le texte collé est en cause, ouvrez-le plutôt dans «\u00a0Journaux volumineux\u00a0».`,
      ]
    : [
        'Abuse Desk Assistant',
        `The window stopped several times in a row (${reason}) and was not reopened. The history is intact; restart the application. If the pasted text is the cause, open it in "Large logs" instead.`,
      ];
}

export function recoverRendererCrashes(contents: RecoverableContents, options: RecoveryOptions): void {
  const now = options.now ?? Date.now;
  let deaths: number[] = [];
  contents.on('render-process-gone', (_event, { reason }) => {
    // A clean exit is the window closing; a destroyed window has nothing to show any more.
    if (!RELOADED_REASONS.has(reason) || contents.isDestroyed()) return;
    const at = now();
    deaths = deaths.filter((t) => at - t < WINDOW_MS);
    deaths.push(at);
    if (deaths.length > MAX_RELOADS) {
      options.onGiveUp(reason);
      return;
    }
    contents.loadURL(recoveredUrl(options.appUrl, reason)).catch(() => options.onGiveUp(reason));
  });
}
