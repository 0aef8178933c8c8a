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

/** A reply ending with Orange's prefix and its `_` (`... OFR005_`): its reason went to the next line. */
const CUT_TOKEN_END = /\bOFR\d{3}[_-]\s{0,4}$/i;
/** Another reply's code where the cut one's reason should be. */
const NEXT_REPLY = /^\s{0,12}[245]\d\d[ -]/;

/**
 * Replaces a cut Orange reply's text by the fuller reading by token of the same line, if any. A reply cut
 * right after its token's prefix (`... OFR005_`, no reason: cut-orange-token.ts) takes the reading that
 * joined the reason on the next line (`OFR005_` / `104 [104]`), and its reason with it.
 */
export function withFullerOrangeText(incident: Incident, byToken: readonly FoundReply[]): void {
  const reason = incident.orange?.reason;
  const ref = incident.sources.reply;
  const cut = reason === null && CUT_TOKEN_END.test(incident.reply.text);
  if (!incident.orange?.token || !(reason || cut) || !ref || incident.reply.text.includes(`[${reason}]`))
    return;
  for (const r of byToken) {
    if (r.lineIndex + 1 !== ref.line) continue;
    const parsed = parseReply(r.text);
    if (!(cut ? parsed.orange?.reason : parsed.orange?.reason === reason)) continue;
    if (parsed.reply.code !== incident.reply.code) continue;
    if (parsed.reply.text.length <= incident.reply.text.length) continue;
    if (!startsWithWhole(parsed.reply.text, incident.reply.text)) continue;
    // (Not when the reading ran on into the next reply, `OFR005_` / `550 5.7.1 ... [102]`.)
    if (cut && NEXT_REPLY.test(parsed.reply.text.slice(incident.reply.text.length))) continue;
    incident.reply = parsed.reply;
    if (cut) incident.orange = parsed.orange;
    for (const ip of parsed.linkIps) addUnique(incident.sendingIps, ip);
    if (parsed.linkIps.length > 0) cite(incident, 'sendingIps', ref);
    return;
  }
}
