/**
 * Haraka's logfmt output (`format=logfmt` in config/log.ini; docs/Logging.md, logger.js): each line is
 * `level=LEVEL uuid=UUID origin=ORIGIN message=MESSAGE` (`source=` in the documentation's example), the
 * message quoted when it holds a blank or `=` (its `"` and `\` escaped), the fields of an object logged
 * with it after it (`message="recipient <a@x>" code=OK msg="" sender=b@example.com`). With `timestamps`
 * the ISO time stands before it, as in the default format. Written back as the default format's line,
 * `[LEVEL] [UUID] [ORIGIN] MESSAGE FIELDS`, the one the Haraka reader knows.
 */

const LOGFMT_HEAD =
  /(?:^|\s)level=([A-Z]{3,8}) uuid=([^\s"=]{1,128}) (?:origin|source)=([^\s"=]{1,128}) message=/;

/** Is this a Haraka line in logfmt whose origin is its outbound delivery or its core? */
export function isHarakaLogfmt(text: string): boolean {
  return (
    (text.includes('origin=') || text.includes('source=')) &&
    LOGFMT_HEAD.test(text) &&
    /(?:origin|source)=(?:outbound|core) /.test(text)
  );
}

/** The line in Haraka's default format, or null when it is no logfmt line of Haraka's. */
export function harakaLogfmtAsDefault(text: string): string | null {
  if (!text.includes('level=')) return null;
  const head = LOGFMT_HEAD.exec(text);
  if (!head) return null;
  const start = head.index + (head[0].startsWith('level=') ? 0 : 1);
  let i = head.index + head[0].length;
  let message = '';
  if (text[i] === '"') {
    // A quoted value, up to its first unescaped quote.
    let end = -1;
    for (let j = i + 1; j < text.length; j++) {
      const c = text[j];
      if (c === '\\' && j + 1 < text.length) {
        message += text[j + 1];
        j++;
      } else if (c === '"') {
        end = j;
        break;
      } else message += c;
    }
    if (end < 0) return null;
    i = end + 1;
  } else {
    const blank = text.slice(i).search(/\s/);
    const end = blank < 0 ? text.length : i + blank;
    message = text.slice(i, end);
    i = end;
  }
  const fields = text.slice(i).trim();
  return `${text.slice(0, start)}[${head[1]}] [${head[2]}] [${head[3]}] ${message}${fields ? ` ${fields}` : ''}`;
}
