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
