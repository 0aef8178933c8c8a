/**
 * Exchange Online's Get-MessageTraceDetail, as Format-List prints it, dates each event with `Date :`
 * (`Date   : 3/4/2024 9:12:02 AM`, then `Event  : Fail`, `Detail : Reason: [{LED=550 ...};...;{LRT=}].
 * OutboundProxyTargetIP: ...`): the events of one message follow each other (Receive, then Fail), so
 * the refusal's date is the last `Date :` written before its status.
 */
const DETAIL_DATE = /^[ \t]{0,12}Date[ \t]{0,30}:[ \t]{0,4}([^\n]{8,40})$/gm;

/** The last `Date :` line before offset `before` in `text`: its value and offset, or null. */
export function traceDetailDate(text: string, before: number): { value: string; offset: number } | null {
  let found: { value: string; offset: number } | null = null;
  for (const m of text.slice(0, before).matchAll(DETAIL_DATE)) found = { value: m[1] ?? '', offset: m.index };
  return found;
}
