/**
 * Orange's reply a wording introduced, cut before its `[NNN]`: its link and its reason went on lines of
 * their own that a copy from a web page left unindented (`... refused to talk to me: 550 mwinf5c14 ME
 * ... OFR006_102 Ref` / `http://csi.cloudmark.com/reset-request/?ip=IP` / `[102]`), so the wording's
 * reader, which goes on only over indented or lower-case lines, stopped at `Ref` and lost the sending
 * IP of the link. The reading by token (embedded-orange.ts) holds the rest: when it starts on the same
 * line with the same words and the same reason, its text is the reply's.
 */
import type { Incident } from '../types';
import type { FoundReply } from './body-replies';
import { startsWithWhole } from './fuller-reply';
import { addUnique, cite } from './incident';
import { parseReply } from './reply';

/** Replaces a cut Orange reply's text by the fuller reading by token of the same line, if any. */
export function withFullerOrangeText(incident: Incident, byToken: readonly FoundReply[]): void {
  const reason = incident.orange?.reason;
  const ref = incident.sources.reply;
  if (!incident.orange?.token || !reason || !ref || incident.reply.text.includes(`[${reason}]`)) return;
  for (const r of byToken) {
    if (r.lineIndex + 1 !== ref.line) continue;
    const parsed = parseReply(r.text);
    if (parsed.orange?.reason !== reason || parsed.reply.code !== incident.reply.code) continue;
    if (parsed.reply.text.length <= incident.reply.text.length) continue;
    if (!startsWithWhole(parsed.reply.text, incident.reply.text)) continue;
    incident.reply = parsed.reply;
    for (const ip of parsed.linkIps) addUnique(incident.sendingIps, ip);
    if (parsed.linkIps.length > 0) cite(incident, 'sendingIps', ref);
    return;
  }
}
