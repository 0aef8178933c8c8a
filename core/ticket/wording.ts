/** Lists in words, in either language. */

import type { Lang } from '../types';
import { t } from './catalog';

export /** `a`, `a et b`, `a, b et c` (French) / `a and b`, `a, b and c` (English). */
function joinWords(lang: Lang, words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')}${t(lang, 'list.and')}${words[words.length - 1]}`;
}

/** The blocklists after « auprès » (with French elision: « d'Abusix et de Spamhaus »), or in English. */
export function listNames(lang: Lang, lists: readonly string[]): string {
  if (lang === 'en') return joinWords('en', lists);
  return joinWords(
    'fr',
    lists.map((name) => (/^[aeiouyh]/i.test(name) ? `d'${name}` : `de ${name}`)),
  );
}
