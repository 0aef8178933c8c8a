import { blankIncident } from '../../../renderer/src/session/blank';
import { GAP, rawForHistory } from '../../../renderer/src/session/rawForHistory';
import { indexLines } from '../../../renderer/src/source/lineIndex';

describe('pasted text kept with a saved incident', () => {
  it('keeps a text under the limit whole', () => {
    const text = 'line 1\nline 2';
    expect(rawForHistory(text, indexLines(text), blankIncident(), 1000)).toBe(text);
  });

  it('reduces a long log to the lines around the ones the incident was read from', () => {
    const lines = Array.from(
      { length: 5000 },
      (_, i) => `Nov 17 09:40:${String(i % 60).padStart(2, '0')} mta1 line ${i + 1}`,
    );
    const text = lines.join('\n');
    const incident = { ...blankIncident(), sources: { reply: { line: 2500, text: lines[2499] ?? '' } } };
    const kept = rawForHistory(text, indexLines(text), incident, 10_000);
    expect(kept.length).toBeLessThanOrEqual(10_000);
    expect(kept).toContain('line 2500');
    expect(kept).toContain('line 2480');
    expect(kept).not.toContain('line 2400 ');
    expect(kept.startsWith(GAP)).toBe(true);
  });
});
