/**
 * The remembered settings (UI language, ticket language, ticket context): read once at start, changed
 * locally at once and saved through the API (text fields are saved after a short pause in typing).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Settings } from '../../../electron/contract/app';
import { useApi } from './services';

export const defaultSettings: Settings = {
  uiLang: 'fr',
  ticketLang: 'fr',
  maskRecipients: true,
  ticketContext: {},
};

export const SAVE_DELAY_MS = 400;

export function useSettings() {
  const api = useApi();
  const [settings, setSettings] = useState<Settings>(defaultSettings);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pending = useRef<Partial<Settings>>({});
  /** Changes made before the stored settings arrived win over them. */
  const early = useRef<Partial<Settings> | null>({});
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    let live = true;
    api.app.getSettings({}).then(
      (stored) => {
        if (!live) return;
        const changed = early.current ?? {};
        early.current = null;
        setSettings((current) => ({ ...current, ...stored, ...changed }));
        setLoaded(true);
      },
      (e: unknown) => {
        early.current = null;
        if (live) setError(e instanceof Error ? e.message : String(e));
        setLoaded(true);
      },
    );
    return () => {
      live = false;
    };
  }, [api]);

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const changes = pending.current;
    pending.current = {};
    if (Object.keys(changes).length === 0) return;
    api.app.saveSettings(changes).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [api]);

  useEffect(() => flush, [flush]);

  /** Applies at once; `delayed` batches quick successive changes (typing) into one save. */
  const update = useCallback(
    (changes: Partial<Settings>, delayed = false) => {
      setSettings((current) => ({ ...current, ...changes }));
      if (early.current) early.current = { ...early.current, ...changes };
      pending.current = { ...pending.current, ...changes };
      if (!delayed) return flush();
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, SAVE_DELAY_MS);
    },
    [flush],
  );

  return { settings, loaded, error, update };
}
