import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../renderer/src/history/messages';
import { countEn, countFr } from '../../../renderer/src/i18n/plural';

describe('counts with their noun', () => {
  it('takes the singular for 0 and 1 in French, for 1 only in English', () => {
    expect([0, 1, 2].map((n) => countFr(n, 'incident', 'incidents'))).toEqual([
      '0 incident',
      '1 incident',
      '2 incidents',
    ]);
    expect([0, 1, 2].map((n) => countEn(n, 'incident', 'incidents'))).toEqual([
      '0 incidents',
      '1 incident',
      '2 incidents',
    ]);
    expect(countFr(1234, 'ligne lue', 'lignes lues', '1\u202f234')).toBe('1\u202f234 lignes lues');
  });

  it('writes the history import report without `(s)`, in the number of each count', () => {
    expect(MESSAGES.fr.imported(3, 1, 0, 1)).toBe(
      'Import\u00a0: 3 incidents ajoutés, 1 mis à jour, 0 ignoré (copie locale identique ou plus récente), 1 invalide.',
    );
    expect(MESSAGES.fr.imported(1, 0, 2, 2)).toBe(
      'Import\u00a0: 1 incident ajouté, 0 mis à jour, 2 ignorés (copie locale identique ou plus récente), 2 invalides.',
    );
    expect(MESSAGES.fr.empty).toBe(
      'L’historique est vide\u00a0: enregistrez un incident pour le retrouver ici.',
    );
  });
});
