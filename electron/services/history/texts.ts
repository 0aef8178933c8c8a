/**
 * The bulky texts of each record (pasted text, both tickets), kept apart from history.json in text packs
 * under history-texts/: each write puts the texts saved since the previous write in one new UUID-named
 * pack (one JSON line per record; the record keeps the byte offset and length of its line), flushed
 * before history.json names it, so the main file never points at missing or half-written text. One pack
 * per write keeps a big import or migration to one fsync. Packs no longer named by the current or the
 * previous (.bak) state are deleted after the write.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { type HistoryFs, syncDirectory } from './fs';
import {
  type HistoryRecord,
  type RecordTexts,
  RecordTextsSchema,
  type StoredRecord,
  TEXT_FILE_NAME,
} from './schema';

export const TEXTS_DIR = 'history-texts';

/** Writes the inline texts of `records` to one new pack (flushed) and returns the records pointing at it. */
export async function externalizeTexts(
  fs: HistoryFs,
  dir: string,
  records: StoredRecord[],
): Promise<{ records: StoredRecord[]; written: string[] }> {
  const inline = records.filter((r) => 'inline' in r.texts);
  if (inline.length === 0) return { records, written: [] };
  const textsDir = join(dir, TEXTS_DIR);
  const file = `${randomUUID()}.jsonl`;
  const lines: string[] = [];
  const refs = new Map<string, { file: string; offset: number; length: number }>();
  let offset = 0;
  for (const record of inline) {
    if (!('inline' in record.texts)) continue;
    const line = `${JSON.stringify(record.texts.inline)}\n`;
    const length = Buffer.byteLength(line, 'utf8');
    refs.set(record.id, { file, offset, length });
    lines.push(line);
    offset += length;
  }
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
  const out = records.map((r) => {
    const ref = refs.get(r.id);
    return ref && 'inline' in r.texts ? { ...r, texts: ref } : r;
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
  for (const record of records) if ('file' in record.texts) names.add(record.texts.file);
  return names;
}

const emptyTexts = (record: StoredRecord): RecordTexts => ({
  rawText: '',
  ticket: {
    fr: { subject: record.ticketSubjects.fr, body: '' },
    en: { subject: record.ticketSubjects.en, body: '' },
  },
});

/** The whole record, its texts read back; a missing or damaged text file is reported, not thrown. */
export async function hydrate(fs: HistoryFs, dir: string, record: StoredRecord): Promise<HistoryRecord> {
  const { texts, ticketSubjects: _subjects, ...rest } = record;
  if ('inline' in texts) return { ...rest, ...texts.inline };
  const path = join(dir, TEXTS_DIR, texts.file);
  let text: string;
  try {
    text = await fs.readSlice(path, texts.offset, texts.length);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    const problem = {
      en: `The pasted text and tickets of this incident could not be read (${path}: ${code}); the other fields are intact.`,
      fr: `Le texte collé et les tickets de cet incident n'ont pas pu être lus (${path} : ${code}) ; les autres champs sont intacts.`,
    };
    return { ...rest, ...emptyTexts(record), textsProblem: problem };
  }
  let parsed: ReturnType<typeof RecordTextsSchema.safeParse> | null = null;
  try {
    parsed = RecordTextsSchema.safeParse(JSON.parse(text));
  } catch {
    // not JSON: damaged, reported below
  }
  if (parsed?.success) return { ...rest, ...parsed.data };
  const problem = {
    en: `The pasted text and tickets of this incident are damaged (${path}); the other fields are intact.`,
    fr: `Le texte collé et les tickets de cet incident sont abîmés (${path}) ; les autres champs sont intacts.`,
  };
  return { ...rest, ...emptyTexts(record), textsProblem: problem };
}

/** A whole record (from a save or an import) as stored, texts inline until written. */
export function toStored(record: HistoryRecord): StoredRecord {
  const { rawText, ticket, textsProblem: _problem, ...rest } = record;
  return {
    ...rest,
    ticketSubjects: { fr: ticket.fr.subject, en: ticket.en.subject },
    texts: { inline: { rawText, ticket } },
  };
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
