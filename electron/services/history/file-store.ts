/**
 * Reading the history file at start-up, with recovery, and writing it. Loading never throws: a corrupt,
 * truncated or unreadable file is moved aside under a timestamped name, the last good copy (.bak) is
 * loaded, and every step is reported as an event the UI can show in both languages.
 */
import { join } from 'node:path';
import type { Localized } from '../../../core/types';
import { checkDocument } from './fast-check';
import { errnoCode, type HistoryFs, replaceAtomically, tempPrefix } from './fs';
import { DecodedRecordsSchema, decodeLenient, HotFileFrameSchema, serializeHistory } from './hot-file';
import { migrate, NewerVersionError } from './migrations';
import { Records } from './records';
import { CURRENT_SCHEMA_VERSION, type StoredRecord, type StoreEvent, type StoreEventCode } from './schema';
import { deleteTextFiles, externalizeTexts, sweepUnfinishedPacks } from './texts';

export const MAIN_FILE = 'history.json';
export const BACKUP_FILE = 'history.json.bak';

export interface HistoryFiles {
  dir: string;
  main: string;
  backup: string;
}

export const historyFiles = (dir: string): HistoryFiles => ({
  dir,
  main: join(dir, MAIN_FILE),
  backup: join(dir, BACKUP_FILE),
});

type ReadOutcome =
  | { kind: 'ok'; records: Records; from: number }
  | { kind: 'missing' }
  | { kind: 'corrupt'; why: Localized }
  | { kind: 'unreadable'; code: string }
  | { kind: 'newer'; version: number };

export interface LoadResult {
  records: Records;
  events: StoreEvent[];
  /** Set when saving must be refused to protect a file on disk; the reason for the user. */
  blocked: Localized | null;
}

/** Parses, upgrades and checks a history document; throws on anything that is not a valid one. */
export function parseHistoryDocument(text: string): { records: Records; from: number } {
  const { doc, from } = migrate(JSON.parse(text));
  // The fast checks accept only what zod would return unchanged; zod decides (and words) everything else.
  const table = checkDocument(doc);
  if (table) return { records: Records.fromTable(table), from };
  const decoded = decodeLenient(HotFileFrameSchema.parse(doc));
  return { records: Records.fromList(DecodedRecordsSchema.parse({ records: decoded }).records), from };
}

function describeParseError(error: unknown, text: string): Localized {
  if (text.trim() === '') return { en: 'the file is empty', fr: 'le fichier est vide' };
  if (error instanceof SyntaxError) {
    return {
      en: `it is not valid JSON, probably truncated or damaged (${error.message})`,
      fr: `ce n’est pas du JSON valide, sans doute tronqué ou abîmé (${error.message})`,
    };
  }
  const issue = (error as { issues?: Array<{ path: PropertyKey[]; message: string }> }).issues?.[0];
  const detail = issue ? `${issue.path.map(String).join('.')}: ${issue.message}` : String(error);
  return {
    en: `its content does not match the expected format (${detail})`,
    fr: `son contenu ne correspond pas au format attendu (${detail})`,
  };
}

async function readHistoryFile(fs: HistoryFs, path: string): Promise<ReadOutcome> {
  let text: string;
  try {
    text = await fs.readFile(path, 'utf8');
  } catch (error) {
    const code = errnoCode(error);
    return code === 'ENOENT' ? { kind: 'missing' } : { kind: 'unreadable', code: code ?? String(error) };
  }
  try {
    return { kind: 'ok', ...parseHistoryDocument(text) };
  } catch (error) {
    if (error instanceof NewerVersionError) return { kind: 'newer', version: error.version };
    return { kind: 'corrupt', why: describeParseError(error, text) };
  }
}

function newestUpdate(records: Records): string {
  let newest = '';
  for (const record of records.values()) if (record.updatedAt > newest) newest = record.updatedAt;
  return newest;
}

/** Loads the history from `files.dir`, recovering from whatever it finds. Never throws. */
export async function loadHistory(fs: HistoryFs, files: HistoryFiles, now: () => Date): Promise<LoadResult> {
  const events: StoreEvent[] = [];
  const at = () => now().toISOString();
  const report = (code: StoreEventCode, level: StoreEvent['level'], text: Localized) =>
    events.push({ code, level, text, at: at() });
  const result = (records = Records.fromList([]), blocked: Localized | null = null): LoadResult => ({
    records,
    events,
    blocked,
  });

  try {
    await fs.mkdir(files.dir, { recursive: true });
  } catch (error) {
    const code = errnoCode(error) ?? String(error);
    report('unreadable', 'error', {
      en: `The history folder ${files.dir} cannot be created (${code}); the history starts empty and saving will fail until it can.`,
      fr: `Le dossier de l’historique ${files.dir} ne peut pas être créé (${code})\u00a0; l’historique démarre vide et l’enregistrement échouera tant que ce sera le cas.`,
    });
    return result();
  }

  let names: string[] = [];
  try {
    names = await fs.readdir(files.dir);
  } catch {
    // Listing only serves the clean-up below and naming moved files.
  }
  await removeLeftoverTemps(fs, files, names, report);

  const moveAside = async (path: string, label: string): Promise<string | null> => {
    const stamp = now().toISOString().replace(/[:.]/g, '-');
    let name = `${label}-${stamp}.json`;
    for (let n = 2; names.includes(name); n += 1) name = `${label}-${stamp}-${n}.json`;
    try {
      await fs.rename(path, join(files.dir, name));
      names.push(name);
      return name;
    } catch {
      return null;
    }
  };

  const main = await readHistoryFile(fs, files.main);
  if (main.kind === 'ok') {
    if (main.from < CURRENT_SCHEMA_VERSION) {
      report('migrated', 'info', {
        en: `The history file was upgraded from format version ${main.from} to ${CURRENT_SCHEMA_VERSION}; the old file is kept as ${BACKUP_FILE} at the next save.`,
        fr: `Le fichier d’historique a été mis à jour du format ${main.from} au format ${CURRENT_SCHEMA_VERSION}\u00a0; l’ancien fichier est gardé en ${BACKUP_FILE} au prochain enregistrement.`,
      });
    }
    const swept = await sweepUnfinishedPacks(fs, files.dir, files.main, main.records.packFiles());
    if (swept > 0) {
      report('temp-files-removed', 'info', {
        en: `${swept} text file(s) of an interrupted save were removed (that save had not been confirmed).`,
        fr: `${swept} fichier(s) de texte d’un enregistrement interrompu ont été supprimés (cet enregistrement n’avait pas été confirmé).`,
      });
    }
    report('loaded', 'info', {
      en: `${main.records.size} incident(s) loaded from ${files.main}.`,
      fr: `${main.records.size} incident(s) chargé(s) depuis ${files.main}.`,
    });
    return result(main.records);
  }
  if (main.kind === 'newer') {
    const why = {
      en: `${files.main} was written by a newer version of the app (format ${main.version}, this one reads up to ${CURRENT_SCHEMA_VERSION}). It is left untouched; update the app to see this history.`,
      fr: `${files.main} a été écrit par une version plus récente de l’application (format ${main.version}, celle-ci lit jusqu’au ${CURRENT_SCHEMA_VERSION}). Il n’est pas modifié\u00a0; mettez l’application à jour pour voir cet historique.`,
    };
    report('newer-version', 'error', why);
    return result(undefined, why);
  }

  let mainLost: Localized | null = null;
  if (main.kind === 'corrupt' || main.kind === 'unreadable') {
    const why =
      main.kind === 'corrupt'
        ? main.why
        : { en: `it cannot be read (${main.code})`, fr: `il ne peut pas être lu (${main.code})` };
    const movedTo = await moveAside(files.main, 'history.corrupt');
    if (!movedTo) {
      const text = {
        en: `The history file ${files.main} is unusable: ${why.en}. It could not be moved aside either, so it is left in place and saving is disabled until it is fixed or removed.`,
        fr: `Le fichier d’historique ${files.main} est inutilisable\u00a0: ${why.fr}. Il n’a pas pu être mis de côté non plus\u00a0; il est laissé en place et l’enregistrement est désactivé jusqu’à ce qu’il soit réparé ou retiré.`,
      };
      report('unreadable', 'error', text);
      return result(undefined, text);
    }
    report('corrupt-moved-aside', 'warning', {
      en: `The history file was unusable: ${why.en}. It was moved aside to ${movedTo} in ${files.dir} (kept for inspection).`,
      fr: `Le fichier d’historique était inutilisable\u00a0: ${why.fr}. Il a été mis de côté sous le nom ${movedTo} dans ${files.dir} (conservé pour examen).`,
    });
    mainLost = why;
  }

  const backup = await readHistoryFile(fs, files.backup);
  if (backup.kind === 'ok') {
    const newest = newestUpdate(backup.records) || '-';
    if (mainLost) {
      report('backup-loaded', 'warning', {
        en: `The last good copy (${BACKUP_FILE}) was loaded instead: ${backup.records.size} incident(s), last change ${newest}. Changes made after that copy may be missing.`,
        fr: `La dernière copie valide (${BACKUP_FILE}) a été chargée à la place\u00a0: ${backup.records.size} incident(s), dernière modification ${newest}. Les modifications postérieures à cette copie peuvent manquer.`,
      });
    } else {
      report('main-missing-backup-loaded', 'warning', {
        en: `${MAIN_FILE} was missing but its last good copy (${BACKUP_FILE}) was there: ${backup.records.size} incident(s) loaded, last change ${newest}.`,
        fr: `${MAIN_FILE} était absent mais sa dernière copie valide (${BACKUP_FILE}) était là\u00a0: ${backup.records.size} incident(s) chargé(s), dernière modification ${newest}.`,
      });
    }
    return result(backup.records);
  }
  if (backup.kind === 'missing') {
    if (mainLost) {
      report('started-empty', 'error', {
        en: 'There is no earlier copy to fall back on: the history starts empty. The moved file still holds the old data.',
        fr: 'Il n’existe aucune copie antérieure\u00a0: l’historique repart vide. Le fichier mis de côté contient toujours les anciennes données.',
      });
    } else {
      report('created', 'info', {
        en: `A new history will be kept in ${files.main}.`,
        fr: `Un nouvel historique sera tenu dans ${files.main}.`,
      });
    }
    return result();
  }
  const movedBackup = backup.kind === 'newer' ? null : await moveAside(files.backup, 'history.bak-corrupt');
  report('backup-unusable', 'error', {
    en: `The last good copy (${BACKUP_FILE}) is unusable too${movedBackup ? ` and was moved aside to ${movedBackup}` : ''}: the history starts empty. No file was deleted.`,
    fr: `La dernière copie valide (${BACKUP_FILE}) est inutilisable elle aussi${movedBackup ? ` et a été mise de côté sous le nom ${movedBackup}` : ''}\u00a0: l’historique repart vide. Aucun fichier n’a été supprimé.`,
  });
  return result();
}

/** A crash during a save can leave a temporary file behind; it never holds acknowledged data. */
async function removeLeftoverTemps(
  fs: HistoryFs,
  files: HistoryFiles,
  names: string[],
  report: (code: StoreEventCode, level: StoreEvent['level'], text: Localized) => void,
): Promise<void> {
  const prefixes = [tempPrefix(files.main), tempPrefix(files.backup)];
  let removed = 0;
  for (const name of names) {
    if (!prefixes.some((p) => name.startsWith(p))) continue;
    try {
      await fs.unlink(join(files.dir, name));
      removed += 1;
    } catch {
      // harmless: it will be tried again at the next start
    }
  }
  if (removed > 0) {
    report('temp-files-removed', 'info', {
      en: `${removed} unfinished temporary file(s) from an interrupted save were removed (saves are only confirmed once complete).`,
      fr: `${removed} fichier(s) temporaire(s) d’un enregistrement interrompu ont été supprimés (un enregistrement n’est confirmé qu’une fois complet).`,
    });
  }
}

/**
 * Writes the history: texts saved since the last write go to their own files first (flushed), then
 * history.json is replaced atomically. Returns the records as written (texts now in files) and the
 * names of the new text files. On failure nothing on disk that was acknowledged has changed.
 */
export async function writeHistory(
  fs: HistoryFs,
  files: HistoryFiles,
  records: StoredRecord[],
): Promise<{ records: StoredRecord[]; written: string[] }> {
  const out = await externalizeTexts(fs, files.dir, records);
  try {
    await replaceAtomically(fs, files.main, serializeHistory(out.records), files.backup);
  } catch (error) {
    await deleteTextFiles(fs, files.dir, out.written);
    throw error;
  }
  return out;
}
