import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkDocument } from '../../../electron/services/history/fast-check';
import {
  call,
  makeTempDir,
  manualClock,
  openStore,
  orangeIncident,
  packOf,
  readStoredFile,
  saveInput,
} from './helpers';

describe('history store: saving and reading back', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await makeTempDir());
  });
  afterEach(() => cleanup());

  it('keeps a saved incident across a reopen, byte for byte', async () => {
    const clock = manualClock();
    const store = await openStore({ dir, now: clock.now });
    const saved = await call(store, 'save', saveInput({ notes: 'premier blocage, « accents » é' }));
    expect(saved.status).toBe('draft');
    expect(saved.createdAt).toBe('2026-11-29T10:00:00.000Z');

    const reopened = await openStore({ dir, now: clock.now });
    const loaded = await call(reopened, 'get', { id: saved.id });
    expect(loaded).toEqual(saved);
    const status = await call(reopened, 'status', {});
    expect(status).toMatchObject({ count: 1, writable: true, attention: false });
    expect(status.events.map((e) => e.code)).toEqual(['loaded']);
  });

  it('writes a versioned JSON document and keeps the previous version as .bak', async () => {
    const store = await openStore({ dir });
    const first = await call(store, 'save', saveInput());
    await call(store, 'save', saveInput({ incident: orangeIncident({ sendingIps: ['198.51.100.20'] }) }));
    const text = await readFile(join(dir, 'history.json'), 'utf8');
    const main = await readStoredFile(join(dir, 'history.json'));
    const backup = await readStoredFile(join(dir, 'history.json.bak'));
    expect(main.schemaVersion).toBe(4);
    // As written, it takes the fast load check (zod is only for files that are not).
    expect(checkDocument(JSON.parse(text))?.size).toBe(2);
    expect(main.records).toHaveLength(2);
    expect(backup.records.map((r) => r.id)).toEqual([first.id]);
    // Only the list's fields stay in history.json; the details live in their own files, named there.
    expect(text).not.toContain('Bonjour');
    expect(text).not.toContain('Cloudmark'); // the advice
    expect(text).not.toContain('"reply":{"line"'); // the sources
    expect(text).toContain('198.51.100.20');
    const line = (await readFile(join(dir, 'history-texts', packOf(main.records[0])), 'utf8')).split('\n')[0];
    const details = JSON.parse(line ?? '');
    expect(details.ticket.fr.body).toContain('Bonjour');
    expect(details.advice.nextStep).toBe('delist-elsewhere');
    expect(details.incident.sources.reply.line).toBe(3);
  });

  it('writes history.json as pure ASCII, and reads its accents back', async () => {
    const store = await openStore({ dir });
    const saved = await call(store, 'save', saveInput({ notes: 'Relancé « vite » 🚀 \u2028 fin' }));
    const bytes = await readFile(join(dir, 'history.json'));
    expect(bytes.every((b) => b < 0x80)).toBe(true);
    expect((await call(await openStore({ dir }), 'get', { id: saved.id }))?.notes).toBe(saved.notes);
  });

  it('keeps exactly the text files named by history.json and its .bak', async () => {
    const store = await openStore({ dir });
    const a = await call(store, 'save', saveInput());
    let current = a;
    for (let i = 0; i < 4; i += 1) {
      current = await call(
        store,
        'save',
        saveInput({ id: a.id, baseUpdatedAt: current.updatedAt, notes: `v${i}` }),
      );
    }
    await call(store, 'setStatus', { id: a.id, status: 'sent' });
    const named = async (file: string) => (await readStoredFile(join(dir, file))).records.map(packOf);
    const expected = new Set([...(await named('history.json')), ...(await named('history.json.bak'))]);
    expect(new Set(await readdir(join(dir, 'history-texts')))).toEqual(expected);
    // A status change keeps the texts file: main and backup name the same one.
    expect(expected.size).toBe(1);
  });

  it('reports damaged details of one incident without losing the fields the list shows', async () => {
    const store = await openStore({ dir });
    const saved = await call(store, 'save', saveInput({ notes: 'still here' }));
    const main = await readStoredFile(join(dir, 'history.json'));
    await writeFile(join(dir, 'history-texts', packOf(main.records[0])), '{"rawText":');
    const loaded = await call(await openStore({ dir }), 'get', { id: saved.id });
    const { sources: _sources, assumptions: _assumptions, ...listFields } = saved.incident;
    expect(loaded).toMatchObject({ notes: 'still here', rawText: '', advice: null, incident: listFields });
    expect(loaded?.incident.sources).toEqual({});
    expect(loaded?.ticket.fr.subject).toBe(saved.ticket.fr.subject);
    expect(loaded?.textsProblem?.en).toMatch(/damaged/);
    expect(loaded?.textsProblem?.fr).toMatch(/abîmé/);
  });

  it('reports a missing details file by its error code', async () => {
    const store = await openStore({ dir });
    const saved = await call(store, 'save', saveInput());
    const main = await readStoredFile(join(dir, 'history.json'));
    const { unlink } = await import('node:fs/promises');
    await unlink(join(dir, 'history-texts', packOf(main.records[0])));
    const loaded = await call(await openStore({ dir }), 'get', { id: saved.id });
    expect(loaded?.textsProblem?.en).toMatch(/could not be read .*ENOENT/);
    expect(loaded?.incident.sendingIps).toEqual(saved.incident.sendingIps);
  });

  it('masks recipient addresses by default and keeps them when asked not to', async () => {
    const store = await openStore({ dir });
    const masked = await call(store, 'save', saveInput());
    expect(masked.rawText).toContain('to=<***@orange.fr>');
    expect(masked.rawText).not.toContain('jean.dupont');
    const kept = await call(store, 'save', saveInput({ maskRecipients: false }));
    expect(kept.rawText).toContain('to=<jean.dupont@orange.fr>');
  });

  it('updates with the version the editor started from, and refuses a stale update', async () => {
    const clock = manualClock();
    const store = await openStore({ dir, now: clock.now });
    const created = await call(store, 'save', saveInput());
    clock.advance(60_000);
    const edited = await call(
      store,
      'save',
      saveInput({ id: created.id, baseUpdatedAt: created.updatedAt, notes: 'edited in window A' }),
    );
    expect(edited.createdAt).toBe(created.createdAt);
    expect(edited.updatedAt).toBe('2026-11-29T10:01:00.000Z');

    // Window B still holds the first version.
    const stale = call(
      store,
      'save',
      saveInput({ id: created.id, baseUpdatedAt: created.updatedAt, notes: 'B' }),
    );
    await expect(stale).rejects.toMatchObject({ code: 'conflict' });
    await expect(stale).rejects.toThrow(/changed elsewhere/);
    const blind = call(store, 'save', saveInput({ id: created.id, notes: 'no base' }));
    await expect(blind).rejects.toMatchObject({ code: 'conflict' });
    expect((await call(store, 'get', { id: created.id }))?.notes).toBe('edited in window A');
  });

  it('gives two quick edits distinct updatedAt values even when the clock has not moved', async () => {
    const clock = manualClock();
    const store = await openStore({ dir, now: clock.now });
    const a = await call(store, 'save', saveInput());
    const b = await call(store, 'save', saveInput({ id: a.id, baseUpdatedAt: a.updatedAt }));
    expect(b.updatedAt > a.updatedAt).toBe(true);
    const stale = call(store, 'save', saveInput({ id: a.id, baseUpdatedAt: a.updatedAt }));
    await expect(stale).rejects.toMatchObject({ code: 'conflict' });
  });

  it('changes status in one call, dating the sending and keeping the ticket reference', async () => {
    const clock = manualClock();
    const store = await openStore({ dir, now: clock.now });
    const record = await call(store, 'save', saveInput());
    clock.advance(5_000);
    const sent = await call(store, 'setStatus', {
      id: record.id,
      status: 'sent',
      orangeTicketRef: 'TT-2026-1187',
    });
    expect(sent).toMatchObject({
      status: 'sent',
      sentAt: '2026-11-29T10:00:05.000Z',
      orangeTicketRef: 'TT-2026-1187',
    });
    clock.advance(86_400_000);
    const resolved = await call(store, 'setStatus', {
      id: record.id,
      status: 'resolved',
      notes: 'unblocked',
    });
    expect(resolved).toMatchObject({ status: 'resolved', sentAt: sent.sentAt, notes: 'unblocked' });
    const stale = call(store, 'setStatus', {
      id: record.id,
      status: 'closed',
      baseUpdatedAt: sent.updatedAt,
    });
    await expect(stale).rejects.toMatchObject({ code: 'conflict' });
    await expect(call(store, 'setStatus', { id: 'missing', status: 'closed' })).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('deletes softly and restores on undo, across a reopen', async () => {
    const store = await openStore({ dir });
    const keep = await call(store, 'save', saveInput());
    const gone = await call(
      store,
      'save',
      saveInput({ incident: orangeIncident({ sendingIps: ['198.51.100.9'] }) }),
    );
    await call(store, 'delete', { id: gone.id });
    expect((await call(store, 'search', {})).items.map((i) => i.id)).toEqual([keep.id]);
    expect((await call(store, 'recurrence', { ip: '198.51.100.9', days: 3650 })).ip?.count).toBe(0);
    await expect(call(store, 'delete', { id: gone.id })).rejects.toMatchObject({ code: 'not-found' });

    const reopened = await openStore({ dir });
    expect((await call(reopened, 'search', {})).total).toBe(1);
    expect((await call(reopened, 'get', { id: gone.id }))?.deletedAt).not.toBeNull();
    const restored = await call(reopened, 'restore', { id: gone.id });
    expect(restored.deletedAt).toBeNull();
    expect((await call(reopened, 'search', {})).total).toBe(2);
  });

  it('acknowledges 50 concurrent saves and holds all of them after a reopen', async () => {
    const store = await openStore({ dir });
    const saves = Array.from({ length: 50 }, (_, i) =>
      call(store, 'save', saveInput({ incident: orangeIncident({ sendingIps: [`198.51.100.${i + 1}`] }) })),
    );
    const records = await Promise.all(saves);
    expect(new Set(records.map((r) => r.id)).size).toBe(50);
    const reopened = await openStore({ dir });
    const all = await call(reopened, 'search', { limit: 500 });
    expect(all.total).toBe(50);
    expect(new Set(all.items.map((i) => i.id))).toEqual(new Set(records.map((r) => r.id)));
  });

  it('serialises concurrent edits of one record: exactly one wins, the others get a conflict', async () => {
    const store = await openStore({ dir });
    const base = await call(store, 'save', saveInput());
    const edits = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        call(store, 'save', saveInput({ id: base.id, baseUpdatedAt: base.updatedAt, notes: `edit ${i}` })),
      ),
    );
    expect(edits.filter((e) => e.status === 'fulfilled')).toHaveLength(1);
    expect(edits.filter((e) => e.status === 'rejected')).toHaveLength(9);
    const reopened = await openStore({ dir });
    expect((await call(reopened, 'get', { id: base.id }))?.notes).toBe('edit 0');
  });
});
