import { csvCell, recordsToCsv } from '../../../electron/services/history/csv';
import { call, makeTempDir, manualClock, openStore, orangeIncident, saveInput } from './helpers';

/** Minimal RFC 4180 reader, enough to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charAt(i);
    if (quoted) {
      if (c === '"' && text.charAt(i + 1) === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text.charAt(i + 1) === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += c;
  }
  return rows;
}

describe('CSV cells', () => {
  it('quotes commas, quotes and line breaks, and neutralises formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line1\r\nline2')).toBe('"line1\r\nline2"');
    expect(csvCell('=HYPERLINK("http://x.example")')).toBe('"\'=HYPERLINK(""http://x.example"")"');
    expect(csvCell('+33 1 23')).toBe("'+33 1 23");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell(550)).toBe('550');
    expect(csvCell(null)).toBe('');
  });
});

describe('history export and import', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await makeTempDir());
  });
  afterEach(() => cleanup());

  it('exports the filtered records as CSV a spreadsheet reads back intact', async () => {
    const store = await openStore({ dir, now: manualClock().now });
    await call(store, 'save', saveInput({ notes: '=cmd|" /C calc"!A0, then\nsecond line "quoted"' }));
    await call(store, 'save', saveInput({ incident: orangeIncident({ sendingIps: ['198.51.100.8'] }) }));
    const file = await call(store, 'exportCsv', { query: '203.0.113.7' });
    expect(file).toMatchObject({ filename: 'abuse-desk-history-2026-11-29.csv', count: 1 });
    expect(file.content.startsWith('\uFEFFid,created_at,')).toBe(true);
    const rows = parseCsv(file.content.slice(1));
    expect(rows).toHaveLength(2);
    const header = rows[0] ?? [];
    const cell = (name: string) => rows[1]?.[header.indexOf(name)];
    expect(cell('notes')).toBe('\'=cmd|" /C calc"!A0, then\nsecond line "quoted"');
    expect(cell('sending_ips')).toBe('203.0.113.7');
    expect(cell('orange_reason')).toBe('102');
    expect(cell('reply')).toContain('OFR006_102');
  });

  it('round-trips through JSON export and import into another folder', async () => {
    const store = await openStore({ dir });
    const a = await call(store, 'save', saveInput());
    await call(store, 'setStatus', { id: a.id, status: 'sent', orangeTicketRef: 'TT-4411' });
    await call(store, 'save', saveInput({ incident: orangeIncident({ sendingIps: ['198.51.100.8'] }) }));
    const exported = await call(store, 'exportJson', {});
    expect(exported.count).toBe(2);

    const other = await makeTempDir('import');
    try {
      const target = await openStore({ dir: other.dir });
      const report = await call(target, 'importJson', { content: exported.content });
      expect(report).toEqual({ added: 2, updated: 0, skipped: [], invalid: [] });
      expect(await call(target, 'get', { id: a.id })).toEqual(await call(store, 'get', { id: a.id }));
      // Importing the same file again changes nothing and says why.
      const again = await call(target, 'importJson', { content: exported.content });
      expect(again.added + again.updated).toBe(0);
      expect(again.skipped.map((s) => s.reason)).toEqual(['same', 'same']);
    } finally {
      await other.cleanup();
    }
  });

  it('never overwrites newer local data: newer imports replace, older ones are reported', async () => {
    const clock = manualClock();
    const store = await openStore({ dir, now: clock.now });
    const a = await call(store, 'save', saveInput({ notes: 'v1' }));
    const b = await call(store, 'save', saveInput({ notes: 'b v1' }));
    const snapshot = (await call(store, 'exportJson', {})).content;
    clock.advance(60_000);
    await call(store, 'save', saveInput({ id: a.id, baseUpdatedAt: a.updatedAt, notes: 'v2 local' }));

    // An export where `b` was edited later elsewhere, and one record is broken.
    const doc = JSON.parse(snapshot);
    const remoteB = doc.records.find((r: { id: string }) => r.id === b.id);
    remoteB.notes = 'b v2 remote';
    remoteB.updatedAt = '2026-11-29T11:00:00.000+00:00';
    doc.records.push({ id: 'broken', status: 'sent' });
    const report = await call(store, 'importJson', { content: JSON.stringify(doc) });

    expect(report.added).toBe(0);
    expect(report.updated).toBe(1);
    expect(report.skipped).toEqual([
      expect.objectContaining({
        id: a.id,
        reason: 'local-newer',
        text: expect.objectContaining({ en: expect.stringContaining('kept the local copy') }),
      }),
    ]);
    expect(report.invalid).toEqual([expect.objectContaining({ index: 2 })]);
    expect((await call(store, 'get', { id: a.id }))?.notes).toBe('v2 local');
    expect((await call(store, 'get', { id: b.id }))?.notes).toBe('b v2 remote');
  });

  it('imports a raw version 1 history file and refuses what is not an export', async () => {
    const store = await openStore({ dir });
    const v1 = {
      schemaVersion: 1,
      incidents: [
        {
          id: 'old-1',
          createdAt: '2026-01-01T00:00:00.000Z',
          updatedAt: '2026-01-01T00:00:00.000Z',
          status: 'done',
          incident: orangeIncident(),
          advice: null,
          ticketFr: { subject: 's', body: 'b' },
          ticketEn: { subject: 's', body: 'b' },
          rawText: '',
        },
      ],
    };
    expect((await call(store, 'importJson', { content: JSON.stringify(v1) })).added).toBe(1);
    expect((await call(store, 'get', { id: 'old-1' }))?.status).toBe('resolved');
    await expect(call(store, 'importJson', { content: 'id,created_at\n1,2' })).rejects.toMatchObject({
      code: 'invalid',
    });
    await expect(call(store, 'importJson', { content: '{"records":[]}' })).rejects.toThrow(
      /not a history export/,
    );
  });

  it('recordsToCsv writes a header even for no records', () => {
    expect(recordsToCsv([]).split('\r\n')).toHaveLength(2);
  });
});
