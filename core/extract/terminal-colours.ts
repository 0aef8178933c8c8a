/**
 * Output saved from a terminal with its colours (`grep --color=always orange /var/log/mail.log > out.txt`,
 * `script`, a CI job's log) keeps the escape sequences that coloured it: GNU grep wraps each match in
 * `ESC[01;31mESC[K` … `ESC[mESC[K` (its default GREP_COLORS: SGR to colour, EL to clear the rest of the
 * line). Inside a log line they split the very words that were searched for
 * (`relay=smtp-in.ESC[01;31mESC[KorangeESC[mESC[K.fr[193.252.22.65]`), so the host and its address went
 * unread. Colour (SGR) and erase-in-line (EL) sequences are removed; lines stay where they were.
 */
const COLOUR_OR_ERASE = /\x1b\[[\d;]{0,24}[mK]/g;

export function withoutTerminalColours(text: string): string {
  return text.includes('\x1b[') ? text.replace(COLOUR_OR_ERASE, '') : text;
}
