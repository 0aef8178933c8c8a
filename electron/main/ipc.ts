/**
 * Registers one handler per contract operation. Before any service runs, the sender is checked and the
 * payload is validated with the operation's schema; a refusal is a clear error, never a silent no-op.
 */
import { z } from 'zod';
import type { Contract, Services } from '../contract';
import { channelName } from '../contract/define';

/** The part of an IPC event the checks need. */
export interface IpcEventLike {
  sender: { id: number };
  senderFrame?: { url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, payload: unknown) => Promise<unknown>): void;
}

export type SenderCheck = (event: IpcEventLike) => boolean;

/** A sender is trusted when it is one of the app's own webContents showing the app's own page. */
export function trustedSenderCheck(
  trustedIds: () => ReadonlySet<number>,
  isAppPage: (url: string) => boolean,
) {
  return (event: IpcEventLike): boolean => {
    const url = event.senderFrame?.url;
    return trustedIds().has(event.sender.id) && typeof url === 'string' && isAppPage(url);
  };
}

export class IpcRefusal extends Error {
  override name = 'IpcRefusal';
}

export function registerIpcHandlers(
  ipcMain: IpcMainLike,
  contract: Contract,
  services: Services,
  isTrustedSender: SenderCheck,
): string[] {
  const channels: string[] = [];
  for (const [group, operations] of Object.entries(contract)) {
    const impls = (services as unknown as Record<string, Record<string, (input: unknown) => unknown>>)[group];
    for (const [method, operation] of Object.entries(operations as Record<string, { input: z.ZodType }>)) {
      const impl = impls?.[method];
      if (typeof impl !== 'function') throw new Error(`No service implements ${channelName(group, method)}`);
      const channel = channelName(group, method);
      ipcMain.handle(channel, async (event, payload) => {
        if (!isTrustedSender(event))
          throw new IpcRefusal(`${channel}: refused, the sender is not the app's window`);
        const parsed = operation.input.safeParse(payload);
        if (!parsed.success) {
          throw new IpcRefusal(
            `${channel}: invalid payload: ${z.prettifyError(parsed.error).replace(/\n/g, '; ')}`,
          );
        }
        return impl.call(impls, parsed.data);
      });
      channels.push(channel);
    }
  }
  return channels;
}
