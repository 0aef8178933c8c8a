import { describe, expect, it, vi } from 'vitest';
import { APP_URL, resolveAppRequest } from '../../electron/main/app-protocol';
import {
  giveUpMessage,
  type RecoverableContents,
  recoveredUrl,
  recoverRendererCrashes,
} from '../../electron/main/renderer-recovery';
import { isAppUrl } from '../../electron/main/security';

/** A window's contents whose page process can be made to die. */
function fakeContents() {
  let listener: ((event: unknown, details: { reason: string }) => void) | null = null;
  const loaded: string[] = [];
  const contents: RecoverableContents & { destroyed: boolean } = {
    destroyed: false,
    on: (_event, l) => {
      listener = l;
    },
    isDestroyed: () => contents.destroyed,
    loadURL: (url) => {
      loaded.push(url);
      return Promise.resolve();
    },
  };
  const die = (reason: string) => listener?.({}, { reason });
  return { contents, loaded, die };
}

describe('renderer crash recovery', () => {
  it('loads the page again, telling it why, when its process crashes or runs out of memory', () => {
    const { contents, loaded, die } = fakeContents();
    const onGiveUp = vi.fn();
    recoverRendererCrashes(contents, { appUrl: APP_URL, onGiveUp });
    die('oom');
    expect(loaded).toEqual([`${APP_URL}?recovered=oom`]);
    expect(onGiveUp).not.toHaveBeenCalled();
  });

  it('does nothing when the window closes normally or is already destroyed', () => {
    const { contents, loaded, die } = fakeContents();
    recoverRendererCrashes(contents, { appUrl: APP_URL, onGiveUp: vi.fn() });
    die('clean-exit');
    contents.destroyed = true;
    die('crashed');
    expect(loaded).toEqual([]);
  });

  it('gives up after the third death within a minute, not after deaths spread over time', () => {
    let clock = 0;
    const { contents, loaded, die } = fakeContents();
    const onGiveUp = vi.fn();
    recoverRendererCrashes(contents, { appUrl: APP_URL, onGiveUp, now: () => clock });
    die('crashed');
    clock += 61_000;
    die('crashed');
    clock += 61_000;
    die('crashed');
    expect(loaded).toHaveLength(3);
    clock += 1_000;
    die('crashed');
    clock += 1_000;
    die('oom');
    expect(loaded).toHaveLength(4);
    expect(onGiveUp).toHaveBeenCalledWith('oom');
  });

  it('tells the user when the page cannot be loaded again', async () => {
    const { contents, die } = fakeContents();
    contents.loadURL = () => Promise.reject(new Error('ERR_FAILED'));
    const onGiveUp = vi.fn();
    recoverRendererCrashes(contents, { appUrl: APP_URL, onGiveUp });
    die('crashed');
    await vi.waitFor(() => expect(onGiveUp).toHaveBeenCalledWith('crashed'));
  });

  it("keeps the recovered page the app's own page: same file served, trusted for IPC and navigation", () => {
    const url = recoveredUrl(APP_URL, 'oom');
    expect(isAppUrl(url, APP_URL)).toBe(true);
    expect(resolveAppRequest(url, '/srv/renderer')?.path).toBe(
      resolveAppRequest(APP_URL, '/srv/renderer')?.path,
    );
  });

  it('says why the window was not reopened in the interface language', () => {
    const [, fr] = giveUpMessage('fr', 'oom');
    const [, en] = giveUpMessage('en', 'oom');
    expect(fr).toContain('L’historique est intact\u00a0;');
    expect(fr).toContain('«\u00a0Journaux volumineux\u00a0»');
    expect(en).toContain('The history is intact');
  });
});
