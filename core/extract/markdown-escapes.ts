/**
 * Markdown's backslash escapes, as a converter or an editor writes a text's own characters that Markdown
 * would read as marks: stars and underscores (`host smtp1.\*\*\*.com[xx.xx.xx.xx] said:`, a blog post
 * quoting a notice; `OFR006\_102`) and square brackets, which open a link (`host
 * mail.example.com\[64.22.68.20\] said: 550 5.1.1`, a knowledge-base article's sample bounce;
 * `refused to talk to me: ... \[102\]`) and parentheses, which converters escape too (HTML-to-Markdown
 * libraries that escape every Markdown character: `status=bounced \(host ... said: 550 ... \(in reply to
 * RCPT TO command\)\)`, whose reply kept a ` \` at its end). The characters themselves come back. No
 * format this tool reads escapes them otherwise (JSON has no `\*`, `\_`, `\[` or `\(` escape).
 */
const ESCAPED = /\\([\\*_[\]()])/g;

/**
 * The paste with those escapes undone. A doubled backslash is kept as it is, and the character after it
 * is no escape's: in JSON it is one backslash of the text (`"C:\\_spool"`, `"\\[SPAM\\]"`), which the
 * JSON reader decodes and a citation shows as pasted (undone, it left a lone `\` before the character).
 */
export function withoutMarkdownEscapes(pasted: string): string {
  return pasted.includes('\\') ? pasted.replace(ESCAPED, (m, c: string) => (c === '\\' ? m : c)) : pasted;
}
