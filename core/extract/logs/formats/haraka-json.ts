/**
 * Haraka's JSON output (`format=json` in config/log.ini, logger.js in current releases): each line is
 * `JSON.stringify` of the entry, `{"level":"NOTICE","uuid":"…","origin":"outbound","message":"…"}`,
 * an object logged with it merged in after the message (`"code":"OK","sender":"a@example.com"`); with
 * `timestamps` the ISO time stands before it. Written back as the default format's line,
 * `[LEVEL] [UUID] [ORIGIN] MESSAGE key=value…`, the one the Haraka reader knows.
 */

const START = '{"level":"';
const ORIGIN = /"(?:origin|source)":"(?:outbound|core)"/;

/** Is this a Haraka line in JSON whose origin is its outbound delivery or its core? */
export function isHarakaJson(text: string): boolean {
  const at = text.indexOf(START);
  return at >= 0 && at <= 40 && text.includes('"uuid":"') && ORIGIN.test(text);
}

/** The line in Haraka's default format, or null when it is no JSON line of Haraka's. */
export function harakaJsonAsDefault(text: string): string | null {
  const at = text.indexOf(START);
  if (at < 0 || at > 40) return null;
  let value: unknown;
  try {
    value = JSON.parse(text.slice(at));
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const { level, uuid, origin, source, message, ...fields } = value as Record<string, unknown>;
  const from = origin ?? source;
  if (typeof level !== 'string' || typeof uuid !== 'string' || typeof from !== 'string') return null;
  if (typeof message !== 'string') return null;
  const rest = Object.entries(fields)
    .map(
      ([k, v]) =>
        `${k}=${typeof v === 'string' ? (/[\s="]/.test(v) || v === '' ? JSON.stringify(v) : v) : JSON.stringify(v)}`,
    )
    .join(' ');
  return `${text.slice(0, at)}[${level}] [${uuid}] [${from}] ${message}${rest ? ` ${rest}` : ''}`;
}
