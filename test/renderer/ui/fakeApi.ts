/**
 * A fake of the preload API for component tests: it `satisfies Api`, so it cannot drift from the
 * contract. The app group and history.save record what the UI asked; other groups reject loudly.
 */
import type { Api, EventPayload, Events } from '../../../electron/contract';
import type { OpenedFile, Settings } from '../../../electron/contract/app';
import type { HistoryRecord } from '../../../electron/services/history/schema';

type Listener = (payload: never) => void;

/** A group whose faked methods answer and every other method rejects loudly. */
function group<G extends object>(name: string, faked: Partial<G> = {}): G {
  return new Proxy(faked as G, {
    get: (target, method) =>
      Reflect.get(target, method) ??
      (() => Promise.reject(new Error(`fake api: ${name}.${String(method)} not faked`))),
  });
}

type HistoryApi = Api['history'];

export interface FakeApiOptions {
  settings?: Partial<Settings>;
  openFile?: OpenedFile | null;
  copyFails?: boolean;
  saveFails?: boolean;
  /** getSettings answers only once this resolves. */
  settingsGate?: Promise<void>;
}

export function createFakeApi(options: FakeApiOptions = {}) {
  const calls = {
    copied: [] as string[],
    opened: [] as string[],
    savedSettings: [] as Partial<Settings>[],
    saved: [] as Parameters<Api['history']['save']>[0][],
  };
  let settings: Settings = {
    uiLang: 'fr',
    ticketLang: 'fr',
    maskRecipients: true,
    ticketContext: {},
    ...options.settings,
  };
  const listeners = new Map<keyof Events, Set<Listener>>();

  const api = {
    app: {
      copyText: async ({ text }) => {
        if (options.copyFails) throw new Error('clipboard unavailable');
        calls.copied.push(text);
        return { ok: true as const };
      },
      openExternal: async ({ url }) => {
        calls.opened.push(url);
        return url.startsWith('https://') ? { ok: true } : { ok: false, reason: 'not https' };
      },
      openFile: async () => options.openFile ?? null,
      getSettings: async () => {
        // The answer is what was stored when asked, even if it arrives late.
        const stored = settings;
        await options.settingsGate;
        return stored;
      },
      saveSettings: async (changes) => {
        calls.savedSettings.push(changes);
        settings = { ...settings, ...changes } as Settings;
        return settings;
      },
    },
    history: group<Api['history']>('history', {
      recurrence: async ({ days }: Parameters<HistoryApi['recurrence']>[0]) => ({
        days: days ?? 30,
        since: new Date().toISOString(),
        ip: null,
        domain: null,
      }),
      save: async (input: Parameters<HistoryApi['save']>[0]) => {
        if (options.saveFails) throw new Error('disk full');
        calls.saved.push(input);
        const now = new Date().toISOString();
        const record: HistoryRecord = {
          id: input.id ?? `rec-${calls.saved.length}`,
          createdAt: now,
          updatedAt: now,
          status: input.status ?? 'draft',
          sentAt: null,
          orangeTicketRef: null,
          notes: '',
          incident: input.incident as HistoryRecord['incident'],
          advice: input.advice as HistoryRecord['advice'],
          ticket: input.ticket,
          rawText: input.rawText,
          deletedAt: null,
        };
        return record;
      },
    }),
    preflight: group<Api['preflight']>('preflight'),
    on<E extends keyof Events>(event: E, listener: (payload: EventPayload<E>) => void) {
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener as Listener);
      listeners.set(event, set);
      return () => set.delete(listener as Listener);
    },
  } satisfies Api;

  /** Pushes an event as the main process would. */
  const emit = <E extends keyof Events>(event: E, payload: EventPayload<E>) => {
    for (const listener of listeners.get(event) ?? []) (listener as (p: EventPayload<E>) => void)(payload);
  };

  return { api, calls, emit, currentSettings: () => settings };
}
