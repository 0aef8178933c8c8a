/**
 * The native application menu: the standard Edit roles (so copy and paste work on every OS) and the
 * app's own commands, which are sent to the renderer as `menuCommand` events.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { MENU_COMMANDS, type MenuCommand } from '../contract/menu-commands';

export { MENU_COMMANDS, type MenuCommand };

const labels = {
  fr: {
    file: 'Fichier',
    newIncident: 'Nouvel incident',
    open: 'Ouvrir…',
    edit: 'Édition',
    copyTicket: 'Copier le message',
    view: 'Affichage',
    search: 'Rechercher dans l’historique',
    language: 'English',
    window: 'Fenêtre',
    help: 'Aide',
    shortcuts: 'Raccourcis clavier',
    postmaster: 'Page postmaster d’Orange',
  },
  en: {
    file: 'File',
    newIncident: 'New incident',
    open: 'Open…',
    edit: 'Edit',
    copyTicket: 'Copy the message',
    view: 'View',
    search: 'Search history',
    language: 'Français',
    window: 'Window',
    help: 'Help',
    shortcuts: 'Keyboard shortcuts',
    postmaster: 'Orange postmaster page',
  },
} as const;

export function buildMenuTemplate(options: {
  lang: 'fr' | 'en';
  isMac: boolean;
  appName: string;
  send: (command: MenuCommand) => void;
}): MenuItemConstructorOptions[] {
  const t = labels[options.lang];
  const item = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    click: () => options.send(command),
    ...(accelerator ? { accelerator } : {}),
  });
  const template: MenuItemConstructorOptions[] = [];
  if (options.isMac) template.push({ label: options.appName, role: 'appMenu' });
  template.push(
    {
      label: t.file,
      submenu: [
        item(t.newIncident, 'new-incident', 'CmdOrCtrl+N'),
        item(t.open, 'open-file', 'CmdOrCtrl+O'),
        { type: 'separator' },
        options.isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: t.edit,
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'pasteAndMatchStyle' },
        { role: 'delete' },
        { role: 'selectAll' },
        { type: 'separator' },
        item(t.copyTicket, 'copy-ticket', 'CmdOrCtrl+Enter'),
      ],
    },
    {
      label: t.view,
      submenu: [
        item(t.search, 'focus-search', 'CmdOrCtrl+F'),
        item(t.language, 'toggle-language', 'CmdOrCtrl+L'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { label: t.window, role: 'windowMenu' },
    {
      label: t.help,
      role: 'help',
      submenu: [item(t.shortcuts, 'show-help', 'F1'), item(t.postmaster, 'open-postmaster')],
    },
  );
  return template;
}
