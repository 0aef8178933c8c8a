import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate, MENU_COMMANDS, type MenuCommand } from '../../electron/main/menu';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

describe('application menu', () => {
  it.each([
    [false, 'fr'],
    [true, 'en'],
  ] as const)('has the standard edit roles (mac=%s, %s)', (isMac, lang) => {
    const items = flatten(
      buildMenuTemplate({ lang, isMac, appName: 'Abuse Desk Assistant', send: () => undefined }),
    );
    const roles = items.map((i) => i.role).filter(Boolean);
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']) expect(roles).toContain(role);
    expect(roles.includes('appMenu')).toBe(isMac);
  });

  it('sends each app command to the renderer, with the documented shortcuts', () => {
    const sent: MenuCommand[] = [];
    const items = flatten(
      buildMenuTemplate({ lang: 'en', isMac: false, appName: 'x', send: (c) => sent.push(c) }),
    );
    for (const item of items) if (item.click) (item.click as () => void)();
    expect([...sent].sort()).toEqual([...MENU_COMMANDS].sort());
    const accel = (label: string) => items.find((i) => i.label === label)?.accelerator;
    expect(accel('Copy the message')).toBe('CmdOrCtrl+Enter');
    expect(accel('New incident')).toBe('CmdOrCtrl+N');
    expect(accel('Search history')).toBe('CmdOrCtrl+F');
  });

  it('speaks French when the UI is in French', () => {
    const labels = flatten(
      buildMenuTemplate({ lang: 'fr', isMac: false, appName: 'x', send: () => undefined }),
    ).map((i) => i.label);
    expect(labels).toContain('Édition');
    expect(labels).toContain('Copier le message');
    expect(labels).not.toContain('Copy the message');
  });
});
