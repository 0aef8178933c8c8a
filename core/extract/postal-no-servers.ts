/**
 * Postal's details of a soft fail no server took: `No SMTP servers were available for libero.it. Tried
 * mx.libero.it`, under the last server's reply and Postal's `Support Ref:` line (postalserver/postal
 * issue 83, 2017: Postal's SMTP sender words it so). It names the recipient's domain, and the host Postal
 * tried: the rejecting host when it is the only one named (`Tried a and b`: which one replied is not said).
 */
import { isHostName } from './header-block';

const NO_SERVERS =
  /\bNo SMTP servers were available for ([A-Za-z0-9][A-Za-z0-9.-]{0,252})(?:\s{1,4}Tried ([A-Za-z0-9][A-Za-z0-9.-]{0,252}))?/i;

/** Lines under the reply Postal's details may be on (its `Support Ref:` line and a blank one between). */
const LINES_BELOW = 4;

export interface PostalNoServers {
  domain: string;
  /** The one host Postal tried, or null. */
  host: string | null;
  lineIndex: number;
}

/** Postal's `No SMTP servers were available for ...` within a few lines under the reply's line. */
export function postalNoServersBelow(
  lineOf: (index: number) => string,
  lineIndex: number,
  lineCount: number,
): PostalNoServers | null {
  for (let i = lineIndex + 1; i <= lineIndex + LINES_BELOW && i < lineCount; i++) {
    const line = lineOf(i);
    if (!line.includes('No SMTP servers')) continue;
    const found = NO_SERVERS.exec(line);
    if (!found?.[1]) return null;
    const domain = found[1].replace(/\.+$/, '').toLowerCase();
    if (!isHostName(domain)) return null;
    const tried = found[2]?.replace(/\.+$/, '').toLowerCase() ?? null;
    const alone = /^\.?\s*$/.test(line.slice(found.index + found[0].length));
    return { domain, host: tried && alone && isHostName(tried) ? tried : null, lineIndex: i };
  }
  return null;
}
