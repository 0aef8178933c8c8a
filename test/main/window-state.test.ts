import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEFAULT_WINDOW_STATE,
  fitToDisplays,
  loadWindowState,
  saveWindowState,
} from '../../electron/services/window-state';

describe('window state', () => {
  it('round-trips size and position through a file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ada-ws-'));
    const path = join(dir, 'window-state.json');
    expect(await loadWindowState(path)).toEqual(DEFAULT_WINDOW_STATE);
    await saveWindowState(path, { x: 10, y: 20, width: 1000, height: 700, maximized: true });
    expect(await loadWindowState(path)).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: true });
    await writeFile(path, '{"width": -5}');
    expect(await loadWindowState(path)).toEqual(DEFAULT_WINDOW_STATE);
    await rm(dir, { recursive: true });
  });

  it('forgets a position that is no longer on any screen', () => {
    const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    const onScreen = { x: 100, y: 100, width: 800, height: 600, maximized: false };
    expect(fitToDisplays(onScreen, screen)).toEqual(onScreen);
    expect(fitToDisplays({ ...onScreen, x: 4000 }, screen)).toEqual({
      width: 800,
      height: 600,
      maximized: false,
    });
  });
});
