/**
 * history.json version 4 (hot-file.ts): records written and read back are the same records, whatever
 * their text holds, the file is pure ASCII, and repeated values are stored once.
 */
import { checkDocument } from '../../../electron/services/history/fast-check';
import { serializeHistory } from '../../../electron/services/history/hot-file';
import type { RecordTable } from '../../../electron/services/history/record-table';
import type { StoredRecord } from '../../../electron/services/history/schema';
import { toStored } from '../../../electron/services/history/stored';
import { splitLenient } from '../../../electron/services/history/string-table';
import { orangeIncident, saveInput } from './helpers';

function record(i: number, notes: string): StoredRecord {
  const input = saveInput({ incident: orangeIncident({ sendingIps: [`198.51.100.${i % 3}`] }) });
  const stored = toStored({
    id: `r${i}`,
    createdAt: `2026-11-0${1 + (i % 9)}T10:00:00.000Z`,
    updatedAt: `2026-11-0${1 + (i % 9)}T10:00:00.000Z`,
    status: 'draft',
    sentAt: null,
    orangeTicketRef: null,
    notes,
    incident: input.incident,
    advice: null,
    ticket: input.ticket,
    rawText: input.rawText,
    deletedAt: null,
  });
  return {
    ...stored,
    details: { file: '0b6c5b8e-1d2f-4a3b-9c4d-5e6f7a8b9c0d.jsonl', offset: i * 100, length: 90 },
  };
}

const readBack = (text: string) => {
  const table = checkDocument(JSON.parse(text)) as RecordTable;
  return Array.from({ length: table.size }, (_, row) => table.record(row));
};

describe('history.json version 4', () => {
  it('reads back exactly the records written, whatever their text holds', () => {
    const tricky = [
      'Relancé « vite » — 5 €',
      'emoji 🚀 and a lone surrogate \ud800 end',
      'line\u2028separator\u2029and\r\nCRLF\ttab',
      'quotes " and \\ backslashes \\" and \u0000 NUL',
      '',
    ];
    const records = tricky.map((notes, i) => record(i, notes));
    const text = serializeHistory(records);
    expect(/^[\x20-\x7e]*$/.test(text)).toBe(true);
    expect(readBack(text)).toEqual(records);
  });

  it('stores a value repeated across records once', () => {
    const records = Array.from({ length: 50 }, (_, i) => record(i, i % 2 ? 'Relancé' : ''));
    const doc = JSON.parse(serializeHistory(records));
    const strings = splitLenient(doc.text, doc.ends) as string[];
    expect(strings.filter((s: string) => s === 'Relancé')).toHaveLength(1);
    expect(strings.filter((s: string) => s === 'smtp-in.orange.fr')).toHaveLength(1);
    // Three distinct sending IPs: three lists, and as many replies (the reply names the IP).
    expect(
      doc.lists.filter((l: number[]) => l.length === 1 && strings[l[0] as number]?.startsWith('198.')),
    ).toHaveLength(3);
    expect(doc.replies).toHaveLength(3);
    expect(doc.columns.id).toHaveLength(50);
    expect(readBack(JSON.stringify(doc))).toEqual(records);
  });
});
