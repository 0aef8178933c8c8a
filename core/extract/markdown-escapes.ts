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
const ESCAPED = /\\([*_[\]()])/g;

export function withoutMarkdownEscapes(pasted: string): string {
  return pasted.includes('\\') ? pasted.replace(ESCAPED, '$1') : pasted;
}
