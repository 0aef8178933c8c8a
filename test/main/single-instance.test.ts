import { claimSingleInstance } from '../../electron/main/single-instance';

function fakeApp(gotLock: boolean) {
  const listeners: Array<() => void> = [];
  const calls: string[] = [];
  return {
    app: {
      requestSingleInstanceLock: () => gotLock,
      on: (_event: 'second-instance', listener: () => void) => listeners.push(listener),
      quit: () => calls.push('quit'),
    },
    secondLaunch: () => {
      for (const l of listeners) l();
    },
    calls,
  };
}

describe('single instance', () => {
  it('quits a second instance', () => {
    const { app, calls } = fakeApp(false);
    expect(claimSingleInstance(app, () => null)).toBe(false);
    expect(calls).toEqual(['quit']);
  });

  it('brings the existing window back when the app is launched again', () => {
    const { app, calls, secondLaunch } = fakeApp(true);
    const window = { minimized: true, focused: false };
    const fake = {
      isMinimized: () => window.minimized,
      restore: () => {
        window.minimized = false;
      },
      focus: () => {
        window.focused = true;
      },
    };
    expect(claimSingleInstance(app, () => fake as never)).toBe(true);
    secondLaunch();
    expect(window).toEqual({ minimized: false, focused: true });
    expect(calls).toEqual([]);
  });
});
