/**
 * The indented lines right after the one ending at `newline`: the rest of the sentence Postfix wrapped
 * (`<a@example.com>: Name service error for domain example.com: Host not` / `    found, try again`,
 * Sisimai's set-of-emails lhost-postfix-34). At most four, up to 300 characters each.
 */
export function indentedContinuation(head: string, newline: number): string {
  let out = '';
  let end = newline;
  for (let i = 0; i < 4 && end >= 0; i++) {
    const next = head.indexOf('\n', end + 1);
    const line = head.slice(end + 1, next < 0 ? head.length : next);
    if (line.length > 300 || !/^[ \t]{2,12}\S/.test(line)) break;
    out += ` ${line}`;
    end = next;
  }
  return out;
}
