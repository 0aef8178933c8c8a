/**
 * The fast load check (fast-check.ts) must never accept what zod rejects or would change: for realistic
 * records and for thousands of single-field mutations of them, "fast check accepts" implies "zod accepts
 * and returns the very same value". It must also accept the valid records, or the fast path is useless.
 */
import { isCurrentDocument, isStoredRecord } from '../../../electron/services/history/fast-check';
import {
  CURRENT_SCHEMA_VERSION,
  HistoryDocumentSchema,
  StoredRecordSchema,
} from '../../../electron/services/history/schema';
import { toStored } from '../../../electron/services/history/texts';
import { orangeIncident, saveInput } from './helpers';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function validRecords(): Json[] {
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
  const inFile = {
    ...inline,
    texts: { file: '0b6c5b8e-1d2f-4a3b-9c4d-5e6f7a8b9c0d.jsonl', offset: 120, length: 2048 },
  };
  const plain = toStored({
    ...full,
    id: 'b',
    status: 'draft',
    sentAt: null,
    orangeTicketRef: null,
    advice: null,
    incident: orangeIncident({ orange: null, occurredAt: null, sources: {} }),
    deletedAt: '2026-11-29T11:00:00.000Z',
  });
  // Loose incident: a field some later part of the app adds is kept.
  const extra = { ...inFile, incident: { ...inFile.incident, dkimDomain: 'example.com' } };
  return JSON.parse(JSON.stringify([inline, inFile, plain, extra])) as Json[];
}

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
  it('accepts the valid records, as zod does, returning them unchanged', () => {
    for (const record of validRecords()) {
      expect(isStoredRecord(record)).toBe(true);
      expect(StoredRecordSchema.parse(record)).toEqual(record);
    }
    const doc = { schemaVersion: CURRENT_SCHEMA_VERSION, records: validRecords() };
    expect(isCurrentDocument(doc)).toBe(true);
    expect(HistoryDocumentSchema.parse(doc)).toEqual(doc);
  });

  it('never accepts a mutation that zod rejects or would change', () => {
    let accepted = 0;
    let rejected = 0;
    for (const record of validRecords()) {
      for (const path of paths(record)) {
        for (const value of REPLACEMENTS) {
          const mutated = mutate(record, path, value);
          if (!isStoredRecord(mutated)) {
            rejected += 1;
            continue;
          }
          accepted += 1;
          const parsed = StoredRecordSchema.safeParse(mutated);
          if (!parsed.success || JSON.stringify(parsed.data) !== JSON.stringify(mutated)) {
            // Worded so a failure names the culprit.
            expect({
              path: path.join('.'),
              value,
              zod: parsed.success ? parsed.data : parsed.error.issues,
            }).toBe('rejected by the fast check');
          }
          // Deep equality too (JSON.stringify above is order-sensitive, this is not).
          expect(parsed.data).toEqual(mutated);
        }
      }
    }
    // Both outcomes happen: the mutations do reach the checks and many stay valid.
    expect(rejected).toBeGreaterThan(1_000);
    expect(accepted).toBeGreaterThan(100);
  });

  it('leaves documents of another version or shape to zod', () => {
    const records = validRecords();
    expect(isCurrentDocument({ schemaVersion: 2, records })).toBe(false);
    expect(isCurrentDocument({ schemaVersion: CURRENT_SCHEMA_VERSION, records, note: 'x' })).toBe(false);
    expect(isCurrentDocument({ schemaVersion: CURRENT_SCHEMA_VERSION, records: {} })).toBe(false);
    expect(isCurrentDocument([records])).toBe(false);
  });
});
