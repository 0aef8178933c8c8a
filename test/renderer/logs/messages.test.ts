// @vitest-environment node
import { MESSAGES } from '../../../renderer/src/logs/messages';

describe('large-log durations', () => {
  it('gives tenths of a second under 10 s, with each language’s decimal mark', () => {
    expect(MESSAGES.fr.duration(420)).toBe('0,4 s');
    expect(MESSAGES.en.duration(420)).toBe('0.4 s');
    expect(MESSAGES.en.duration(0)).toBe('0 s');
    expect(MESSAGES.en.duration(9949)).toBe('9.9 s');
  });

  it('gives whole seconds, then minutes, then hours and minutes', () => {
    expect(MESSAGES.en.duration(9950)).toBe('10 s');
    expect(MESSAGES.fr.duration(59_400)).toBe('59 s');
    expect(MESSAGES.fr.duration(150_000)).toBe('3 min');
    expect(MESSAGES.en.duration(2 * 3_600_000 + 5 * 60_000)).toBe('2 h 5 min');
  });

  it('says a tiny log was read in under a tenth of a second, not in « 0 s »', () => {
    expect(MESSAGES.fr.duration(30)).toBe('moins de 0,1 s');
    expect(MESSAGES.en.duration(1)).toBe('under 0.1 s');
    expect(MESSAGES.en.duration(50)).toBe('0.1 s');
  });

  it('says a whole hour without « 0 min »', () => {
    expect(MESSAGES.fr.duration(3_600_000)).toBe('1 h');
    expect(MESSAGES.en.duration(3_599_000)).toBe('1 h');
    expect(MESSAGES.en.duration(2 * 3_600_000 + 60_000)).toBe('2 h 1 min');
  });
});

describe('large-log intro', () => {
  it('names the compressed logs the tab reads: gzip and zstd (a KumoMTA segment)', () => {
    for (const lang of ['fr', 'en'] as const) {
      expect(MESSAGES[lang].intro).toContain('.gz');
      expect(MESSAGES[lang].intro).toContain('.zst');
      expect(MESSAGES[lang].intro).toContain('KumoMTA');
    }
  });

  it('names the JSON exports of events it reads: an ESP’s, a Kibana search response', () => {
    expect(MESSAGES.fr.intro).toContain('export d’événements en JSON (ESP, réponse de recherche Kibana)');
    expect(MESSAGES.en.intro).toContain('JSON export of events (an ESP’s, a Kibana search response)');
  });
});

describe('large-log French typography', () => {
  // Every French text, with sample arguments, must put a no-break space (U+00A0) before : ; ? and !, as a
  // French postmaster writes it; a plain space lets the line break before the colon. Screen readers read
  // the timeline's label aloud, and the label is also its tooltip.
  const sample = (value: unknown): string =>
    typeof value === 'function'
      ? String((value as (...args: unknown[]) => unknown)('192.0.2.10', '3', '1', '0', '2 s'))
      : typeof value === 'string'
        ? value
        : Object.values(value as Record<string, string>).join(' / ');
  it('puts a no-break space before : ; ? ! in every French text', () => {
    const plain = Object.entries(MESSAGES.fr)
      .filter(([key]) => key !== 'bytes' && key !== 'duration')
      .map(([key, value]) => [key, sample(value)] as const)
      .filter(([, text]) => / [:;?!]/.test(text));
    expect(plain).toEqual([]);
  });

  it('reads « Chronologie de 192.0.2.10 : 3 incidents Orange » with a no-break space', () => {
    expect(MESSAGES.fr.timelineLabel('192.0.2.10', '3')).toBe(
      'Chronologie de 192.0.2.10\u00a0: 3 incidents Orange',
    );
  });
});
