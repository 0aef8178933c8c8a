import { makeI18n } from '../../../renderer/src/i18n';
import { en } from '../../../renderer/src/i18n/en';
import { formatOccurredAt, readWallClock } from '../../../renderer/src/i18n/format';
import { fr } from '../../../renderer/src/i18n/fr';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI catalogues', () => {
  it('French and English have exactly the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
  });

  it('every message is filled in and uses the same placeholders in both languages', () => {
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) {
      expect(fr[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
      expect(placeholders(en[key]), key).toEqual(placeholders(fr[key]));
    }
  });

  it('the French is written with its accents and French punctuation spacing', () => {
    expect(fr['paste.title']).toBe('Texte collé');
    expect(fr['advice.step.contact-orange']).toContain('Écrivez');
    // A colon is preceded by a space in French; never glued to the word.
    for (const [key, text] of Object.entries(fr)) expect(text, key).not.toMatch(/\p{L}:(\s|$)/u);
  });

  it('fills placeholders and picks plural forms per language', () => {
    expect(makeI18n('fr').plural('incidents.count', 1)).toBe('1 incident');
    expect(makeI18n('fr').plural('incidents.count', 3)).toBe('3 incidents');
    expect(makeI18n('en').plural('incidents.occurrences', 1)).toBe('1 occurrence');
    expect(makeI18n('en').plural('paste.stats', 12000, { size: '3 kB' })).toBe('12,000 lines · 3 kB');
    expect(makeI18n('en').plural('paste.stats', 1, { size: '3 kB' })).toBe('1 line · 3 kB');
    // French groups thousands with a (narrow) no-break space.
    expect(makeI18n('fr').plural('paste.stats', 12000, { size: '3 ko' })).toMatch(/^12\s000 lignes/u);
    expect(makeI18n('fr').plural('paste.stats', 1, { size: '3 ko' })).toBe('1 ligne · 3 ko');
  });

  it('writes sizes with the language’s decimal separator and units', () => {
    expect(makeI18n('fr').size(2_900)).toBe('2,9 ko');
    expect(makeI18n('en').size(2_900)).toBe('2.9 kB');
    expect(makeI18n('fr').size(10_400_000)).toBe('10,4 Mo');
  });
});

describe('dates as each language writes them', () => {
  it('keeps the wall-clock time and zone the incident was written in', () => {
    expect(formatOccurredAt('2026-11-17T09:42:17+01:00', 'fr')).toBe(
      'mardi 17 novembre 2026 à 09:42:17 (UTC+01:00)',
    );
    expect(formatOccurredAt('2026-11-17T09:42:17+01:00', 'en')).toBe(
      'Tuesday 17 November 2026 at 09:42:17 (UTC+01:00)',
    );
    expect(formatOccurredAt('2019-12-16T22:00:18Z', 'fr')).toBe('lundi 16 décembre 2019 à 22:00:18 (UTC)');
    // French writes the first of the month as an ordinal (« 1er »), the other days as numbers.
    expect(formatOccurredAt('2025-12-01T22:00:18+01:00', 'fr')).toBe(
      'lundi 1er décembre 2025 à 22:00:18 (UTC+01:00)',
    );
  });

  it('refuses what is not a date instead of inventing one', () => {
    expect(readWallClock('17/11/2026 09:42')).toBeNull();
    expect(readWallClock('2026-02-30T10:00:00Z')).toBeNull();
    expect(formatOccurredAt('2026-11-17T09:42:17', 'fr')).toBe('mardi 17 novembre 2026 à 09:42:17');
  });
});

describe('French typography', () => {
  it('keeps « : », « ? » and guillemets on the same line as their word (no-break spaces)', () => {
    for (const [key, text] of Object.entries(fr)) {
      expect(text, key).not.toMatch(/ [:?!»]/);
      expect(text, key).not.toMatch(/« /);
    }
  });
});
