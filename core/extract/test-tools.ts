/**
 * What an online SMTP test prints: MXToolbox's session transcript writes each reply's round-trip time
 * after it (`250 2.1.0 Ok [317 ms]`), and its probe (`EHLO keeper-us-east-1d.mxtoolbox.com`, `MAIL
 * FROM:<supertool@mxtoolboxsmtpdiag.com>`) tests the user's own server: a refusal there is that server's
 * answer to the test (a closed relay's `454 Relay access denied` is the right one), never a refusal of
 * the user's mail.
 */
import type { Incident } from '../types';
import { includesAfter } from './rare-search';

// A reply's time as MXToolbox writes it at the end of the line: ` [562 ms]`. Bounded, anchored at the end.
const TIMING = / \[\d{1,6} ms\](?=[ \t]*(?:\r\n|\r|\n|$))/g;
const HAS_TIMING = / \[\d{1,6} ms\][ \t]*(?:\r|\n|$)/;

/** The text without the times a test tool wrote after the replies; the lines stay where they were. */
export function withoutToolTimings(text: string): string {
  // (A timing holds ` ms]`, looked for first: most texts have none.)
  return includesAfter(text, ' ms', ']') && HAS_TIMING.test(text) ? text.replace(TIMING, '') : text;
}

/** MXToolbox's probe: its sender's domain or its host names. */
const PROBE_DOMAIN = /(?:^|\.)(?:mxtoolboxsmtpdiag\.com|mxtoolbox\.com)$/i;

/** True when the incident is a test tool's probe refused by the user's own server. */
export function isTestProbe(incident: Incident): boolean {
  return (
    (incident.sendingDomain !== null && PROBE_DOMAIN.test(incident.sendingDomain)) ||
    incident.sendingHosts.some((h) => PROBE_DOMAIN.test(h))
  );
}
