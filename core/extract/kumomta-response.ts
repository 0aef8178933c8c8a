/**
 * The remote's reply as KumoMTA writes it inside its own messages, in Rust's debug form: a refusal at
 * the greeting is no `response` of the record but words of KumoMTA's (`KumoMTA internal: failed to
 * connect to any candidate hosts: connect to 193.252.22.65:25 and read initial banner: Command rejected
 * Response { code: 421, enhanced_code: Some(EnhancedStatusCode { class: 4, subject: 7, detail: 0 }),
 * content: "mwinf5c10 ME Service refuse. ...", command: None }`). Orange refuses there (its 999 and 104).
 */

export interface DebugResponse {
  /** The reply as read from the wire: code, enhanced code, content. */
  reply: string;
  /** The address KumoMTA was connected to, when it names it. */
  remoteIp: string | null;
}

// Bounded and anchored on literal words; the content is a Rust string literal (`\"`, `\\`, `\n` escaped).
const RESPONSE =
  /Response \{ code: ([245]\d\d), enhanced_code: (?:Some\(EnhancedStatusCode \{ class: ([245]), subject: (\d{1,3}), detail: (\d{1,3}) \}\)|None), content: "((?:[^"\\]|\\.){0,4000})"/;
const CONNECTED = /connect to ([0-9A-Fa-f.:]{2,45}?):\d{1,5} and read initial banner: Command rejected $/;

/** The first refusal such a text quotes, or null. */
export function debugResponse(text: string): DebugResponse | null {
  if (!text.includes('Response { code: ')) return null;
  const m = RESPONSE.exec(text);
  if (!m) return null;
  const enhanced = m[2] ? `${m[2]}.${m[3]}.${m[4]}` : null;
  const content = (m[5] ?? '').replace(/\\(.)/g, (_, c: string) => (c === 'n' || c === 'r' ? ' ' : c));
  const reply = [m[1], enhanced, content.replace(/\s+/g, ' ').trim()].filter(Boolean).join(' ');
  const before = text.slice(Math.max(0, m.index - 120), m.index);
  return { reply, remoteIp: CONNECTED.exec(before)?.[1] ?? null };
}
