/** The commands the native menu sends to the renderer (the renderer binds the same ones to keys). */
export const MENU_COMMANDS = [
  'new-incident',
  'open-file',
  'copy-ticket',
  'focus-search',
  'toggle-language',
  'show-help',
  'open-postmaster',
] as const;

export type MenuCommand = (typeof MENU_COMMANDS)[number];
