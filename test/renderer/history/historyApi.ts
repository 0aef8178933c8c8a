/**
 * The history group of the API for component tests: the real store in a temporary folder behind the same
 * schemas the IPC layer validates with, and errors reduced to their message as IPC does. It `satisfies`
 * Api['history'], so it cannot drift from the contract. Calls are recorded for assertions.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import type { Api } from '../../../electron/contract';
import type { InputOf, OutputOf } from '../../../electron/contract/define';
import { historyContract } from '../../../electron/contract/history';
import { createHistoryService, type HistoryService } from '../../../electron/services/history';

type Contract = typeof historyContract;
type Method = keyof Contract;

export async function createHistoryApi(options: { now?: () => Date } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'ada-history-ui-'));
  let store: HistoryService = createHistoryService({ dir, ...options });
  const calls: Array<{ method: Method; input: unknown }> = [];
  /** Set a method name to make its next call fail the way a rejected IPC call does. */
  const failNext = new Map<Method, string>();

  const invoke = async <M extends Method>(
    method: M,
    input: InputOf<Contract[M]>,
  ): Promise<OutputOf<Contract[M]>> => {
    calls.push({ method, input });
    const failure = failNext.get(method);
    if (failure) {
      failNext.delete(method);
      throw new Error(`Error invoking remote method 'history:${method}': Error: ${failure}`);
    }
    const parsed = (historyContract[method].input as z.ZodType).parse(input);
    try {
      return (await (store[method] as (arg: unknown) => unknown)(parsed)) as OutputOf<Contract[M]>;
    } catch (error) {
      // Only the message crosses the IPC boundary.
      throw new Error(`Error invoking remote method 'history:${method}': ${String(error)}`);
    }
  };

  const api = {
    save: (input) => invoke('save', input),
    get: (input) => invoke('get', input),
    search: (input) => invoke('search', input),
    setStatus: (input) => invoke('setStatus', input),
    delete: (input) => invoke('delete', input),
    restore: (input) => invoke('restore', input),
    recurrence: (input) => invoke('recurrence', input),
    stats: (input) => invoke('stats', input),
    exportCsv: (input) => invoke('exportCsv', input),
    exportJson: (input) => invoke('exportJson', input),
    importJson: (input) => invoke('importJson', input),
    status: (input) => invoke('status', input),
  } satisfies Api['history'];

  return {
    api,
    dir,
    calls,
    failNext,
    /** The store as the main process holds it (for seeding and checking). */
    get store() {
      return store;
    },
    /** Opens the folder again, as a restart of the app would. */
    async reopen() {
      store = createHistoryService({ dir, ...options });
      await store.ready;
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
