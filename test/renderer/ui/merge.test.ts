import { extract } from '../../../core/extract';
import { dateSpan, groupIncidents } from '../../../renderer/src/session/merge';
import { fixture } from './renderApp';

describe('several incidents in one paste', () => {
  it('merges rejections with the same IP and code, keeping order of first appearance', async () => {
    const { incidents } = await extract(fixture('postfix-orange.log'), {
      now: new Date('2026-11-29T10:00:00Z'),
    });
    expect(incidents.length).toBeGreaterThanOrEqual(3);
    const groups = groupIncidents(incidents);
    const first = groups[0];
    expect(first?.incident.sendingIps).toEqual(['198.51.100.23']);
    expect(first?.incident.orange?.reason).toBe(102);
    expect(first?.occurrences).toHaveLength(2);
    expect(groups.length).toBe(incidents.length - 1);
    const span = first ? dateSpan(first) : null;
    expect(span && Date.parse(span.last) - Date.parse(span.first)).toBe(72_000);
  });

  it('keeps different codes for the same IP apart', async () => {
    const { incidents } = await extract(fixture('postfix-orange.log'), {
      now: new Date('2026-11-29T10:00:00Z'),
    });
    const reasons = groupIncidents(incidents).map((g) => g.incident.orange?.reason);
    expect(reasons).toEqual(expect.arrayContaining([102, 506, 999]));
  });
});
