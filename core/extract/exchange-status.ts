/**
 * Exchange 2013 and later tag a recipient's status: `[{LED=550 5.7.1 ...};{MSG=};{FQDN=host};{IP=ip};
 * {LRT=...}]` (the last error, the remote's name and address, the last retry), as its message tracking
 * logs, Get-MessageTrackingLog and its delivery reports show it; older builds write
 * `[{LED}=...];[{FQDN}=...]`.
 */

/** The value of a `{NAME=value}` tag (up to `};{` or the closing `}`), or of a `[{NAME}=value]` one. */
export function statusTag(status: string, name: string): string | null {
  const inside = status.indexOf(`{${name}=`);
  if (inside >= 0) {
    const start = inside + name.length + 2;
    const next = status.indexOf('};{', start);
    const last = status.lastIndexOf('}');
    const end = next >= 0 ? next : last >= start ? last : status.length;
    return status.slice(start, end).trim() || null;
  }
  const at = status.indexOf(`{${name}}=`);
  if (at < 0) return null;
  const start = at + name.length + 3;
  const end = status.indexOf('];', start);
  const value = status.slice(start, end < 0 ? (status.endsWith(']') ? -1 : undefined) : end).trim();
  return value || null;
}

/** The refusal Get-MessageTrackingLog's output shows, as Format-List prints it. */
export interface TrackingStatus {
  reply: string;
  /** Offsets in the text given: of the status, and of the remote's name (-1 without one). */
  offset: number;
  remoteHost: string | null;
  remoteIp: string | null;
  remoteOffset: number;
  recipient: string | null;
}

const RECIPIENTS = /^[ \t]{0,12}Recipients[ \t]{0,30}:[ \t]{0,4}\{([^\s{},]{1,320}@[^\s{},]{1,253})[},]/m;

/** A message coming in, refused by this Exchange's own agents: no remote refused anything. */
const INCOMING_EVENT =
  /^[ \t]{0,12}(?:Directionality[ \t]{0,30}:[ \t]{0,4}Incoming|SourceContext[ \t]{0,30}:[^\n]{0,200}Agent)\b/m;

/**
 * Get-MessageTrackingLog's event as Format-List prints it, its tags wrapped over lines: `RecipientStatus
 * : {[{LED=550-5.7.26 ...};{MSG=};{FQDN=gmail-smtp-in.l.google.com};{IP=192.0.2.7};...`, `Recipients :
 * {rcpt}`. `incoming` for a message coming in (`Directionality : Incoming`, `SourceContext : Sender Id
 * Agent`); null when the text holds no refusal.
 */
export function trackingStatus(text: string): TrackingStatus | 'incoming' | null {
  const at = text.indexOf('{LED=');
  if (at < 0) return null;
  if (INCOMING_EVENT.test(text)) return 'incoming';
  // Format-List may break the line between two tags (`...};` then `{IP=...}`).
  const status = text.slice(at, at + 8000).replace(/\};\s{1,40}\{/g, '};{');
  const reply = statusTag(status, 'LED');
  if (!reply || !/^[245]\d\d[ -]/.test(reply)) return null;
  const remoteHost = statusTag(status, 'FQDN');
  return {
    reply,
    offset: at,
    remoteHost,
    remoteIp: statusTag(status, 'IP'),
    remoteOffset: remoteHost ? text.indexOf('{FQDN=', at) : -1,
    recipient: RECIPIENTS.exec(text)?.[1] ?? null,
  };
}
