/**
 * Google Groups' refusal of a post, mailed by Google's MAILER-DAEMON in the sender's language: `We're
 * writing to let you know that the group you tried to contact (libsisimai) may not exist, or you may not
 * have permission to post messages to the group.` (`Il se peut que le groupe que vous avez essayé de
 * contacter (libsisimai) n'existe pas…`, `連絡しようとしたグループ（libsisimai）が…`), closed by a link
 * to groups.google.com/support. No SMTP reply: the group's software refused, after Google's servers
 * accepted the message. Layout as in Sisimai's set-of-emails `lhost-googlegroups-*`.
 */

const SUPPORT_LINK = 'groups.google.com/support';
/**
 * The group's name in parentheses, ASCII or full-width, or in corner brackets (Chinese: `「libsisimai」`),
 * in the sentence that explains; not a time zone's abbreviation in a date (`-0800 (PST)`).
 */
const GROUP_NAME = /[(（「](?![A-Z]{2,5}[)）])[^()（）「」\s]{1,100}[)）」]/;

/**
 * The paragraph of Google Groups' notice in `lines` that says why the post was refused (one line in
 * the notice; its first 300 characters), or null when the lines are not such a notice.
 */
export function googleGroupsRefusal(lines: readonly string[]): string | null {
  const head = lines.slice(0, 200);
  if (!head.some((line) => line.includes(SUPPORT_LINK))) return null;
  const explaining = head.find((line) => line.length > 40 && line.length < 2000 && GROUP_NAME.test(line));
  if (!explaining) return null;
  const text = explaining
    .replace(/^[>\s]+/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
