import { contract, type Services } from '../../electron/contract';
import { type IpcEventLike, registerIpcHandlers, trustedSenderCheck } from '../../electron/main/ipc';

type Handler = (event: IpcEventLike, payload: unknown) => Promise<unknown>;

/** A services object whose every method records its call and echoes its (validated) input. */
function recordingServices(calls: string[]): Services {
  return Object.fromEntries(
    Object.entries(contract).map(([group, ops]) => [
      group,
      Object.fromEntries(
        Object.keys(ops).map((method) => [
          method,
          async (input: unknown) => {
            calls.push(`${group}:${method}`);
            return input;
          },
        ]),
      ),
    ]),
  ) as unknown as Services;
}

const APP = 'file:///opt/app/out/renderer/index.html';
const trusted: IpcEventLike = { sender: { id: 7 }, senderFrame: { url: APP } };

function setup() {
  const handlers = new Map<string, Handler>();
  const calls: string[] = [];
  const channels = registerIpcHandlers(
    { handle: (channel, listener) => handlers.set(channel, listener) },
    contract,
    recordingServices(calls),
    trustedSenderCheck(
      () => new Set([7]),
      (url) => url === APP,
    ),
  );
  return { handlers, calls, channels };
}

describe('IPC handlers', () => {
  it('registers one handler per contract operation, named group:method', () => {
    const { channels } = setup();
    const expected = Object.entries(contract).flatMap(([group, ops]) =>
      Object.keys(ops).map((m) => `${group}:${m}`),
    );
    expect(channels.sort()).toEqual(expected.sort());
    expect(channels).toContain('app:copyText');
    expect(channels).toContain('app:openExternal');
  });

  it('runs the service on a valid payload from the app window', async () => {
    const { handlers, calls } = setup();
    await expect(handlers.get('app:copyText')?.(trusted, { text: 'Bonjour' })).resolves.toEqual({
      text: 'Bonjour',
    });
    expect(calls).toEqual(['app:copyText']);
  });

  it('rejects a malformed payload with a clear error before the service runs', async () => {
    const { handlers, calls } = setup();
    await expect(handlers.get('app:copyText')?.(trusted, { text: 42 })).rejects.toThrow(
      /app:copyText: invalid payload.*text/,
    );
    await expect(handlers.get('app:copyText')?.(trusted, null)).rejects.toThrow(/invalid payload/);
    await expect(handlers.get('app:openFile')?.(trusted, { path: '/etc/passwd' })).rejects.toThrow(
      /invalid payload/,
    );
    expect(calls).toEqual([]);
  });

  it.each([
    ['another webContents', { sender: { id: 8 }, senderFrame: { url: APP } }],
    ['a frame on another page', { sender: { id: 7 }, senderFrame: { url: 'https://evil.example/' } }],
    ['a frame that is gone', { sender: { id: 7 }, senderFrame: null }],
  ])('refuses %s', async (_name, event) => {
    const { handlers, calls } = setup();
    await expect(handlers.get('app:copyText')?.(event as IpcEventLike, { text: 'x' })).rejects.toThrow(
      /refused/,
    );
    expect(calls).toEqual([]);
  });

  it('fails loudly at start-up when a service is missing', () => {
    const services = recordingServices([]);
    delete (services.app as Partial<Services['app']>).copyText;
    expect(() => registerIpcHandlers({ handle: () => undefined }, contract, services, () => true)).toThrow(
      /No service implements app:copyText/,
    );
  });
});
