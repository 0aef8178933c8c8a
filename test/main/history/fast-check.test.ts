/**
 * The fast load check (fast-check.ts) must never accept what zod rejects or would change: for a document
 * of realistic records and for thousands of single-value mutations of it (tables, columns, details),
 * "the fast check accepts" implies "zod accepts and gives the very same records". It must also accept the
 * valid document, or the fast path is useless.
 */
import { checkDocument } from '../../../electron/services/history/fast-check';
import {
  DecodedRecordsSchema,
  decodeLenient,
  encodeDocument,
  HotFileFrameSchema,
} from '../../../electron/services/history/hot-file';
import type { RecordTable } from '../../../electron/services/history/record-table';
import { CURRENT_SCHEMA_VERSION, type StoredRecord } from '../../../electron/services/history/schema';
import { splitIncident, toStored } from '../../../electron/services/history/stored';
import { orangeIncident, saveInput } from './helpers';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function validRecords(): StoredRecord[] {
  const base = saveInput();
  const full = {
    id: '6f1c1b1e-9a4c-4f51-8a53-0c3f0d1e2a7b',
    createdAt: '2026-11-29T10:00:00.000Z',
    updatedAt: '2026-11-29T10:05:00.000Z',
    status: 'sent' as const,
    sentAt: '2026-11-29T10:05:00.000Z',
    orangeTicketRef: 'TT-2026-1129-42',
    notes: 'Relancé par téléphone « accents »',
    incident: orangeIncident({
      assumptions: [{ code: 'year', text: { fr: 'Année supposée', en: 'Year assumed' } }],
      trigger: {
        line: 4,
        text: '421 mwinf5c10 ME Service refuse. Veuillez essayer plus tard. OFR004_104 [104]',
        occurredAt: '2026-11-20T09:10:00+01:00',
        token: 'OFR004_104',
        reason: 104,
      },
    }),
    advice: base.advice,
    ticket: base.ticket,
    rawText: base.rawText,
    deletedAt: null,
  };
  const inline = toStored(full);
  const inPack: StoredRecord = {
    ...inline,
    id: 'in-pack',
    details: { file: '0b6c5b8e-1d2f-4a3b-9c4d-5e6f7a8b9c0d.jsonl', offset: 120, length: 2048 },
  };
  const plain = toStored({
    ...full,
    id: 'b',
    status: 'draft',
    sentAt: null,
    orangeTicketRef: null,
    advice: null,
    incident: orangeIncident({
      orange: null,
      occurredAt: null,
      sources: {},
      sendingIps: [],
      sendingHosts: [],
    }),
    deletedAt: '2026-11-29T11:00:00.000Z',
  });
  // From a version 3 file, its texts not moved yet; its incident has a field added by a later release.
  const { cold } = splitIncident({ ...full.incident, dkimDomain: 'example.com' } as never);
  const fromV3: StoredRecord = {
    ...inPack,
    id: 'v3',
    details: {
      v3texts: { file: '1b6c5b8e-1d2f-4a3b-9c4d-5e6f7a8b9c0d.jsonl', offset: 0, length: 400 },
      incident: cold,
      advice: base.advice,
    },
  };
  return [inline, inPack, plain, fromV3];
}

const validDocument = (): Json => JSON.parse(JSON.stringify(encodeDocument(validRecords()))) as Json;

const rowsOf = (table: RecordTable) => Array.from({ length: table.size }, (_, row) => table.record(row));
const zodRecords = (doc: unknown) =>
  DecodedRecordsSchema.safeParse({ records: decodeLenient(HotFileFrameSchema.parse(doc)) });

/** Every path into a JSON value, as key lists. */
function paths(value: Json, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [];
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      out.push([...prefix, i], ...paths(item, [...prefix, i]));
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value))
      out.push([...prefix, key], ...paths(item, [...prefix, key]));
  }
  return out;
}

const DELETE = Symbol('delete');
const LIMITS = [0, 1, 2, 20, 21, 40, 41, 50, 51, 100, 101, 200, 201, 300, 301, 2_000, 2_001, 4_096, 4_097];
const REPLACEMENTS: Array<Json | typeof DELETE> = [
  DELETE,
  null,
  true,
  0,
  -1,
  1.5,
  2 ** 60,
  '',
  'x',
  'draft',
  'postfix',
  'unknown',
  [],
  ['x'],
  {},
  { extra: 1 },
  ...LIMITS.map((n) => 'x'.repeat(n)),
  'x'.repeat(20_001),
  'x'.repeat(100_001),
];

function mutate(record: Json, path: Array<string | number>, value: Json | typeof DELETE): Json {
  const copy = structuredClone(record);
  let parent = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const last = path[path.length - 1] as string | number;
  if (value === DELETE) {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else parent[last] = structuredClone(value);
  return copy;
}

describe('fast load check against the zod schema', () => {
  it('accepts the valid document, as zod does, giving the same records', () => {
    const doc = validDocument();
    const table = checkDocument(doc);
    expect(table).not.toBeNull();
    const records = rowsOf(table as RecordTable);
    expect(records).toEqual(validRecords());
    const zod = zodRecords(doc);
    expect(zod.success && zod.data.records).toEqual(records);
  });

  it('never accepts a mutation that zod rejects or would change', () => {
    let accepted = 0;
    let rejected = 0;
    const doc = validDocument();
    for (const path of paths(doc)) {
      for (const value of REPLACEMENTS) {
        const mutated = mutate(doc, path, value);
        const table = checkDocument(mutated);
        if (!table) {
          rejected += 1;
          continue;
        }
        accepted += 1;
        const zod = zodRecords(mutated);
        if (!zod.success) {
          // Worded so a failure names the culprit.
          expect({ path: path.join('.'), value, zod: zod.error.issues }).toBe('rejected by the fast check');
        }
        expect(zod.data?.records).toEqual(rowsOf(table));
      }
    }
    // Both outcomes happen: the mutations do reach the checks and many stay valid.
    expect(rejected).toBeGreaterThan(3_000);
    expect(accepted).toBeGreaterThan(300);
  });

  it('leaves documents of another version or shape, or with an id twice, to zod', () => {
    const doc = validDocument() as Record<string, Json>;
    expect(checkDocument({ ...doc, schemaVersion: 3 })).toBeNull();
    expect(checkDocument({ ...doc, note: 'x' })).toBeNull();
    expect(checkDocument({ ...doc, ends: {} })).toBeNull();
    expect(checkDocument({ ...doc, text: `${doc.text}x` })).toBeNull();
    expect(checkDocument([doc])).toBeNull();
    const columns = doc.columns as Record<string, Json[]>;
    const twice = {
      ...doc,
      columns: { ...columns, id: [columns.id?.[0], ...(columns.id ?? []).slice(1, -1), columns.id?.[0]] },
    };
    expect(checkDocument(twice)).toBeNull();
    // zod takes it; the later record wins when loaded, as it always did.
    expect(zodRecords(twice).success).toBe(true);
    expect(CURRENT_SCHEMA_VERSION).toBe(4);
  });
});
