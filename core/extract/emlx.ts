/**
 * Apple Mail's `.emlx` files (a message per file in `~/Library/Mail/V*` /…/Messages/): a first line with
 * the message's length in bytes, the RFC 822 message, then an XML property list of Mail's own flags
 * (`date-received`, `flags`, `remote-id`). The length line hid the headers' start and the property list
 * was read as the end of the message's body (a text/plain notice's last lines): both are blanked, line
 * for line, so that the message is read alone and every line keeps its number.
 */

/** The length line: digits, Mail pads them with spaces; a header field follows it. */
const LENGTH_LINE = /^(\d{1,10})[ \t]*\r?\n(?=[A-Za-z][A-Za-z0-9-]{0,60}:)/;
/** The property list's start, on a line of its own after the message. */
const PLIST_START =
  /(?:^|\r?\n|\r)(<\?xml version="1\.0" encoding="UTF-8"\?>\s*(?:<!DOCTYPE plist [^>]*>\s*)?<plist version="1\.0">)/g;
const PLIST_END = /<\/plist>\s*$/;

/** The text with an `.emlx` file's length line and property list blanked; the text itself when it is none. */
export function withoutEmlxEnvelope(text: string): string {
  const length = LENGTH_LINE.exec(text);
  if (!length) return text;
  const tail = text.slice(-64 * 1024);
  if (!PLIST_END.test(tail)) return text;
  let plistAt = -1;
  for (const m of tail.matchAll(PLIST_START))
    plistAt = text.length - tail.length + m.index + m[0].indexOf('<');
  if (plistAt < 0) return text;
  // The length counts bytes, the text holds characters: it is no test of where the message ends, only
  // of the envelope's being one (the property list after at least that many characters, UTF-8 or not).
  if (plistAt - length[0].length < Number(length[1]) / 4) return text;
  const blank = (part: string) => part.replace(/[^\r\n]+/g, '');
  return blank(length[0]) + text.slice(length[0].length, plistAt) + blank(text.slice(plistAt));
}
