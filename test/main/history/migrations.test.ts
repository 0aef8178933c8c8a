import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CURRENT_SCHEMA_VERSION } from '../../../electron/services/history';
import { migrate } from '../../../electron/services/history/migrations';
import { call, makeTempDir, openStore, orangeIncident, packOf, readStoredFile } from './helpers';

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

const V3_PACK = '3a1f0c2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b.jsonl';

/**
 * A history as version 3 wrote it, in `dir`: history.json with each record whole but for its texts,
 * which are lines of a text pack (by byte offset and length), and one record whose texts are still
 * inline (saved just before that version's last write). Texts with accents, so bytes differ from chars.
 */
async function writeV3History(dir: string) {
  const incident = orangeIncident({
    assumptions: [{ code: 'year', text: { fr: 'Année supposée', en: 'Year assumed' } }],
    dkimDomain: 'example.com',
  } as never);
  const advice = {
    nextStep: 'delist-elsewhere',
    contactAbuseDesk: false,
    summary: { fr: 'Demandez la levée chez Cloudmark.', en: 'Ask Cloudmark for a reset.' },
    links: [],
  };
  const texts = (n: number) => ({
    rawText: `Final-Recipient: rfc822; ***@orange.fr (n°${n}, « reçu »)`,
    ticket: {
      fr: { subject: `Blocage IP 203.0.113.${n}`, body: `Bonjour, l'IP 203.0.113.${n} est bloquée.` },
      en: { subject: `IP 203.0.113.${n} blocked`, body: `Hello, IP 203.0.113.${n} is blocked.` },
    },
  });
  let pack = '';
  const record = (n: number, inline = false) => {
    const t = texts(n);
    const line = `${JSON.stringify(t)}\n`;
    const ref = { file: V3_PACK, offset: Buffer.byteLength(pack), length: Buffer.byteLength(line) };
    if (!inline) pack += line;
    return {
      id: `v3-${n}`,
      createdAt: `2026-10-0${n}T08:00:00.000Z`,
      updatedAt: `2026-10-0${n}T09:00:00.000Z`,
      status: n === 2 ? 'sent' : 'draft',
      sentAt: n === 2 ? '2026-10-02T09:00:00.000Z' : null,
      orangeTicketRef: n === 2 ? 'TT-3' : null,
      notes: `noté ${n}`,
      incident: { ...incident, sendingIps: [`203.0.113.${n}`] },
      advice: n === 3 ? null : advice,
      deletedAt: null,
      ticketSubjects: { fr: t.ticket.fr.subject, en: t.ticket.en.subject },
      texts: inline ? { inline: t } : ref,
    };
  };
  const doc = { schemaVersion: 3, records: [record(1), record(2), record(3, true)] };
  await mkdir(join(dir, 'history-texts'), { recursive: true });
  await writeFile(join(dir, 'history-texts', V3_PACK), pack);
  await writeFile(join(dir, 'history.json'), JSON.stringify(doc));
  return { doc, texts, incident, advice };
}

describe('history file migrations', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await makeTempDir());
  });
  afterEach(() => cleanup());

  it('there is a path from every earlier version to the current one', async () => {
    expect(CURRENT_SCHEMA_VERSION).toBe(4);
    const earlier: Record<number, unknown> = { 1: v1File(), 2: v2File(), 3: (await writeV3History(dir)).doc };
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
    expect(status.events[0]?.text.en).toContain('from format version 1 to 4');
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
    expect(JSON.parse(await readFile(join(dir, 'history.json'), 'utf8')).schemaVersion).toBe(4);
    expect(await readFile(join(dir, 'history.json.bak'), 'utf8')).toBe(original);
    const reopened = await openStore({ dir });
    expect((await call(reopened, 'status', {})).events.map((e) => e.code)).toEqual(['loaded']);
  });

  it('opens a version 2 file and moves its texts out at the next save', async () => {
    const v2 = v2File();
    v2.records[0] = { ...v2.records[0], notes: 'from v2', orangeTicketRef: 'TT-9' };
    await writeFile(join(dir, 'history.json'), JSON.stringify(v2));
    const store = await openStore({ dir });
    expect((await call(store, 'status', {})).events[0]?.text.en).toContain('from format version 2 to 4');
    expect(await call(store, 'get', { id: 'v1-a' })).toMatchObject({
      notes: 'from v2',
      orangeTicketRef: 'TT-9',
      rawText: 'Final-Recipient: rfc822; ***@orange.fr',
      ticket: { en: { subject: 'IP 203.0.113.7 blocked', body: 'Hello' } },
    });
    await call(store, 'setStatus', { id: 'v1-a', status: 'sent' });
    const main = await readStoredFile(join(dir, 'history.json'));
    expect(main.records.every((r) => 'file' in r.details)).toBe(true);
    const reopened = await openStore({ dir });
    expect((await call(reopened, 'get', { id: 'v1-c' }))?.ticket.fr.body).toBe('Bonjour');
  });

  it('opens a version 3 file: every field back, texts read from the version 3 pack', async () => {
    const { texts, incident, advice } = await writeV3History(dir);
    const store = await openStore({ dir });
    const status = await call(store, 'status', {});
    expect(status.events.map((e) => e.code)).toEqual(['migrated', 'loaded']);
    expect(status.events[0]?.text.en).toContain('from format version 3 to 4');
    for (const n of [1, 2, 3]) {
      const record = await call(store, 'get', { id: `v3-${n}` });
      expect(record).toEqual({
        id: `v3-${n}`,
        createdAt: `2026-10-0${n}T08:00:00.000Z`,
        updatedAt: `2026-10-0${n}T09:00:00.000Z`,
        status: n === 2 ? 'sent' : 'draft',
        sentAt: n === 2 ? '2026-10-02T09:00:00.000Z' : null,
        orangeTicketRef: n === 2 ? 'TT-3' : null,
        notes: `noté ${n}`,
        incident: { ...incident, sendingIps: [`203.0.113.${n}`] },
        advice: n === 3 ? null : advice,
        deletedAt: null,
        ...texts(n),
      });
    }
    const found = await call(store, 'search', { query: '203.0.113.2' });
    expect(found.items.map((i) => [i.id, i.orangeTicketRef])).toEqual([['v3-2', 'TT-3']]);
  });

  it('moves version 3 details to a new pack at the next save; the old pack goes once .bak no longer names it', async () => {
    const { texts } = await writeV3History(dir);
    const original = await readFile(join(dir, 'history.json'), 'utf8');
    const store = await openStore({ dir });
    await call(store, 'setStatus', { id: 'v3-1', status: 'resolved' });
    expect(await readFile(join(dir, 'history.json.bak'), 'utf8')).toBe(original);
    const main = await readStoredFile(join(dir, 'history.json'));
    const packs = new Set(main.records.map(packOf));
    expect(packs.size).toBe(1);
    expect(packs.has(V3_PACK)).toBe(false);
    // The .bak (version 3) still needs the old pack.
    expect((await readdir(join(dir, 'history-texts'))).sort()).toEqual([...packs, V3_PACK].sort());

    await call(store, 'setStatus', { id: 'v3-2', status: 'closed' });
    expect(await readdir(join(dir, 'history-texts'))).toEqual([...packs]);
    const reopened = await openStore({ dir });
    expect(await call(reopened, 'get', { id: 'v3-2' })).toMatchObject({ ...texts(2), status: 'closed' });
    expect((await call(reopened, 'get', { id: 'v3-1' }))?.status).toBe('resolved');
    expect((await call(reopened, 'get', { id: 'v3-3' }))?.rawText).toBe(texts(3).rawText);
  });

  it('keeps a version 3 record whose texts are damaged as it was, reported, and its pack with it', async () => {
    const { advice } = await writeV3History(dir);
    const packPath = join(dir, 'history-texts', V3_PACK);
    const pack = await readFile(packPath);
    // Damage the first line only (same byte length, so the second line's offset still holds).
    const firstLine = pack.indexOf(0x0a);
    await writeFile(
      packPath,
      Buffer.concat([Buffer.from(`{${'x'.repeat(firstLine - 1)}`), pack.subarray(firstLine)]),
    );
    const store = await openStore({ dir });
    await call(store, 'setStatus', { id: 'v3-3', status: 'sent' });
    const reopened = await openStore({ dir });
    const damaged = await call(reopened, 'get', { id: 'v3-1' });
    expect(damaged).toMatchObject({ notes: 'noté 1', advice, rawText: '' });
    expect(damaged?.incident.assumptions).toHaveLength(1);
    expect(damaged?.textsProblem?.en).toMatch(/damaged/);
    expect((await call(reopened, 'get', { id: 'v3-2' }))?.textsProblem).toBeUndefined();
    // Still named (by its version 3 line), so never swept, however many saves follow.
    await call(reopened, 'setStatus', { id: 'v3-2', status: 'closed' });
    await call(reopened, 'setStatus', { id: 'v3-2', status: 'resolved' });
    expect(await readdir(join(dir, 'history-texts'))).toContain(V3_PACK);
    expect((await call(await openStore({ dir }), 'get', { id: 'v3-1' }))?.textsProblem?.en).toMatch(
      /damaged/,
    );
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
