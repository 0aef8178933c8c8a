/**
 * The code page of each font of an RTF document's font table. A `\'hh` byte is a character of the code
 * page of the font it is written in: Word and WordPad keep one font per character set (`Calibri` with
 * `\fcharset0` for Western text, `Calibri Cyr` with `\fcharset204`, `Calibri CE` with `\fcharset238`) and
 * switch between them, so a French sentence in a document whose `\ansicpg` is 1251 is still code page
 * 1252 (`R\'e9ponse` is `Réponse`, not `Rйponse`). The numbers are the Windows character sets the RTF
 * specification (1.9.1, `\fcharset`) lists, each with its ANSI code page; a font's `\cpgN` says its code
 * page outright. A font with no character set, `DEFAULT_CHARSET` (1), the Symbol one (2) or one whose code
 * page has no decoder here (Mac, Johab, OEM) is read in the document's code page.
 */

/** Windows character sets (`\fcharsetN`) and their code pages. */
const CHARSET_CODE_PAGES: Record<number, number> = {
  0: 1252, // ANSI (Western)
  128: 932, // Shift JIS
  129: 949, // Hangul
  134: 936, // GB2312
  136: 950, // Big5
  161: 1253, // Greek
  162: 1254, // Turkish
  163: 1258, // Vietnamese
  177: 1255, // Hebrew
  178: 1256, // Arabic
  186: 1257, // Baltic
  204: 1251, // Cyrillic
  222: 874, // Thai
  238: 1250, // Eastern European
};

/**
 * Code pages a font's `\cpgN` may give that are read here (the others leave the document's): also the DOS
 * ones of a Terminal or MS LineDraw font (437, 850; dos-code-pages.ts), which `\fcharset255` (OEM) leaves
 * unnamed.
 */
const KNOWN_CODE_PAGES = new Set([...Object.values(CHARSET_CODE_PAGES), 65001, 437, 850]);

export class FontCodePages {
  /** The document's default font (`\deffN`), the font of text before any `\fN`. */
  defaultFont: number | null = null;
  private readonly pages = new Map<number, number>();
  /** The fonts whose `\cpgN` gave their code page. */
  private readonly ownPage = new Set<number>();
  /** The font whose definition the font table is at. */
  private defining: number | null = null;

  /** Takes a control word of the font table (`\fN`, `\fcharsetN`, `\cpgN`). */
  define(word: string, param: number | null): void {
    if (param === null) return;
    if (word === 'f') this.defining = param;
    else if (this.defining === null) return;
    else if (word === 'fcharset') {
      const page = CHARSET_CODE_PAGES[param];
      if (page !== undefined && !this.ownPage.has(this.defining)) this.pages.set(this.defining, page);
    } else if (word === 'cpg' && KNOWN_CODE_PAGES.has(param)) {
      // `\cpg` wins over `\fcharset`, whichever comes first.
      this.pages.set(this.defining, param);
      this.ownPage.add(this.defining);
    }
  }

  /** The code page of text in `font` (null: the document's default font), or null for the document's. */
  codePage(font: number | null): number | null {
    const number = font ?? this.defaultFont;
    return number === null ? null : (this.pages.get(number) ?? null);
  }
}
