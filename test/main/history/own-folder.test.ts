import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { call, makeTempDir, openStore, saveInput } from './helpers';

describe('history store in a folder of its own', () => {
  it('creates the folder (and missing parents) at open, then saves and reads back there', async () => {
    const { dir: userData, cleanup } = await makeTempDir('userdata');
    try {
      const dir = join(userData, 'nested', 'history');
      const store = await openStore({ dir });
      expect((await call(store, 'status', {})).events.map((e) => e.code)).toEqual(['created']);
      const saved = await call(store, 'save', saveInput());
      expect((await readdir(dir)).sort()).toEqual(['history-texts', 'history.json']);
      const reopened = await openStore({ dir });
      expect(await call(reopened, 'get', { id: saved.id })).toEqual(saved);
    } finally {
      await cleanup();
    }
  });
});
