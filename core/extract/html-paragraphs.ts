/**
 * Which `<p>` tags of HTML source part two paragraphs with a blank line, as a browser shows them: a
 * paragraph has a margin of 1em above and below by default (the HTML standard's rendering section), which
 * shows as an empty line between it and the text around it. Without that line a notice's paragraph and
 * the next (the reply and the sender's own words under it, two recipients' blocks) read as one, and a
 * reply runs on into the next paragraph's text.
 *
 * Mail clients that write every line as a paragraph take the margins off in their style sheet: Outlook
 * and Word (`p.MsoNormal {margin:0cm; margin-bottom:.0001pt}`), Outlook on the web (`P {margin-top:0;
 * margin-bottom:0;}`); a paragraph may also say it in its own `style="margin:0"`. Those paragraphs are
 * lines, as they show, and give no blank line.
 */

/** What the page's style sheets say of paragraphs' margins. */
export interface ParagraphMargins {
  /** A rule for every `p` takes their margins off. */
  noneForAll: boolean;
  /** The classes whose rule (`p.MsoNormal`) takes the paragraph's margins off. */
  noneForClasses: Set<string>;
}

/** The page's `<style>` elements' contents (at most this many characters of each are read). */
const MAX_STYLE = 64 * 1024;
const STYLE_OPEN = /<style(?=[\s>])[^<>]{0,2000}>/gi;
const PARAGRAPH_SELECTOR = /^p(?:\.([A-Za-z0-9_-]{1,60}))?$/i;

/** What the style sheets of `html` say of paragraphs' margins (see the module's note). */
export function paragraphMargins(html: string): ParagraphMargins {
  const margins: ParagraphMargins = { noneForAll: false, noneForClasses: new Set() };
  const declared = new Map<string, Map<string, string>>();
  STYLE_OPEN.lastIndex = 0;
  for (let open = STYLE_OPEN.exec(html); open; open = STYLE_OPEN.exec(html)) {
    const start = open.index + open[0].length;
    const end = html.slice(start, start + MAX_STYLE).search(/<\/style\s*>/i);
    const sheet = html.slice(start, end < 0 ? start + MAX_STYLE : start + end);
    for (const rule of withoutComments(sheet).split('}')) {
      const brace = rule.indexOf('{');
      if (brace < 0) continue;
      const properties = declarations(rule.slice(brace + 1));
      for (const selector of rule.slice(0, brace).split(',')) {
        const key = selector.trim().toLowerCase();
        if (!PARAGRAPH_SELECTOR.test(key)) continue;
        const merged = declared.get(key) ?? new Map<string, string>();
        for (const [name, value] of properties) merged.set(name, value);
        declared.set(key, merged);
      }
    }
    STYLE_OPEN.lastIndex = end < 0 ? start : start + end;
  }
  for (const [selector, properties] of declared) {
    if (!withoutMargins(properties)) continue;
    const name = PARAGRAPH_SELECTOR.exec(selector)?.[1];
    if (name) margins.noneForClasses.add(name);
    else margins.noneForAll = true;
  }
  return margins;
}

/** True when the `<p ...>` tag opens a paragraph shown with its margins (see the module's note). */
export function hasMargins(tag: string, margins: ParagraphMargins): boolean {
  const style = /\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
  if (style) {
    const own = declarations(style[1] ?? style[2] ?? '');
    if (withoutMargins(own)) return false;
  }
  if (margins.noneForAll) return false;
  const classes = /\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(tag);
  const names = (classes?.[1] ?? classes?.[2] ?? classes?.[3] ?? '').toLowerCase().split(/\s+/);
  return !names.some((name) => margins.noneForClasses.has(name));
}

/** The style sheet without its comments, and without the `<!--` `-->` that hid it from old readers. */
function withoutComments(sheet: string): string {
  const parts: string[] = [];
  let kept = 0;
  for (let at = sheet.indexOf('/*'); at >= 0; at = sheet.indexOf('/*', kept)) {
    const end = sheet.indexOf('*/', at + 2);
    parts.push(sheet.slice(kept, at));
    kept = end < 0 ? sheet.length : end + 2;
  }
  parts.push(sheet.slice(kept));
  return parts.join(' ').replace(/<!--|-->/g, ' ');
}

/** A declaration block's properties, names in lower case, the last of a name winning. */
function declarations(block: string): Map<string, string> {
  const properties = new Map<string, string>();
  for (const declaration of block.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const name = declaration.slice(0, colon).trim().toLowerCase();
    properties.set(
      name,
      declaration
        .slice(colon + 1)
        .replace(/!important/i, '')
        .trim(),
    );
  }
  return properties;
}

/** True when the properties leave no margin above and below (less than half a unit: `.0001pt`). */
function withoutMargins(properties: Map<string, string>): boolean {
  const sides = (properties.get('margin') ?? '').split(/\s+/).filter(Boolean);
  const top = properties.get('margin-top') ?? sides[0];
  const bottom = properties.get('margin-bottom') ?? sides[2] ?? sides[0];
  return isNone(top) && isNone(bottom);
}

const isNone = (value: string | undefined) => value !== undefined && Math.abs(Number.parseFloat(value)) < 0.5;
