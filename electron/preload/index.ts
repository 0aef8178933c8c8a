/**
 * The preload: exposes `window.api`, one function per contract operation, and nothing else (never
 * ipcRenderer itself). Runs sandboxed, so it is bundled into one CommonJS file requiring only `electron`.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { type Api, contract, events } from '../contract';
import { channelName } from '../contract/define';

const api: Record<string, unknown> = {};
for (const [group, operations] of Object.entries(contract)) {
  const methods: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const method of Object.keys(operations)) {
    const channel = channelName(group, method);
    methods[method] = (input: unknown) => ipcRenderer.invoke(channel, input ?? {});
  }
  api[group] = methods;
}

const eventNames = new Set(Object.keys(events));
api.on = (event: string, listener: (payload: unknown) => void) => {
  if (!eventNames.has(event)) throw new Error(`Unknown event: ${event}`);
  const channel = `event:${event}`;
  const handler = (_event: unknown, payload: unknown) => listener(payload);
  ipcRenderer.on(channel, handler);
  return () => {
    ipcRenderer.removeListener(channel, handler);
  };
};

contextBridge.exposeInMainWorld('api', api as unknown as Api);
