import { EN, FR } from '../../../core/ticket';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('ticket catalogues', () => {
  it('French and English have the same keys', () => {
    expect(Object.keys(EN).sort()).toEqual(Object.keys(FR).sort());
  });

  it.each(Object.keys(FR) as (keyof typeof FR)[])('%s: both filled, same placeholders', (key) => {
    expect(FR[key].trim()).not.toBe('');
    expect(EN[key].trim()).not.toBe('');
    expect(placeholders(EN[key])).toEqual(placeholders(FR[key]));
  });

  it('every plural key has both forms', () => {
    for (const key of Object.keys(FR)) {
      if (key.endsWith('_one')) expect(FR).toHaveProperty(key.replace(/_one$/, '_other'));
      if (key.endsWith('_other')) expect(FR).toHaveProperty(key.replace(/_other$/, '_one'));
    }
  });

  it('the templates stay within Latin-1, so any form encoding keeps them', () => {
    for (const text of [...Object.values(FR), ...Object.values(EN)]) {
      expect([...text].filter((c) => c.charCodeAt(0) > 0xff)).toEqual([]);
    }
  });

  it('the French is written with its accents', () => {
    const all = Object.values(FR).join(' ');
    for (const word of ['éléments', 'à compléter', 'Société', 'réponse', 'levée', 'présumé', 'Réponse']) {
      expect(all).toContain(word);
    }
    expect(all).not.toMatch(/\b(?:elements|a completer|Societe|presume)\b/);
  });
});
