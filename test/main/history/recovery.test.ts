import { chmod, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HistoryFs } from '../../../electron/services/history';
import {
  call,
  makeTempDir,
  manualClock,
  openStore,
  orangeIncident,
  readStoredFile,
  saveInput,
} from './helpers';

const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

/** A store with two saves: history.json holds both, history.json.bak only the first. */
async function twoSaves(dir: string) {
  const clock = manualClock();
  const store = await openStore({ dir, now: clock.now });
  const first = await call(store, 'save', saveInput());
  clock.advance(1000);
  const second = await call(
    store,
    'save',
    saveInput({ incident: orangeIncident({ sendingIps: ['198.51.100.4'] }) }),
  );
  return { first, second, clock };
}

const codes = (events: Array<{ code: string }>) => events.map((e) => e.code);

describe('history store: recovery at start-up', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await makeTempDir());
  });
  afterEach(() => cleanup());

  it('starts a new history in an empty folder and says so', async () => {
    const store = await openStore({ dir: join(dir, 'not', 'yet', 'there') });
    const status = await call(store, 'status', {});
    expect(status).toMatchObject({ count: 0, writable: true, attention: false });
    expect(codes(status.events)).toEqual(['created']);
  });

  it('moves a truncated file aside, loads the last good copy and tells exactly what happened', async () => {
    const { first, clock } = await twoSaves(dir);
    const text = await readFile(join(dir, 'history.json'), 'utf8');
    await writeFile(join(dir, 'history.json'), text.slice(0, Math.floor(text.length / 2)));
    clock.set('2026-11-30T08:00:00.000Z');

    const store = await openStore({ dir, now: clock.now });
    const status = await call(store, 'status', {});
    expect(codes(status.events)).toEqual(['corrupt-moved-aside', 'backup-loaded']);
    expect(status).toMatchObject({ count: 1, writable: true, attention: true });
    expect(status.events[0]?.text.en).toMatch(
      /not valid JSON.*moved aside to history\.corrupt-2026-11-30T08-00-00-000Z\.json/,
    );
    expect(status.events[0]?.text.fr).toMatch(
      /mis de côté sous le nom history\.corrupt-2026-11-30T08-00-00-000Z\.json/,
    );
    expect(status.events[1]?.text.en).toContain('1 incident(s), last change 2026-11-29T10:00:00.000Z');
    expect((await call(store, 'get', { id: first.id }))?.id).toBe(first.id);
    // The damaged file is kept, byte for byte, for inspection.
    const moved = await readFile(join(dir, 'history.corrupt-2026-11-30T08-00-00-000Z.json'), 'utf8');
    expect(moved).toBe(text.slice(0, Math.floor(text.length / 2)));
  });

  it('treats well-formed JSON of the wrong shape, and an empty file, as corrupt too', async () => {
    await twoSaves(dir);
    const doc = JSON.parse(await readFile(join(dir, 'history.json'), 'utf8'));
    doc.text += 'archived';
    doc.columns.status[1] = doc.ends.push(doc.text.length) - 1;
    await writeFile(join(dir, 'history.json'), JSON.stringify(doc));
    let status = await call(await openStore({ dir }), 'status', {});
    expect(codes(status.events)).toEqual(['corrupt-moved-aside', 'backup-loaded']);
    expect(status.events[0]?.text.en).toMatch(/does not match the expected format \(records\.1\.status/);

    // A reference past the end of the strings table is named by the field it should give.
    await twoSaves(dir);
    const again = JSON.parse(await readFile(join(dir, 'history.json'), 'utf8'));
    again.columns.sendingDomain[0] = again.ends.length;
    await writeFile(join(dir, 'history.json'), JSON.stringify(again));
    status = await call(await openStore({ dir }), 'status', {});
    expect(status.events[0]?.text.en).toMatch(/expected format \(records\.0\.incident\.sendingDomain/);

    await writeFile(join(dir, 'history.json'), '');
    status = await call(await openStore({ dir }), 'status', {});
    expect(status.events[0]?.text.en).toContain('the file is empty');
    expect((await readdir(dir)).filter((n) => n.startsWith('history.corrupt-'))).toHaveLength(3);
  });

  it('never resets silently: with no usable copy at all it starts empty, keeps both files and says so', async () => {
    await twoSaves(dir);
    await writeFile(join(dir, 'history.json'), '{"schemaVersion":2,"records":[{"id":');
    await writeFile(join(dir, 'history.json.bak'), 'garbage');
    const store = await openStore({ dir });
    const status = await call(store, 'status', {});
    expect(codes(status.events)).toEqual(['corrupt-moved-aside', 'backup-unusable']);
    expect(status.events.map((e) => e.level)).toEqual(['warning', 'error']);
    const names = await readdir(dir);
    expect(names.some((n) => n.startsWith('history.corrupt-'))).toBe(true);
    expect(names.some((n) => n.startsWith('history.bak-corrupt-'))).toBe(true);
    // Saving still works and starts a fresh file next to the kept ones.
    await call(store, 'save', saveInput());
    expect((await call(await openStore({ dir }), 'status', {})).count).toBe(1);
  });

  it('loads the last good copy when history.json has disappeared', async () => {
    await twoSaves(dir);
    const { unlink } = await import('node:fs/promises');
    await unlink(join(dir, 'history.json'));
    const status = await call(await openStore({ dir }), 'status', {});
    expect(codes(status.events)).toEqual(['main-missing-backup-loaded']);
    expect(status.count).toBe(1);
  });

  it('leaves a file from a newer app version untouched and refuses to save over it', async () => {
    const future = JSON.stringify({ schemaVersion: 9, records: [{ id: 'x', shape: 'unknown' }] });
    await writeFile(join(dir, 'history.json'), future);
    const store = await openStore({ dir });
    const status = await call(store, 'status', {});
    expect(status).toMatchObject({ writable: false, attention: true });
    expect(codes(status.events)).toEqual(['newer-version']);
    await expect(call(store, 'save', saveInput())).rejects.toMatchObject({ code: 'read-only' });
    expect(await readFile(join(dir, 'history.json'), 'utf8')).toBe(future);
  });

  it('removes temporary files left by an interrupted save', async () => {
    await twoSaves(dir);
    await writeFile(join(dir, '.history.json.tmp-999-1-1'), '{"schemaVersion":2,"rec');
    const status = await call(await openStore({ dir }), 'status', {});
    expect(codes(status.events)).toEqual(['temp-files-removed', 'loaded']);
    expect((await readdir(dir)).some((n) => n.includes('.tmp-'))).toBe(false);
  });

  it('moves an unreadable file aside (injected EACCES on read) and loads the last good copy', async () => {
    await twoSaves(dir);
    const main = join(dir, 'history.json');
    const { readFile: realRead } = await import('node:fs/promises');
    const fs: Partial<HistoryFs> = {
      readFile: (path, enc) => (path === main ? Promise.reject(errno('EACCES')) : realRead(path, enc)),
    };
    const status = await call(await openStore({ dir, fs }), 'status', {});
    expect(codes(status.events)).toEqual(['corrupt-moved-aside', 'backup-loaded']);
    expect(status.events[0]?.text.en).toContain('cannot be read (EACCES)');
  });

  it('disables saving when an unusable file cannot even be moved aside, and leaves it in place', async () => {
    await twoSaves(dir);
    await writeFile(join(dir, 'history.json'), 'not json');
    const fs: Partial<HistoryFs> = { rename: () => Promise.reject(errno('EACCES')) };
    const store = await openStore({ dir, fs });
    const status = await call(store, 'status', {});
    expect(status.writable).toBe(false);
    expect(codes(status.events)).toEqual(['unreadable']);
    await expect(call(store, 'save', saveInput())).rejects.toMatchObject({ code: 'read-only' });
    expect(await readFile(join(dir, 'history.json'), 'utf8')).toBe('not json');
  });
});

describe('history store: write failures lose nothing acknowledged', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await makeTempDir());
  });
  afterEach(() => cleanup());

  /** An fs whose writes fail with `code` while `failing` is true (a full disk, a read-only folder). */
  function flakyFs(code: string) {
    const state = { failing: false };
    const fs: Partial<HistoryFs> = {
      async open(path, flags) {
        const { open } = await import('node:fs/promises');
        const handle = await open(path, flags);
        if (flags === 'r' || !state.failing) return handle;
        return {
          writeFile: async (data: string) => {
            // A full disk accepts part of the data before failing.
            await handle.writeFile(data.slice(0, 100), 'utf8');
            throw errno(code);
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
    };
    return { fs, state };
  }

  it.each([
    ['ENOSPC', /disk is full/, /disque est plein/],
    ['EACCES', /not writable \(EACCES\)/, /pas accessible en écriture/],
  ])('%s: the save is rejected with a clear message and earlier saves stay intact', async (code, en, fr) => {
    const { fs, state } = flakyFs(code);
    const store = await openStore({ dir, fs });
    const kept = await call(store, 'save', saveInput());
    const before = await readFile(join(dir, 'history.json'), 'utf8');

    state.failing = true;
    const failed = call(
      store,
      'save',
      saveInput({ incident: orangeIncident({ sendingIps: ['198.51.100.77'] }) }),
    );
    await expect(failed).rejects.toMatchObject({
      code: 'write-failed',
      text: { en: expect.stringMatching(en), fr: expect.stringMatching(fr) },
    });
    const edit = call(store, 'setStatus', { id: kept.id, status: 'sent' });
    await expect(edit).rejects.toMatchObject({ code: 'write-failed' });

    // Memory and disk both still hold exactly what was acknowledged; no temporary file is left behind.
    expect((await call(store, 'search', {})).items.map((i) => [i.id, i.status])).toEqual([
      [kept.id, 'draft'],
    ]);
    expect(await readFile(join(dir, 'history.json'), 'utf8')).toBe(before);
    expect((await readdir(dir)).some((n) => n.includes('.tmp-'))).toBe(false);
    const status = await call(store, 'status', {});
    expect(status.attention).toBe(true);
    expect(status.events.at(-1)?.code).toBe('write-failed');

    // Once space is back, saving works again and nothing was lost.
    state.failing = false;
    await call(store, 'setStatus', { id: kept.id, status: 'sent' });
    const reopened = await openStore({ dir });
    expect((await call(reopened, 'get', { id: kept.id }))?.status).toBe('sent');
  });

  it('a real read-only folder (chmod 0o500) rejects saves without losing the file', async (context) => {
    if (process.getuid?.() === 0) {
      context.skip(
        'running as root: chmod does not stop root from writing (covered by the injected EACCES test)',
      );
    }
    const store = await openStore({ dir });
    const kept = await call(store, 'save', saveInput());
    await chmod(dir, 0o500);
    try {
      await expect(call(store, 'save', saveInput())).rejects.toMatchObject({ code: 'write-failed' });
    } finally {
      await chmod(dir, 0o700);
    }
    expect((await call(await openStore({ dir }), 'get', { id: kept.id }))?.id).toBe(kept.id);
  });
});

describe('history store: housekeeping at start-up', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await makeTempDir());
  });
  afterEach(() => cleanup());

  it('removes the text pack of a save that never completed, keeps the packs .bak names', async () => {
    await twoSaves(dir);
    const textsDir = join(dir, 'history-texts');
    const before = await readdir(textsDir);
    expect(before).toHaveLength(2);
    // What a kill between writing the pack and replacing history.json leaves behind.
    const orphan = join(textsDir, '0f0e0d0c-0b0a-4909-8807-060504030201.jsonl');
    await writeFile(orphan, '{"rawText":"x","ticket":{}}\n');
    const later = new Date(Date.now() + 60_000);
    await utimes(orphan, later, later);

    const status = await call(await openStore({ dir }), 'status', {});
    expect(codes(status.events)).toEqual(['temp-files-removed', 'loaded']);
    expect((await readdir(textsDir)).sort()).toEqual([...before].sort());
  });

  it('keeps deleted incidents restorable for 7 days, then removes them for good', async () => {
    const clock = manualClock('2026-11-01T10:00:00.000Z');
    let store = await openStore({ dir, now: clock.now });
    const old = await call(store, 'save', saveInput());
    const recent = await call(
      store,
      'save',
      saveInput({ incident: orangeIncident({ sendingIps: ['198.51.100.3'] }) }),
    );
    await call(store, 'delete', { id: old.id });
    clock.advance(6 * 86_400_000);
    await call(store, 'delete', { id: recent.id });

    clock.advance(2 * 86_400_000);
    store = await openStore({ dir, now: clock.now });
    const status = await call(store, 'status', {});
    expect(codes(status.events)).toEqual(['loaded', 'purged']);
    expect(status.events[1]?.text.en).toBe(
      '1 incident(s) deleted more than 7 days ago were removed for good.',
    );
    expect(await call(store, 'get', { id: old.id })).toBeNull();
    expect((await call(store, 'restore', { id: recent.id })).deletedAt).toBeNull();
    // The purge reaches the file with that save, and the old texts go with it.
    const doc = await readStoredFile(join(dir, 'history.json'));
    expect(doc.records.map((r) => r.id)).toEqual([recent.id]);
  });
});
