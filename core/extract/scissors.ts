/**
 * A scissors line, which a writer puts around a piece of text pasted into a message
 * (`===========8<-----------`, git's `-- >8 --`, `------8<------`, Emacs's `--8<---------------cut
 * here---------------start------------->8---`): it closes the piece it follows, and is no part of a
 * reply in it. Dashes, equal signs, underscores or tildes on at least one side of the mark (`8<`, `>8`,
 * `✂`), at the line's start; a `>8` before another digit is no mark (`-->80`).
 */
const SCISSORS_LINE =
  /\n[ \t]{0,12}(?:[-=_~]{2,80}[ \t]{0,4}(?:8<|>8(?!\d)|[✂✄])|(?:8<|>8(?!\d)|[✂✄])[ \t]{0,4}[-=_~]{2,80})[^\n]{0,120}(?:\n|$)/;

/** The text up to the first scissors line after its first line (the whole text when there is none). */
export function beforeScissors(text: string): string {
  if (!text.includes('\n')) return text;
  const m = SCISSORS_LINE.exec(text);
  return m ? text.slice(0, m.index) : text;
}
