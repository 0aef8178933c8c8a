/**
 * Where a reply quoted in the middle of a person's paragraph stops and the person's own words go on: a
 * new sentence whose subject is the writer (`The Diagnostic-Code says: smtp; 550-Requested action not
 * taken: mailbox unavailable 550 invalid DNS MX or A/AAAA resource record. I can send email to google
 * though without any problems.`, LukeSmithxyz/emailwiz issue 82). A server's reply speaks of the
 * recipient, the message or itself as `we`, never as `I` doing what a user does.
 */

/** A sentence's end, then `I` and a verb a writer uses of themselves (`I can`, `I tried`, `I'm`). */
const WRITER_SENTENCE =
  /[.!?]\s{1,3}I(?:['’](?:m|ve|d|ll)\b| (?:can|can't|cannot|could|have|had|am|was|tried|try|get|got|don't|didn't|did|do|will|would|think|guess|also|just|checked|use|used|send|sent|see|saw|need|want|hope|found|receive|received|changed|set|added|only|still|really)\b)/;

/** The reply `text` without the writer's sentences after it, or the text unchanged. */
export function beforeWriterSentence(text: string): string {
  const m = WRITER_SENTENCE.exec(text);
  return m ? text.slice(0, m.index + 1) : text;
}
