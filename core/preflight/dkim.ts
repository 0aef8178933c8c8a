/**
 * DKIM: reading the selector and signing domain from a pasted DKIM-Signature header, and parsing the
 * public key record at <selector>._domainkey.<domain> (RFC 6376 §3.5, §3.6.1).
 */
import { firstTagName, parseTagList } from './tag-list';

export interface DkimSelector {
  selector: string;
  domain: string;
}

const HEADER = /^dkim-signature[ \t]*:/i;
const NAME = /^[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,251}[A-Za-z0-9])?$/;

/** Every distinct (s=, d=) pair found in DKIM-Signature headers of a pasted text (folded lines joined). */
export function findDkimSelectors(text: string): DkimSelector[] {
  const found: DkimSelector[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as string;
    if (!HEADER.test(line)) continue;
    let value = line.slice(line.indexOf(':') + 1);
    while (i + 1 < lines.length && /^[ \t]/.test(lines[i + 1] as string) && value.length < 10_000) {
      i += 1;
      value += lines[i];
    }
    const tags = parseTagList(value);
    const selector = tags?.get('s')?.replace(/\s+/g, '');
    const domain = tags?.get('d')?.replace(/\s+/g, '').toLowerCase();
    if (!selector || !domain || !NAME.test(selector) || !NAME.test(domain)) continue;
    if (!found.some((item) => item.selector === selector && item.domain === domain)) {
      found.push({ selector, domain });
    }
  }
  return found;
}

export type DkimKeyParse =
  | { ok: true; keyType: string }
  | { ok: false; problem: 'syntax' | 'version' | 'revoked' | 'no-key' | 'key-type' | 'base64' };

export function parseDkimKeyRecord(txt: string): DkimKeyParse {
  const tags = parseTagList(txt);
  if (!tags) return { ok: false, problem: 'syntax' };
  const version = tags.get('v');
  if (version !== undefined && (version !== 'DKIM1' || firstTagName(txt) !== 'v'))
    return { ok: false, problem: 'version' };
  const keyType = (tags.get('k') ?? 'rsa').toLowerCase();
  if (keyType !== 'rsa' && keyType !== 'ed25519') return { ok: false, problem: 'key-type' };
  const key = tags.get('p');
  if (key === undefined) return { ok: false, problem: 'no-key' };
  const compact = key.replace(/\s+/g, '');
  if (compact === '') return { ok: false, problem: 'revoked' };
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact) || compact.length % 4 !== 0)
    return { ok: false, problem: 'base64' };
  return { ok: true, keyType };
}
