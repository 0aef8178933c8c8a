/**
 * A link a mail gateway rewrote for its click-time check, as the link it stands for. A notice read behind
 * Microsoft Defender's Safe Links, Proofpoint's URL Defense, Barracuda's Link Protection or Trend Micro's
 * click-time protection shows Orange's Cloudmark or Abusix link, in a plain-text notice, as the gateway's:
 *
 * - `https://eur03.safelinks.protection.outlook.com/?url=http%3A%2F%2Fcsi.cloudmark.com%2F...%3Fip%3D192.0.2.44&data=...`
 * - `https://urldefense.proofpoint.com/v2/url?u=http-3A__csi.cloudmark.com_reset-2Drequest_-3Fip-3D192.0.2.44&d=...`
 *   (version 2: `-XX` for an escaped character, `_` for `/`)
 * - `https://urldefense.com/v3/__http://csi.cloudmark.com/reset-request/?ip=192.0.2.44__;!!...$` (version 3)
 * - `https://linkprotect.cudasvc.com/url?a=http%3a%2f%2f...&c=E,1,...`
 * - `https://imsva91-ctp.trendmicro.com:443/wis/clicktime/v1/query?url=http%3a%2f%2f...&umid=...`
 *
 * The sending IP is in the original's query; the gateway's own host names no site that reports one.
 */

const SAFE_LINKS =
  /^https?:\/\/[a-z0-9.-]{0,64}safelinks\.protection\.outlook\.com\/?\?(?:[^\s]*?&)?url=([^&\s]{1,2048})/i;
const TREND_MICRO =
  /^https?:\/\/[a-z0-9.-]{1,64}\.trendmicro\.com(?::\d{1,5})?\/wis\/clicktime\/v\d\/query\?(?:[^\s]*?&)?url=([^&\s]{1,2048})/i;
const BARRACUDA = /^https?:\/\/linkprotect\.cudasvc\.com\/url\?(?:[^\s]*?&)?a=([^&\s]{1,2048})/i;
const URL_DEFENSE_V2 = /^https?:\/\/urldefense\.proofpoint\.com\/v2\/url\?(?:[^\s]*?&)?u=([^&\s]{1,2048})/i;
const URL_DEFENSE_V3 = /^https?:\/\/urldefense\.com\/v3\/__(.{1,2048}?)__;/i;

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The original of a gateway's rewritten link, or the link itself. */
export function unwrappedLink(url: string): string {
  if (!/safelinks|trendmicro|cudasvc|urldefense/i.test(url)) return url;
  const query = SAFE_LINKS.exec(url) ?? TREND_MICRO.exec(url) ?? BARRACUDA.exec(url);
  if (query?.[1]) return decoded(query[1]);
  const v2 = URL_DEFENSE_V2.exec(url)?.[1];
  if (v2) return decoded(v2.replace(/_/g, '/').replace(/-([0-9A-Fa-f]{2})/g, '%$1'));
  return URL_DEFENSE_V3.exec(url)?.[1] ?? url;
}

const GATEWAY_LINK =
  /\bhttps?:\/\/[^\s"'<>]{0,80}(?:safelinks\.protection\.outlook\.com|trendmicro\.com|linkprotect\.cudasvc\.com|urldefense\.(?:proofpoint\.)?com)[^\s"'<>]{1,4096}/gi;

/**
 * The reply with each gateway's rewritten link put back as the link the remote wrote: the reply Orange
 * sent, not the reader's gateway's copy (which names the reader's mailbox and tenant in its `data=`).
 */
export function withOriginalLinks(reply: string): string {
  if (!/safelinks|trendmicro|cudasvc|urldefense/i.test(reply)) return reply;
  return reply.replace(GATEWAY_LINK, (url) => {
    const original = unwrappedLink(url);
    return /^https?:\/\/[^\s]{1,2048}$/i.test(original) ? original : url;
  });
}
