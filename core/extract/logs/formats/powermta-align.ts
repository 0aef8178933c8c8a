/**
 * A PowerMTA accounting row with more fields than its header: a comma outside quotes, most often in the
 * reply (dsnDiag), as in a production row quoted in a PHP script (`Smtp;550 5.7.1 spam URL , Barracuda,
 * www.niche.com,spam-related,...`).
 */
import type { Note } from '../../../types';
import type { ScanContext } from '../model';
import { ADDRESS_OR_EMPTY, AN_IP, remoteOf, STAMP } from './powermta-fields';

const MISALIGNED_NOTE: Note = {
  code: 'powermta-misaligned-row',
  text: {
    fr: 'Des lignes PowerMTA n’ont pas autant de champs que l’en-tête (une virgule hors guillemets, sans doute dans la réponse SMTP)\u00a0: seules la réponse et les colonnes qui la précèdent ont été lues\u00a0; complétez les adresses IP à la main.',
    en: 'Some PowerMTA lines do not have as many fields as the header (a comma outside quotes, most likely in the SMTP reply): only the reply and the columns before it were read; please fill in the IP addresses.',
  },
};

const REALIGNED_NOTE: Note = {
  code: 'powermta-realigned-row',
  text: {
    fr: 'Des lignes PowerMTA ont une virgule hors guillemets dans la réponse SMTP (colonne dsnDiag)\u00a0: les colonnes qui la suivent ont été lues depuis la fin de la ligne, où leurs valeurs correspondent à l’en-tête. Vérifiez les adresses IP.',
    en: 'Some PowerMTA lines have a comma outside quotes in the SMTP reply (dsnDiag column): the columns after it were read from the end of the line, where their values fit the header. Check the IP addresses.',
  },
};

/** What a value of the columns read after dsnDiag looks like, when it has one. */
const COLUMN_SHAPES: Record<string, (value: string) => boolean> = {
  dsnMta: (v) => remoteOf(v) !== null,
  dlvSourceIp: (v) => AN_IP.test(v),
  dlvDestinationIp: (v) => AN_IP.test(v),
  orig: (v) => ADDRESS_OR_EMPTY.test(v),
  rcpt: (v) => ADDRESS_OR_EMPTY.test(v),
  timeLogged: (v) => STAMP.test(v),
  timeQueued: (v) => STAMP.test(v),
  dsnStatus: (v) => /^[245]\.\d{1,3}\.\d{1,3}\b/.test(v),
};

/**
 * The columns after dsnDiag read from the end of a row whose only surplus commas are in the reply: kept
 * when none starts with a space (the reply's words after `, ` do) and every column read here fits its
 * shape, one at least with a value; else null. A comma outside quotes in a later
 * column too (`PIPELINING,SIZE` unquoted) shifts them and fails the check.
 */
function tailFromEnd(fields: readonly string[], columns: readonly string[], diag: number): string[] | null {
  const tail = fields.slice(fields.length - (columns.length - diag - 1));
  let shown = false;
  for (let i = 0; i < tail.length; i++) {
    const value = tail[i] ?? '';
    if (value.startsWith(' ')) return null;
    const shape = COLUMN_SHAPES[columns[diag + 1 + i] ?? ''];
    if (!shape || value === '') continue;
    if (!shape(value.trim())) return null;
    shown = true;
  }
  return shown ? tail : null;
}

/**
 * The row's fields by column. A row with more fields than the header has a comma outside quotes (real
 * PowerMTA files quote them; hand-edited or re-exported ones may not): when the `smtp;` reply sits in the
 * dsnDiag column, the surplus is taken as part of the reply (without a note when dsnDiag is the last
 * column: nothing else is lost), and the columns after it are read from the end of the row when their
 * values fit them there (tailFromEnd), else dropped (their positions are unknown: better empty than
 * another column's value); otherwise only the columns before the first surplus are kept.
 */
export function alignFields(fields: string[], columns: string[], ctx: ScanContext): string[] {
  if (fields.length === columns.length) return fields;
  const diag = columns.indexOf('dsnDiag');
  const surplus = fields.length - columns.length;
  if (surplus > 0 && diag > 0 && /^(?:smtp|x-pmta);/i.test(fields[diag] ?? '')) {
    const aligned = fields.slice(0, diag);
    aligned.push(fields.slice(diag, diag + surplus + 1).join(','));
    // dsnDiag last (a bounce file's `...,dsnStatus,dsnMta,dsnDiag`): the surplus is all the reply's.
    if (diag === columns.length - 1) return aligned;
    const tail = tailFromEnd(fields, columns, diag);
    ctx.warnOnce(tail ? REALIGNED_NOTE : MISALIGNED_NOTE);
    return tail ? aligned.concat(tail) : aligned;
  }
  ctx.warnOnce(MISALIGNED_NOTE);
  return fields.slice(0, Math.min(diag < 0 ? fields.length : diag, columns.length));
}
