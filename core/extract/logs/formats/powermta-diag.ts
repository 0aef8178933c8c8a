/**
 * The remote's reply in a PowerMTA dsnDiag field. Usually it is the reply itself, behind its diagnostic
 * type (`smtp;550 5.7.1 ...`, which the reply parser reads). When PowerMTA bounced a whole queue after a
 * reply (a `bounce-queue` rule or command), its own diagnostic quotes that reply
 * (`x-pmta;bounce-queue;reply:550 5.7.1 Unfortunately, messages from [IP] weren't sent...`, as a
 * deliverability tool's table of PowerMTA diagnostics lists it): the remote's words are the ones after
 * `reply:`.
 */
/** PowerMTA's own diagnostic type quoting a remote's reply, as a regular expression's source. */
export const PMTA_QUOTE = 'x-pmta;[a-z-]{1,40};reply:';
const QUOTED_REPLY = new RegExp(String.raw`^${PMTA_QUOTE}\s?(?=[245]\d\d)`, 'i');
/** A reply behind its diagnostic type: `smtp;` or PowerMTA's quote. */
const TYPED_REPLY = String.raw`(?:smtp;|${PMTA_QUOTE})\s?[245]\d\d`;
const FIELD_STARTS_WITH_TYPED_REPLY = new RegExp(`^${TYPED_REPLY}`, 'i');
const ROW_HOLDS_TYPED_REPLY = new RegExp(`,"?${TYPED_REPLY}`, 'i');

/** `diag` without PowerMTA's own prefix when it quotes the remote's reply. */
export function remoteReplyOf(diag: string): string {
  return diag.replace(QUOTED_REPLY, '');
}

/** True when the field holds a remote's reply (`smtp;550 ...`, `550 ...` or PowerMTA's quote of one). */
export function holdsReply(field: string): boolean {
  return /^(?:smtp;\s?)?[245]\d\d/i.test(remoteReplyOf(field));
}

/** True when the field starts with a reply behind its diagnostic type (a bare `550` is not enough). */
export function startsWithTypedReply(field: string): boolean {
  return FIELD_STARTS_WITH_TYPED_REPLY.test(field);
}

/** True when one of the CSV row's fields, quoted or not, starts with a reply behind its diagnostic type. */
export function rowHoldsTypedReply(row: string): boolean {
  return ROW_HOLDS_TYPED_REPLY.test(row);
}
