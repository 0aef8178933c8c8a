/**
 * A Compound File ([MS-CFB], the container of Outlook's `.msg`, and of old Office documents) opened with
 * SheetJS's `cfb`, seen as storages and streams by name. Recognised by its signature, whatever the
 * file's name. Names compare without case ([MS-CFB] 2.6.4 compares them upper-cased).
 */
import * as CFB from 'cfb';
import { unsafeContainer } from './container-checks';
import type { MapiStorage } from './mapi-properties';

/** [MS-CFB] 2.2: the header's first eight bytes. */
const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** A bounce's `.msg` holds tens of streams; tens of thousands is not a message. */
const MAX_ENTRIES = 20_000;

export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && SIGNATURE.every((b, i) => bytes[i] === b);
}

type Content = ArrayLike<number>;

function asBytes(content: Content | undefined): Uint8Array {
  if (!content) return new Uint8Array(0);
  return content instanceof Uint8Array ? content : Uint8Array.from(content);
}

/** The file's root storage; throws on a damaged container. */
export function openCompoundFile(bytes: Uint8Array): MapiStorage {
  const unsafe = unsafeContainer(bytes);
  if (unsafe) throw new Error(unsafe);
  const container = CFB.read(bytes, { type: 'array' });
  if (container.FileIndex.length > MAX_ENTRIES) throw new Error('too many entries for an Outlook message');
  const streams = new Map<string, Content>();
  const storages: string[] = [];
  container.FullPaths.forEach((path, i) => {
    const entry = container.FileIndex[i];
    if (!entry) return;
    const key = path.toLowerCase();
    if (entry.type === 2) streams.set(key, entry.content as Content);
    else if (entry.type === 1) storages.push(key);
  });
  storages.sort();
  const root = (container.FullPaths[0] ?? '').toLowerCase();
  const at = (prefix: string): MapiStorage => ({
    stream: (name) => {
      const content = streams.get(prefix + name.toLowerCase());
      return content === undefined ? null : asBytes(content);
    },
    storage: (name) => {
      const path = `${prefix}${name.toLowerCase()}/`;
      return storages.includes(path) ? at(path) : null;
    },
    storages: (start) => {
      const from = prefix + start.toLowerCase();
      return storages
        .filter((s) => s.startsWith(from) && s.indexOf('/', prefix.length) === s.length - 1)
        .map(at);
    },
  });
  return at(root);
}
