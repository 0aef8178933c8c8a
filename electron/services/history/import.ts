/**
 * JSON export and import. An export is a history document with a `format` marker; import accepts that or
 * a raw history file of any known schema version, validates each record on its own, and merges by id:
 * a record is only replaced by a strictly newer copy, and every record left out is reported with why.
 */

import { HistoryError } from './errors';
import { migrate, NewerVersionError } from './migrations';
import {
  CURRENT_SCHEMA_VERSION,
  type HistoryRecord,
  HistoryRecordSchema,
  type ImportReport,
  type StoredRecord,
} from './schema';
import { toStored } from './stored';

export const EXPORT_FORMAT = 'abuse-desk-assistant/history';
/** Exports are version 2 history documents: whole records with their texts inline. */
const EXPORT_SCHEMA_VERSION = 2;

export function recordsToJson(records: HistoryRecord[], exportedAt: string): string {
  return `${JSON.stringify(
    { format: EXPORT_FORMAT, schemaVersion: EXPORT_SCHEMA_VERSION, exportedAt, records },
    null,
    2,
  )}\n`;
}

const notAnExport = (why: string) =>
  new HistoryError('invalid', {
    en: `This file is not a history export: ${why}. Nothing was imported.`,
    fr: `Ce fichier n’est pas un export d’historique\u00a0: ${why}. Rien n’a été importé.`,
  });

/** Reads an export (or a history file) into candidate records; invalid ones reported by position. */
export function parseImport(content: string): {
  candidates: HistoryRecord[];
  invalid: ImportReport['invalid'];
} {
  let doc: unknown;
  try {
    doc = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw notAnExport(`not JSON (${(error as Error).message})`);
  }
  if (typeof doc !== 'object' || doc === null) throw notAnExport('not a JSON object');
  const { format: _format, exportedAt: _exportedAt, ...rest } = doc as Record<string, unknown>;
  let upgraded: unknown;
  try {
    upgraded = migrate(rest, EXPORT_SCHEMA_VERSION).doc;
  } catch (error) {
    if (error instanceof NewerVersionError && error.version >= 3 && error.version <= CURRENT_SCHEMA_VERSION) {
      throw notAnExport("it is the app's own history.json, whose texts are kept apart: use Export instead");
    }
    throw notAnExport((error as Error).message);
  }
  const list = (upgraded as { records?: unknown }).records;
  if (!Array.isArray(list)) throw notAnExport('no list of records');
  const candidates: HistoryRecord[] = [];
  const invalid: ImportReport['invalid'] = [];
  list.forEach((item, index) => {
    const parsed = HistoryRecordSchema.safeParse(item);
    if (parsed.success) {
      candidates.push(parsed.data);
      return;
    }
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.map(String).join('.')}: ${issue.message}` : 'invalid';
    invalid.push({
      index,
      text: {
        en: `Record ${index + 1} is invalid (${where}).`,
        fr: `L’enregistrement ${index + 1} est invalide (${where}).`,
      },
    });
  });
  return { candidates, invalid };
}

/** Orders two timestamps by the instant they name (offsets may differ), else as text. */
export function compareStamps(a: string, b: string): number {
  const diff = Date.parse(a) - Date.parse(b);
  if (!Number.isNaN(diff)) return Math.sign(diff);
  return a === b ? 0 : a > b ? 1 : -1;
}

/** Merges candidates into `draft` (mutated); never replaces a record by an older or equal copy. */
export function mergeImport(
  draft: { get(id: string): StoredRecord | undefined; set(id: string, record: StoredRecord): void },
  candidates: HistoryRecord[],
  invalid: ImportReport['invalid'],
): ImportReport {
  const report: ImportReport = { added: 0, updated: 0, skipped: [], invalid };
  for (const record of candidates) {
    const local = draft.get(record.id);
    const newer = local ? compareStamps(record.updatedAt, local.updatedAt) : 1;
    if (!local) {
      draft.set(record.id, toStored(record));
      report.added += 1;
    } else if (newer > 0) {
      draft.set(record.id, toStored(record));
      report.updated += 1;
    } else if (newer === 0) {
      report.skipped.push({
        id: record.id,
        reason: 'same',
        text: {
          en: `${record.id}: already in the history (same version).`,
          fr: `${record.id}\u00a0: déjà dans l’historique (même version).`,
        },
      });
    } else {
      report.skipped.push({
        id: record.id,
        reason: 'local-newer',
        text: {
          en: `${record.id}: kept the local copy, changed ${local.updatedAt}, newer than the imported one (${record.updatedAt}).`,
          fr: `${record.id}\u00a0: copie locale conservée, modifiée le ${local.updatedAt}, plus récente que celle importée (${record.updatedAt}).`,
        },
      });
    }
  }
  return report;
}
