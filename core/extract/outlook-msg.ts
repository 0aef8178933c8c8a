/**
 * A bounce a customer saved from Outlook and attached to their mail as a `.msg` file (Outlook's own
 * binary format, `application/vnd.ms-outlook`; a saved message dragged into a new mail stays so, where
 * Outlook's forward as attachment sends `message/rfc822`). It is decoded and read as the message it
 * holds (forwarded.ts, decode-parts.ts, outlook-file/msg-text.ts); when that gives nothing (a damaged or
 * cut file), rather than an empty incident dated by the customer's mail, the desk is told what to ask for.
 */

/** A part's header naming a `.msg` file or Outlook's type for it. */
const MSG_PART =
  /^content-type:[ \t]*application\/vnd\.ms-outlook\b[^\n]*|^content-(?:type|disposition):[^\n]*\b(?:file)?name\*?=[ \t]*"?([^"\n]{1,200}\.msg)"?[ \t]*;?[ \t]*$/im;
const NAME = /\b(?:file)?name\*?=[ \t]*"?([^"\n]{1,200}?)"?[ \t]*(?:;|$)/im;

/**
 * The name of an attached `.msg` file (or `message.msg` when the part gives none), or null when there is
 * none.
 */
export function outlookMsgAttachment(input: string): string | null {
  const head = input.length > 4_000_000 ? input.slice(0, 4_000_000) : input;
  const m = MSG_PART.exec(head);
  if (!m) return null;
  if (m[1]) return m[1];
  // The type line alone: its name is on the part's next lines (`name=` or Content-Disposition's `filename=`).
  const after = head.slice(m.index, m.index + 600).split(/\r?\n\r?\n/)[0] ?? '';
  return NAME.exec(after)?.[1] ?? 'message.msg';
}
