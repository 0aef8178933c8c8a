/**
 * The app's commands, from the keyboard and from the native menu (which sends `menuCommand` events).
 * When both fire for one key press (a menu accelerator the page also saw), the command runs once.
 */
import { useEffect, useRef } from 'react';
import type { Api } from '../../electron/contract';
import { MENU_COMMANDS, type MenuCommand } from '../../electron/contract/menu-commands';

export type Command = MenuCommand;

const COMMANDS: readonly Command[] = MENU_COMMANDS;
export const DEDUPE_MS = 400;

/** The command a key press stands for, if any (Ctrl on Windows/Linux, Cmd on macOS). */
export function commandForKey(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
): Command | null {
  if (event.key === 'F1') return 'show-help';
  const mod = event.ctrlKey || event.metaKey;
  if (!mod || event.altKey) return null;
  switch (event.key.toLowerCase()) {
    case 'enter':
      return 'copy-ticket';
    case 'n':
      return event.shiftKey ? null : 'new-incident';
    case 'o':
      return 'open-file';
    case 'f':
      return 'focus-search';
    case 'l':
      return 'toggle-language';
    default:
      return null;
  }
}

export function useCommands(api: Api, run: (command: Command) => void) {
  const handler = useRef(run);
  handler.current = run;

  useEffect(() => {
    const last = new Map<Command, number>();
    const once = (command: Command) => {
      const now = Date.now();
      if (now - (last.get(command) ?? 0) < DEDUPE_MS) return;
      last.set(command, now);
      handler.current(command);
    };
    const onKey = (event: KeyboardEvent) => {
      const command = commandForKey(event);
      if (!command) return;
      event.preventDefault();
      once(command);
    };
    window.addEventListener('keydown', onKey);
    const off = api.on('menuCommand', ({ command }) => {
      if ((COMMANDS as readonly string[]).includes(command)) once(command as Command);
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      off();
    };
  }, [api]);
}
