/**
 * The one contract shared by the main process, the preload and the renderer (in the spirit of GitHub
 * Desktop's ipc-shared.ts). Each domain declares its group in its own file; this file only assembles.
 */
import { appContract } from './app';
import type { GroupApi, GroupImpl, PushEvent } from './define';
import { pushEvent } from './define';
import { historyContract } from './history';
import type { MenuCommand } from './menu-commands';
import { preflightContract } from './preflight';

export const contract = {
  app: appContract,
  history: historyContract,
  preflight: preflightContract,
};
export type Contract = typeof contract;

/** Messages the main process pushes to the renderer. */
export const events = {
  /** A command chosen in the application menu (new incident, copy ticket, focus search, help...). */
  menuCommand: pushEvent<{ command: MenuCommand }>(),
  /** Progress of a long operation started by the renderer (log scan, pre-flight checks). */
  progress: pushEvent<{ taskId: string; done: number; total: number | null; detail?: unknown }>(),
};
export type Events = typeof events;
export type EventPayload<E extends keyof Events> = Events[E] extends PushEvent<infer P> ? P : never;

/** The API the preload exposes on `window.api`. */
export type Api = { [G in keyof Contract]: GroupApi<Contract[G]> } & {
  on<E extends keyof Events>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/** What the main process provides behind the API. */
export type Services = { [G in keyof Contract]: GroupImpl<Contract[G]> };
