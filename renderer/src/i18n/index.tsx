/** The interface language: a context holding the current catalogue and the helpers that use it. */
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import type { Lang } from '../../../core/types';
import { en } from './en';
import { formatNumber, formatOccurredAt, formatShortDate, sizeParts } from './format';
import { fr, type MessageKey } from './fr';

export type { MessageKey };
export const catalogues: Record<Lang, Record<MessageKey, string>> = { fr, en };

export type Params = Record<string, string | number>;

export interface I18n {
  lang: Lang;
  t(key: MessageKey, params?: Params): string;
  /** Picks `<base>_one` or `<base>_other` for n, and fills `{n}` with n formatted. */
  plural(base: string, n: number, params?: Params): string;
  date(iso: string): string | null;
  shortDate(iso: string): string | null;
  number(n: number): string;
  size(bytes: number): string;
}

function fill(text: string, params: Params | undefined, lang: Lang): string {
  if (!params) return text;
  return text.replace(/\{(\w{1,40})\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value, lang) : value;
  });
}

export function makeI18n(lang: Lang): I18n {
  const catalogue = catalogues[lang];
  const rules = new Intl.PluralRules(lang === 'fr' ? 'fr-FR' : 'en-GB');
  const t = (key: MessageKey, params?: Params) => fill(catalogue[key], params, lang);
  return {
    lang,
    t,
    plural(base, n, params) {
      const form = rules.select(n) === 'one' ? 'one' : 'other';
      const key = `${base}_${form}` as MessageKey;
      return fill(catalogue[key] ?? key, { n, ...params }, lang);
    },
    date: (iso) => formatOccurredAt(iso, lang),
    shortDate: (iso) => formatShortDate(iso, lang),
    number: (n) => formatNumber(n, lang),
    size(bytes) {
      const { unit, value } = sizeParts(bytes);
      return t(unit, { n: value });
    },
  };
}

const I18nContext = createContext<I18n>(makeI18n('fr'));

export function I18nProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  const value = useMemo(() => makeI18n(lang), [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = () => useContext(I18nContext);
