/**
 * The returned message's header fields as a webmail shows them below a notice, copied from the browser:
 * Roundcube shows an attached message under a table of its headers, which a copy gives as one row a line,
 * the label and the value joined by a tab (`Asunto\tprueba`, `De\tx@ventas.example.cl`, `Destinatario\t...`,
 * hestiacp/hestiacp issue 2901), in the labels of the reader's language. The rows are read as the header
 * fields they show, each pointing at its row.
 *
 * Labels: Roundcube's English, French (fr_FR: `De`, `Expéditeur`, `À`, `Objet`) and Spanish ones (es_ES:
 * `Asunto`, `Remitente`, `Destinatario`, `Fecha`; es_419: `De`, `Para`), from its localization files.
 */

import { isSystemFromLine } from './formats/message-kind';
import type { Field } from './header-block';
import { HEADER_TABLE_ROW } from './webmail-header-table';

const LABELS: Record<string, string> = {
  from: 'from',
  de: 'from',
  expéditeur: 'from',
  remitente: 'from',
  to: 'to',
  à: 'to',
  para: 'to',
  destinatario: 'to',
  subject: 'subject',
  objet: 'subject',
  asunto: 'subject',
  date: 'date',
  fecha: 'date',
};

/** How many lines after the first reply the table is looked for in, and how many rows it may have. */
const MAX_LINES = 400;
const MAX_ROWS = 12;

function fieldOf(line: string): Field | null {
  const m = HEADER_TABLE_ROW.exec(line);
  const name = m?.[1] ? LABELS[m[1].trim().toLowerCase()] : undefined;
  return m && name ? { name, value: (m[2] as string).trim(), firstLine: line } : null;
}

/**
 * The fields of the first such table after `afterLine` that names the message's sender (a From row that
 * is no mail system's: the notice's own table names one) and one more field; none otherwise.
 */
export function returnedHeaderTable(lines: readonly string[], afterLine: number): Field[] {
  const last = Math.min(lines.length, Math.max(afterLine, 0) + MAX_LINES);
  for (let i = Math.max(afterLine, 0); i < last; i++) {
    const fields: Field[] = [];
    for (let k = i; k < lines.length && fields.length < MAX_ROWS; k++) {
      const field = fieldOf(lines[k] as string);
      if (!field) break;
      fields.push(field);
    }
    if (fields.length === 0) continue;
    const from = fields.find((f) => f.name === 'from');
    if (fields.length >= 2 && from && from.value.includes('@') && !isSystemFromLine(from.value))
      return fields;
    i += fields.length - 1;
  }
  return [];
}
