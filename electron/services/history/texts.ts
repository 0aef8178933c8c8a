/**
 * The details of each record (pasted text, both tickets, advice, where each field was read, assumptions),
 * kept apart from history.json in text packs under history-texts/: each write puts the details saved
 * since the previous write in one new UUID-named pack (one JSON line per record; the record keeps the
 * byte offset and length of its line), flushed before history.json names it, so the main file never
 * points at missing or half-written details. One pack per write keeps a big import or migration to one
 * fsync. Packs no longer named by the current or the previous (.bak) state are deleted after the write.
 * Details are read, and validated with zod, only when one incident is opened.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { type HistoryFs, syncDirectory } from './fs';
import {
  type HistoryRecord,
  type PackRef,
  type RecordDetails,
  RecordDetailsSchema,
  type RecordTexts,
  RecordTextsSchema,
  type StoredRecord,
  TEXT_FILE_NAME,
} from './schema';
import { subjectsOnly, toWhole } from './stored';

export const TEXTS_DIR = 'history-texts';

type V3Details = Extract<StoredRecord['details'], { v3texts: PackRef }>;

/**
 * The texts of records from a version 3 file, read from their packs (one read per pack): a record whose
 * line cannot be read or is damaged is left out (it keeps pointing at its version 3 line).
 */
async function readV3Texts(
  fs: HistoryFs,
  dir: string,
  records: StoredRecord[],
): Promise<Map<string, RecordTexts>> {
  const byFile = new Map<string, Array<[string, PackRef]>>();
  for (const r of records) {
    if (!('v3texts' in r.details)) continue;
    const ref = r.details.v3texts;
    const list = byFile.get(ref.file) ?? [];
    byFile.set(ref.file, list);
    list.push([r.id, ref]);
  }
  const found = new Map<string, RecordTexts>();
  for (const [file, refs] of byFile) {
    let start = Number.POSITIVE_INFINITY;
    let end = 0;
    for (const [, ref] of refs) {
      start = Math.min(start, ref.offset);
      end = Math.max(end, ref.offset + ref.length);
    }
    let bytes: Buffer;
    try {
      bytes = await fs.readBytes(join(dir, TEXTS_DIR, file), start, end - start);
    } catch {
      continue;
    }
    for (const [id, ref] of refs) {
      const texts = parseLine(
        bytes.toString('utf8', ref.offset - start, ref.offset - start + ref.length),
        RecordTextsSchema,
      );
      if (texts) found.set(id, texts);
    }
  }
  return found;
}

/**
 * Writes the inline details of `records`, and the details of records from a version 3 file whose texts
 * can be read, to one new pack (flushed), and returns the records pointing at it.
 */
export async function externalizeTexts(
  fs: HistoryFs,
  dir: string,
  records: StoredRecord[],
): Promise<{ records: StoredRecord[]; written: string[] }> {
  const v3 = records.some((r) => 'v3texts' in r.details) ? await readV3Texts(fs, dir, records) : new Map();
  const file = `${randomUUID()}.jsonl`;
  const lines: string[] = [];
  const refs = new Map<string, PackRef>();
  let offset = 0;
  for (const record of records) {
    let details: RecordDetails | undefined;
    if ('inline' in record.details) details = record.details.inline;
    else if ('v3texts' in record.details) {
      const texts = v3.get(record.id);
      const { incident, advice } = record.details as V3Details;
      if (texts) details = { incident, advice, ...texts };
    }
    if (!details) continue;
    const line = `${JSON.stringify(details)}\n`;
    const length = Buffer.byteLength(line, 'utf8');
    refs.set(record.id, { file, offset, length });
    lines.push(line);
    offset += length;
  }
  if (lines.length === 0) return { records, written: [] };
  const textsDir = join(dir, TEXTS_DIR);
  try {
    await fs.mkdir(textsDir, { recursive: true });
    const handle = await fs.open(join(textsDir, file), 'wx');
    try {
      await handle.writeFile(lines.join(''), 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await syncDirectory(fs, textsDir);
  } catch (error) {
    await deleteTextFiles(fs, dir, [file]);
    throw error;
  }
  const out = records.map((r): StoredRecord => {
    const ref = refs.get(r.id);
    return ref ? { ...r, details: ref } : r;
  });
  return { records: out, written: [file] };
}

export async function deleteTextFiles(fs: HistoryFs, dir: string, names: Iterable<string>): Promise<void> {
  for (const name of names) {
    try {
      await fs.unlink(join(dir, TEXTS_DIR, name));
    } catch {
      // an unreferenced leftover is harmless
    }
  }
}

export function textFilesOf(records: Iterable<StoredRecord>): Set<string> {
  const names = new Set<string>();
  for (const { details } of records) {
    if ('file' in details) names.add(details.file);
    else if ('v3texts' in details) names.add(details.v3texts.file);
  }
  return names;
}

/** A pack line parsed and validated, or null when it is not valid JSON of that shape. */
function parseLine<T>(
  text: string,
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const problems = {
  unreadable: (path: string, code: string) => ({
    en: `The details of this incident (pasted text, tickets, advice, where each field was read) could not be read (${path}: ${code}); the fields shown in the list are intact.`,
    fr: `Le détail de cet incident (texte collé, tickets, conseil, origine de chaque champ) n’a pas pu être lu (${path}\u00a0: ${code})\u00a0; les champs affichés dans la liste sont intacts.`,
  }),
  damaged: (path: string) => ({
    en: `The details of this incident (pasted text, tickets, advice, where each field was read) are damaged (${path}); the fields shown in the list are intact.`,
    fr: `Le détail de cet incident (texte collé, tickets, conseil, origine de chaque champ) est abîmé (${path})\u00a0; les champs affichés dans la liste sont intacts.`,
  }),
};

/** The whole record, its details read back; a missing or damaged pack is reported, not thrown. */
export async function hydrate(fs: HistoryFs, dir: string, record: StoredRecord): Promise<HistoryRecord> {
  const { details } = record;
  if ('inline' in details) return toWhole(record, details.inline);
  const v3 = 'v3texts' in details ? details : null;
  const ref = v3 ? v3.v3texts : (details as PackRef);
  // What is still known when the pack cannot be read: for a version 3 record, all but its texts.
  const fallback: RecordDetails = {
    incident: v3?.incident ?? { sources: {}, assumptions: [] },
    advice: v3?.advice ?? null,
    ticket: subjectsOnly(record),
    rawText: '',
  };
  const path = join(dir, TEXTS_DIR, ref.file);
  let text: string;
  try {
    text = await fs.readSlice(path, ref.offset, ref.length);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { ...toWhole(record, fallback), textsProblem: problems.unreadable(path, code) };
  }
  if (v3) {
    const texts = parseLine(text, RecordTextsSchema);
    if (texts) return toWhole(record, { ...fallback, ...texts });
  } else {
    const read = parseLine(text, RecordDetailsSchema);
    if (read) return toWhole(record, read);
  }
  return { ...toWhole(record, fallback), textsProblem: problems.damaged(path) };
}

/**
 * Removes text packs left by a save that never completed (the app was killed between writing the pack
 * and replacing history.json). Such a pack is named by no record and is newer than history.json; packs
 * the .bak still names are older than history.json, so they are kept. Returns how many were removed.
 */
export async function sweepUnfinishedPacks(
  fs: HistoryFs,
  dir: string,
  mainFile: string,
  referenced: ReadonlySet<string>,
): Promise<number> {
  const textsDir = join(dir, TEXTS_DIR);
  let names: string[];
  try {
    names = await fs.readdir(textsDir);
  } catch {
    return 0;
  }
  const candidates = names.filter((n) => TEXT_FILE_NAME.test(n) && !referenced.has(n));
  if (candidates.length === 0) return 0;
  let removed = 0;
  try {
    const mainTime = (await fs.stat(mainFile)).mtimeMs;
    for (const name of candidates) {
      const path = join(textsDir, name);
      if ((await fs.stat(path)).mtimeMs <= mainTime) continue;
      await fs.unlink(path);
      removed += 1;
    }
  } catch {
    // best effort: a leftover pack is only wasted space
  }
  return removed;
}
