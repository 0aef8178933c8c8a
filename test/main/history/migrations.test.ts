import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CURRENT_SCHEMA_VERSION } from '../../../electron/services/history';
import { migrate } from '../../../electron/services/history/migrations';
import { call, makeTempDir, openStore, orangeIncident } from './helpers';

/** A history file as version 1 of the app wrote it. */
function v1File() {
  const incident = orangeIncident();
  const record = (id: string, status: 'draft' | 'sent' | 'done', updatedAt: string) => ({
    id,
    createdAt: '2026-06-01T08:00:00.000Z',
    updatedAt,
    status,
    incident,
    advice: null,
    ticketFr: { subject: 'Blocage IP 203.0.113.7', body: 'Bonjour' },
    ticketEn: { subject: 'IP 203.0.113.7 blocked', body: 'Hello' },
    rawText: 'Final-Recipient: rfc822; ***@orange.fr',
  });
  return {
    schemaVersion: 1,
    incidents: [
      record('v1-a', 'draft', '2026-06-01T08:00:00.000Z'),
      record('v1-b', 'sent', '2026-06-02T08:00:00.000Z'),
      record('v1-c', 'done', '2026-06-03T08:00:00.000Z'),
    ],
  };
}

/** The same history as version 2 wrote it: whole records, texts inline. */
function v2File() {
  return migrate(v1File(), 2).doc as { schemaVersion: 2; records: Array<Record<string, unknown>> };
}

describe('history file migrations', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await makeTempDir());
  });
  afterEach(() => cleanup());

  it('there is a path from every earlier version to the current one', () => {
    expect(CURRENT_SCHEMA_VERSION).toBe(3);
    const earlier: Record<number, unknown> = { 1: v1File(), 2: v2File() };
    for (let version = 1; version < CURRENT_SCHEMA_VERSION; version += 1) {
      expect(earlier[version], `a test file for schema version ${version}`).toBeDefined();
      expect(migrate(earlier[version]).doc).toMatchObject({ schemaVersion: CURRENT_SCHEMA_VERSION });
    }
  });

  it('opens a version 1 file: statuses mapped, tickets grouped, new fields empty, and says so', async () => {
    await writeFile(join(dir, 'history.json'), JSON.stringify(v1File()));
    const store = await openStore({ dir });
    const status = await call(store, 'status', {});
    expect(status.events.map((e) => e.code)).toEqual(['migrated', 'loaded']);
    expect(status.events[0]?.text.en).toContain('from format version 1 to 3');
    expect(status.attention).toBe(false);

    const c = await call(store, 'get', { id: 'v1-c' });
    expect(c).toMatchObject({
      status: 'resolved',
      sentAt: null,
      orangeTicketRef: null,
      notes: '',
      deletedAt: null,
      ticket: { fr: { subject: 'Blocage IP 203.0.113.7' }, en: { subject: 'IP 203.0.113.7 blocked' } },
    });
    expect((await call(store, 'get', { id: 'v1-b' }))?.status).toBe('sent');
    expect((await call(store, 'search', {})).total).toBe(3);
  });

  it('writes the current version at the next save and keeps the version 1 file as .bak', async () => {
    const original = JSON.stringify(v1File());
    await writeFile(join(dir, 'history.json'), original);
    const store = await openStore({ dir });
    await call(store, 'setStatus', { id: 'v1-a', status: 'closed' });
    expect(JSON.parse(await readFile(join(dir, 'history.json'), 'utf8')).schemaVersion).toBe(3);
    expect(await readFile(join(dir, 'history.json.bak'), 'utf8')).toBe(original);
    const reopened = await openStore({ dir });
    expect((await call(reopened, 'status', {})).events.map((e) => e.code)).toEqual(['loaded']);
  });

  it('opens a version 2 file and moves its texts out at the next save', async () => {
    const v2 = v2File();
    v2.records[0] = { ...v2.records[0], notes: 'from v2', orangeTicketRef: 'TT-9' };
    await writeFile(join(dir, 'history.json'), JSON.stringify(v2));
    const store = await openStore({ dir });
    expect((await call(store, 'status', {})).events[0]?.text.en).toContain('from format version 2 to 3');
    expect(await call(store, 'get', { id: 'v1-a' })).toMatchObject({
      notes: 'from v2',
      orangeTicketRef: 'TT-9',
      rawText: 'Final-Recipient: rfc822; ***@orange.fr',
      ticket: { en: { subject: 'IP 203.0.113.7 blocked', body: 'Hello' } },
    });
    await call(store, 'setStatus', { id: 'v1-a', status: 'sent' });
    const main = JSON.parse(await readFile(join(dir, 'history.json'), 'utf8'));
    expect(main.records.every((r: { texts: object }) => 'file' in r.texts)).toBe(true);
    const reopened = await openStore({ dir });
    expect((await call(reopened, 'get', { id: 'v1-c' }))?.ticket.fr.body).toBe('Bonjour');
  });

  it('treats a version 1 file with invalid content as corrupt rather than migrating garbage', async () => {
    const bad = v1File();
    (bad.incidents[0] as { status: string }).status = 'archived';
    await writeFile(join(dir, 'history.json'), JSON.stringify(bad));
    const status = await call(await openStore({ dir }), 'status', {});
    expect(status.events.map((e) => e.code)).toEqual(['corrupt-moved-aside', 'started-empty']);
  });

  it('rejects documents without a version', () => {
    expect(() => migrate({ records: [] })).toThrow(/no schema version/);
    expect(() => migrate([])).toThrow(/no schema version/);
  });
});
