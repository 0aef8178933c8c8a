/** Small display helpers for the large-log view. */

/** An ISO date as the log wrote it, easier to read: `2026-03-16 08:00:05 +01:00`. */
export function formatSeen(iso: string | null): string {
  if (!iso) return '—';
  return iso
    .replace('T', ' ')
    .replace(/(\.\d{1,9})?(Z|[+-]\d\d:\d\d)$/, (_m, _f, zone: string) => ` ${zone === 'Z' ? 'UTC' : zone}`);
}

/** The same, as its day and its time with the zone, each kept on one line in a narrow column. */
export function formatSeenParts(iso: string | null): [string, string] {
  const text = formatSeen(iso);
  const space = text.indexOf(' ');
  return space < 0 ? [text, ''] : [text.slice(0, space), text.slice(space + 1)];
}

/** A bucket's start in UTC: `2026-03-16 08:00 UTC`. */
export function formatBucketStart(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
