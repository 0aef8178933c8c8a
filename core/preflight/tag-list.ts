/** The "tag=value; tag=value" syntax shared by DKIM (RFC 6376 §3.2) and DMARC (RFC 7489 §6.4) records. */
export function parseTagList(text: string): Map<string, string> | null {
  const tags = new Map<string, string>();
  for (const part of text.split(';')) {
    const trimmed = part.trim();
    if (trimmed === '') continue;
    const eq = trimmed.indexOf('=');
    if (eq <= 0) return null;
    const name = trimmed.slice(0, eq).trim().toLowerCase();
    if (!/^[a-z][a-z0-9_]{0,31}$/.test(name) || tags.has(name)) return null;
    tags.set(name, trimmed.slice(eq + 1).trim());
  }
  return tags;
}

/** The first tag's name, to enforce "v= must come first". */
export function firstTagName(text: string): string {
  const eq = text.indexOf('=');
  return eq < 0 ? '' : text.slice(0, eq).trim().toLowerCase();
}
