/**
 * The French messages written outside the interface catalogue (renderer/src/i18n/fr.ts, checked by
 * test/renderer/ui/i18n.test.ts) and outside the notes extraction writes over the fixtures
 * (test/core/french-typography.test.ts): the history service's errors and recovery reports, the large-log
 * scanner's notes. They reach the user as they are, so each `fr:` literal of the sources is read here and
 * held to the same typography: a no-break space before « : ; ? ! » and inside « », ’ for elisions.
 * Only the literal's own words are checked: what a `${…}` interpolation computes is checked where it
 * is written.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The end of the `${…}` that opens at `from` (just after its `{`), counting nested braces. */
function interpolationEnd(src: string, from: number): number {
  let depth = 1;
  for (let i = from; i < src.length; i++) {
    if (src[i] === '{') depth++;
    else if (src[i] === '}' && --depth === 0) return i;
  }
  return src.length;
}

/**
 * The literal's own text, its escapes decoded and each interpolation replaced by `X`; null when what
 * follows `fr:` is not a string literal (a variable, a call).
 */
function literalAt(src: string, at: number): string | null {
  const quote = src[at];
  if (quote !== "'" && quote !== '`') return null;
  let text = '';
  for (let i = at + 1; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      const next = src[i + 1] ?? '';
      if (next === 'u') {
        text += String.fromCharCode(Number.parseInt(src.slice(i + 2, i + 6), 16));
        i += 5;
      } else {
        text += next === 'n' ? '\n' : next;
        i += 1;
      }
    } else if (c === quote) {
      return text;
    } else if (quote === '`' && c === '$' && src[i + 1] === '{') {
      text += 'X';
      i = interpolationEnd(src, i + 2);
    } else {
      text += c;
    }
  }
  return null;
}

interface FrenchLiteral {
  where: string;
  text: string;
}

function frenchLiterals(files: readonly string[]): FrenchLiteral[] {
  const found: FrenchLiteral[] = [];
  for (const file of files) {
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/\bfr:\s*/g)) {
      const text = literalAt(src, (m.index ?? 0) + m[0].length);
      const line = src.slice(0, m.index).split('\n').length;
      if (text !== null) found.push({ where: `${relative(ROOT, file)}:${line}`, text });
    }
  }
  return found;
}

const FAULTS: readonly [string, RegExp][] = [
  ['straight apostrophe', /\p{L}'\p{L}/u],
  ['plain space before : ; ? !', / [:;?!]/],
  ['plain space inside « »', /« | »/],
];

function faultsOf(literals: readonly FrenchLiteral[]): string[] {
  return literals.flatMap(({ where, text }) =>
    FAULTS.filter(([, pattern]) => pattern.test(text)).map(([fault]) => `${where}: ${fault}: ${text}`),
  );
}

describe('French typography of the messages written in the sources', () => {
  const literals = frenchLiterals(
    ['core', 'electron', 'renderer/src'].flatMap((dir) => sourceFiles(join(ROOT, dir))),
  );

  it('finds the history service’s messages and the scanner’s notes among them', () => {
    const where = literals.map((l) => l.where);
    expect(where.some((w) => w.startsWith('electron/services/history/errors.ts'))).toBe(true);
    expect(where.some((w) => w.startsWith('core/extract/logs/formats/powermta-align.ts'))).toBe(true);
    expect(literals.length).toBeGreaterThan(250);
  });

  it('reads a literal’s own words, not its interpolations, nested templates included', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template, read as text
    const src = "fr: `Copie ${moved ? ` sous ${moved}` : ''}\\u00a0: vide`,";
    expect(literalAt(src, 4)).toBe('Copie X\u00a0: vide');
    expect(faultsOf([{ where: 'x', text: 'Le disque est plein : réessayez' }])).toHaveLength(1);
    expect(faultsOf([{ where: 'x', text: '«\u00a0X\u00a0» n’est pas une date.' }])).toEqual([]);
  });

  it('has no fault in any of them', () => {
    expect(faultsOf(literals)).toEqual([]);
  });
});
