import { call, makeTempDir, manualClock, openStore, orangeIncident, saveInput } from './helpers';

async function seededStore(dir: string) {
  const clock = manualClock('2026-11-29T10:00:00.000Z');
  const store = await openStore({ dir, now: clock.now });
  const save = (
    ip: string,
    occurredAt: string,
    reason: number,
    extra: Parameters<typeof saveInput>[0] = {},
  ) =>
    call(
      store,
      'save',
      saveInput({
        incident: orangeIncident({
          sendingIps: [ip],
          occurredAt,
          orange: { token: `OFR006_${reason}`, reason, server: 'mwinf5c04' },
          sendingDomain: ip.startsWith('203') ? 'news.example.com' : 'example.org',
        }),
        ...extra,
      }),
    );
  const old = await save('203.0.113.7', '2026-10-01T08:00:00+02:00', 102);
  const mid = await save('198.51.100.20', '2026-11-10T08:00:00+01:00', 100, {
    notes: 'Abusix delisting requested',
  });
  const recent = await save('203.0.113.70', '2026-11-28T23:30:00+01:00', 506);
  const latest = await save('192.0.2.44', '2026-11-29T09:00:00Z', 103, {});
  return { store, clock, old, mid, recent, latest };
}

describe('history search', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await makeTempDir());
  });
  afterEach(() => cleanup());

  it('lists newest first by the incident date, not by save order', async () => {
    const { store, old, mid, recent, latest } = await seededStore(dir);
    const { items, total } = await call(store, 'search', {});
    expect(total).toBe(4);
    expect(items.map((i) => i.id)).toEqual([latest.id, recent.id, mid.id, old.id]);
    expect(items[1]).toMatchObject({ at: '2026-11-28T23:30:00+01:00', reason: 506, token: 'OFR006_506' });
  });

  it('lists a reopened history (read from the file) exactly as the store that saved it', async () => {
    const { store, clock } = await seededStore(dir);
    // No incident date, an unreadable one, and two at the same instant: creation date, then id decide.
    for (const occurredAt of [null, 'sometime', '2026-11-10T07:00:00Z', '2026-11-10T07:00:00Z']) {
      clock.advance(60_000);
      await call(store, 'save', saveInput({ incident: orangeIncident({ occurredAt }) }));
    }
    const before = await call(store, 'search', { limit: 500 });
    const reopened = await openStore({ dir, now: clock.now });
    const after = await call(reopened, 'search', { limit: 500 });
    expect(after).toEqual(before);
    expect(after.items.map((i) => i.at)).toContain('2026-11-29T10:01:00.000Z');
    expect((await call(reopened, 'search', { from: '2026-11-10', to: '2026-11-10' })).total).toBe(3);
  });

  it('finds by IP prefix as typed, domain, host, code, token, reason and note text', async () => {
    const { store, old, mid, recent, latest } = await seededStore(dir);
    const ids = async (query: string) => (await call(store, 'search', { query })).items.map((i) => i.id);
    expect(await ids('203.0.113.7')).toEqual([recent.id, old.id]);
    expect(await ids('203.0.113.70')).toEqual([recent.id]);
    // Backspace widens again (typing reuses the previous matches, deleting must not).
    expect(await ids('203.0.113.7')).toEqual([recent.id, old.id]);
    expect(await ids('203.0.113.7 [1')).toEqual([old.id]);
    expect(await ids('example.org')).toEqual([latest.id, mid.id]);
    expect(await ids('MAIL1.example.com')).toHaveLength(4);
    expect(await ids('[506]')).toEqual([recent.id]);
    expect(await ids('ofr006_100')).toEqual([mid.id]);
    expect(await ids('abusix   delisting')).toEqual([mid.id]);
    expect(await ids('abusix 203.0.113')).toEqual([]);
    expect(await ids('550')).toHaveLength(4);
  });

  it('filters by status, reason and date range (a date-only end includes that day)', async () => {
    const { store, old, mid, recent } = await seededStore(dir);
    await call(store, 'setStatus', { id: mid.id, status: 'sent' });
    const ids = async (filter: Parameters<typeof call<'search'>>[2]) =>
      (await call(store, 'search', filter)).items.map((i) => i.id);
    expect(await ids({ status: ['sent'] })).toEqual([mid.id]);
    expect(await ids({ status: ['draft'], reason: 102 })).toEqual([old.id]);
    expect(await ids({ from: '2026-11-01', to: '2026-11-28' })).toEqual([recent.id, mid.id]);
    expect(await ids({ to: '2026-10-01' })).toEqual([old.id]);
    await expect(call(store, 'search', { from: 'last tuesday' })).rejects.toMatchObject({ code: 'invalid' });
  });

  it('pages through the results and reports the total', async () => {
    const { store, old, mid } = await seededStore(dir);
    const page = await call(store, 'search', { offset: 2, limit: 2 });
    expect(page).toMatchObject({ total: 4, offset: 2, limit: 2 });
    expect(page.items.map((i) => i.id)).toEqual([mid.id, old.id]);
  });

  it('sees a save at once (the index follows every write)', async () => {
    const { store } = await seededStore(dir);
    expect((await call(store, 'search', { query: '192.0.2.200' })).total).toBe(0);
    await call(store, 'save', saveInput({ incident: orangeIncident({ sendingIps: ['192.0.2.200'] }) }));
    expect((await call(store, 'search', { query: '192.0.2.200' })).total).toBe(1);
  });
});

describe('recurrence and weekly stats', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await makeTempDir());
  });
  afterEach(() => cleanup());

  it('counts earlier incidents of the same IP or domain in the last N days, newest first', async () => {
    const { store, clock } = await seededStore(dir);
    clock.set('2026-11-29T12:00:00Z');
    const a = await call(
      store,
      'save',
      saveInput({
        incident: orangeIncident({ sendingIps: ['203.0.113.7'], occurredAt: '2026-11-15T10:00:00Z' }),
      }),
    );
    const b = await call(
      store,
      'save',
      saveInput({
        incident: orangeIncident({ sendingIps: ['203.0.113.7'], occurredAt: '2026-11-25T10:00:00Z' }),
      }),
    );
    const current = await call(
      store,
      'save',
      saveInput({
        incident: orangeIncident({ sendingIps: ['203.0.113.7'], occurredAt: '2026-11-29T11:00:00Z' }),
      }),
    );

    const result = await call(store, 'recurrence', {
      ip: '203.0.113.7',
      domain: 'NEWS.example.com.',
      excludeId: current.id,
    });
    expect(result.days).toBe(30);
    expect(result.since).toBe('2026-10-30T12:00:00.000Z');
    // The 2026-10-01 incident of this IP is older than 30 days.
    expect(result.ip).toEqual({ value: '203.0.113.7', count: 2, ids: [b.id, a.id] });
    // The seeded 203.0.113.70 incident shares the domain but not the IP.
    expect(result.domain?.count).toBe(1);
    expect((await call(store, 'recurrence', { ip: '203.0.113.7', days: 90 })).ip?.count).toBe(4);
  });

  it('matches IPv6 addresses whatever their spelling', async () => {
    const { dir: d2, cleanup: c2 } = await makeTempDir();
    try {
      const store = await openStore({ dir: d2 });
      await call(
        store,
        'save',
        saveInput({
          incident: orangeIncident({
            sendingIps: ['2001:db8:0:0::25'],
            occurredAt: new Date().toISOString(),
          }),
        }),
      );
      const result = await call(store, 'recurrence', { ip: '2001:DB8::25' });
      expect(result.ip?.count).toBe(1);
    } finally {
      await c2();
    }
  });

  it('counts incidents per ISO week per reason, the busiest apart and the rest as "other"', async () => {
    const { store } = await seededStore(dir);
    // Now is Sunday 2026-11-29: its week starts Monday 2026-11-23.
    const stats = await call(store, 'stats', { by: 'reason', weeks: 3, top: 1 });
    expect(stats.weeks).toEqual(['2026-11-09', '2026-11-16', '2026-11-23']);
    // 506 at 2026-11-28 23:30+01:00 and 103 at 2026-11-29: both this week; 100 on 2026-11-10.
    const byKey = Object.fromEntries(stats.series.map((s) => [s.key, s.counts]));
    expect(stats.series).toHaveLength(2);
    expect(stats.series[0]).toEqual({ key: '100', counts: [1, 0, 0], total: 1 });
    expect(byKey.other).toEqual([0, 0, 2]);
    const all = await call(store, 'stats', { by: 'reason', weeks: 3 });
    expect(Object.fromEntries(all.series.map((s) => [s.key, s.counts]))).toEqual({
      '100': [1, 0, 0],
      '103': [0, 0, 1],
      '506': [0, 0, 1],
    });
    const byIp = await call(store, 'stats', { by: 'ip', weeks: 10, query: '203.0.113' });
    expect(byIp.series.map((s) => [s.key, s.total])).toEqual([
      ['203.0.113.7', 1],
      ['203.0.113.70', 1],
    ]);
  });
});
