/**
 * The shell's own operations behind the `app` contract group: clipboard, external links, opening a file
 * through the native dialog, and the settings document. Electron's objects come in as plain functions.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileText } from '../../core/extract/decode-bytes';
import { fileContent } from '../../core/extract/file-bytes';
import { type appContract, type OpenedFile, Settings } from '../contract/app';
import type { GroupImpl } from '../contract/define';
import { isAllowedExternalUrl } from '../main/external-links';
import { readJsonFile, writeJsonFileAtomic } from './json-file';

/** Files larger than this are not read into the paste area (the large-log view streams them instead). */
export const MAX_OPENED_FILE_BYTES = 20 * 1024 * 1024;

export interface AppServiceDeps {
  writeClipboard(text: string): void;
  openExternal(url: string): Promise<void>;
  /** Shows the native open dialog; resolves to the chosen path or null when cancelled. */
  chooseFile(): Promise<string | null>;
  settingsPath: string;
  /** Called after settings were saved (the main process rebuilds the menu in the new language). */
  onSettingsChanged?(settings: Settings): void;
}

export function createAppService(deps: AppServiceDeps): GroupImpl<typeof appContract> {
  let settings: Settings | null = null;
  const loadSettings = async (): Promise<Settings> => {
    settings ??= (await readJsonFile(deps.settingsPath, Settings, Settings.parse({}))).value;
    return settings;
  };

  return {
    copyText({ text }) {
      deps.writeClipboard(text);
      return { ok: true as const };
    },
    async openExternal({ url }) {
      if (!isAllowedExternalUrl(url)) return { ok: false, reason: `not an allowed https address: ${url}` };
      await deps.openExternal(url);
      return { ok: true };
    },
    async openFile(): Promise<OpenedFile | null> {
      const path = await deps.chooseFile();
      if (path === null) return null;
      const name = basename(path);
      try {
        const { size } = await stat(path);
        if (size > MAX_OPENED_FILE_BYTES) {
          return { name, path, size, text: null, error: 'too-large' };
        }
        const content = await fileContent(await readFile(path), {
          limit: MAX_OPENED_FILE_BYTES,
          overLimit: 'refuse',
        });
        if (content.kind === 'refused') return { name, path, size, text: null, error: 'too-large' };
        const text = content.kind === 'text' ? content.text : decodeText(content.bytes);
        const opened = { name, path, size, text, error: null };
        if (content.kind === 'text') return opened;
        return {
          ...opened,
          ...(content.compressedCut ? { compressedCut: content.compressedCut } : {}),
          ...(content.checksumMismatch ? { checksumMismatch: content.checksumMismatch } : {}),
          ...(content.trailingIgnored ? { trailingIgnored: content.trailingIgnored } : {}),
        };
      } catch (error) {
        return { name, path, size: 0, text: null, error: (error as Error).message };
      }
    },
    getSettings: () => loadSettings(),
    async saveSettings(patch) {
      const next = Settings.parse({ ...(await loadSettings()), ...patch });
      await writeJsonFileAtomic(deps.settingsPath, next);
      settings = next;
      deps.onSettingsChanged?.(next);
      return next;
    },
  };
}

/** The text as the engine reads files (core/extract/decode-bytes.ts fileText). */
export function decodeText(bytes: Uint8Array): string {
  return fileText(bytes);
}
