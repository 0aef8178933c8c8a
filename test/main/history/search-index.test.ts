/**
 * The searchable texts are built lazily (first query) or ahead by `warm()` after opening: both give the
 * same matches.
 */

import { Records } from '../../../electron/services/history/records';
import { SearchIndex } from '../../../electron/services/history/search-index';
import { toStored } from '../../../electron/services/history/stored';
import { orangeIncident, saveInput } from './helpers';

function records(count: number) {
  return Records.fromList(
    Array.from({ length: count }, (_, i) => {
      const incident = orangeIncident({
        sendingIps: [`198.51.100.${i % 250}`],
        orange: { token: `OFR006_${100 + (i % 7)}`, reason: 100 + (i % 7), server: 'mwinf5c04' },
      });
      const input = saveInput({ incident });
      return toStored({
        id: `r${i}`,
        createdAt: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00.000Z`,
        updatedAt: '2026-11-29T10:00:00.000Z',
        status: 'draft',
        sentAt: null,
        orangeTicketRef: i % 3 ? null : `TT-${i}`,
        notes: i % 5 ? '' : 'Relancé par téléphone',
        incident,
        advice: input.advice,
        ticket: input.ticket,
        rawText: input.rawText,
        deletedAt: null,
      });
    }),
  );
}

describe('search index: searchable texts built lazily or ahead', () => {
  it('finds the same records before and after warming, and warming fills every entry', async () => {
    const cold = new SearchIndex(records(2_500));
    const warmed = new SearchIndex(records(2_500));
    await warmed.warm(500);
    expect(warmed.live().every((e) => e.haystack !== null)).toBe(true);
    expect(cold.live().every((e) => e.haystack === null)).toBe(true);
    for (const query of ['198.51.100.7', '[103]', 'ofr006_104', 'relancé', 'tt-3', 'nothing-like-this']) {
      const ids = (index: SearchIndex) => index.filter({ query }).map((e) => e.record.id);
      expect(ids(cold)).toEqual(ids(warmed));
    }
    const withIp = [...records(2_500).values()].filter((r) =>
      r.incident.sendingIps[0]?.includes('198.51.100.7'),
    );
    expect(
      cold
        .filter({ query: '198.51.100.7' })
        .map((e) => e.record.id)
        .sort(),
    ).toEqual(withIp.map((r) => r.id).sort());
    // A list without a query does not need the texts.
    const fresh = new SearchIndex(records(100));
    expect(fresh.filter({ status: ['draft'] })).toHaveLength(100);
    expect(fresh.live().every((e) => e.haystack === null)).toBe(true);
  });
});
