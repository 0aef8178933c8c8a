/**
 * What `cfb` does not check and a hostile Compound File can abuse, checked on the raw header, FAT and
 * directory before `cfb` reads the file: a sector chain that loops ([MS-CFB] 2.3: each FAT entry names
 * the next sector of a stream), which `cfb` follows until memory runs out when a stream starts inside
 * it; and streams that add up to far more than the file (many directory entries sharing the same
 * sectors), each of which `cfb` copies out in a browser.
 */

/** [MS-CFB] 2.1: sector numbers from MAXREGSECT up are markers (free, end of chain, FAT, DIFAT). */
const MAX_REGULAR_SECTOR = 0xfffffffa;

/** The FAT sector numbers: the header's 109, then the DIFAT chain's ([MS-CFB] 2.5). */
function fatSectors(view: DataView, sectorSize: number, sectorCount: number): number[] {
  const sectors: number[] = [];
  const take = (n: number) => {
    if (n < sectorCount) sectors.push(n);
  };
  for (let i = 0; i < 109; i++) take(view.getUint32(0x4c + 4 * i, true));
  let difat = view.getUint32(0x44, true);
  for (let hops = 0; difat < sectorCount && hops < sectorCount; hops++) {
    const at = (difat + 1) * sectorSize;
    for (let i = 0; i < sectorSize / 4 - 1; i++) take(view.getUint32(at + 4 * i, true));
    difat = view.getUint32(at + sectorSize - 4, true);
  }
  return sectors;
}

/** Why `cfb` must not read the file, or null. */
export function unsafeContainer(bytes: Uint8Array): string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return null; // cfb refuses it with its own message
  const sectorSize = 1 << shift;
  const next = fatNext(view, sectorSize, Math.max(0, Math.floor(bytes.length / sectorSize) - 1));
  if (hasLoop(next)) return 'a chain of sectors loops';
  if (streamBytes(view, sectorSize, next) > 2 * bytes.length + 1_000_000)
    return 'its streams add up to far more than the file holds';
  return null;
}

/** Each sector's successor in the file allocation table, -1 at a chain's end. */
function fatNext(view: DataView, sectorSize: number, sectorCount: number): Int32Array {
  const next = new Int32Array(sectorCount).fill(-1);
  let entry = 0;
  for (const fat of fatSectors(view, sectorSize, sectorCount)) {
    const at = (fat + 1) * sectorSize;
    for (let i = 0; i < sectorSize / 4 && entry < sectorCount; i++, entry++) {
      const n = view.getUint32(at + 4 * i, true);
      next[entry] = n <= MAX_REGULAR_SECTOR && n < sectorCount ? n : -1;
    }
  }
  return next;
}

/** True when some chain of the file allocation table comes back on itself. */
function hasLoop(next: Int32Array): boolean {
  const sectorCount = next.length;
  // Each sector has one successor: walk each chain once, a sector met again on the current walk is a loop.
  const state = new Uint8Array(sectorCount); // 0 unseen, 1 on the current walk, 2 done
  const walk: number[] = [];
  for (let start = 0; start < sectorCount; start++) {
    let s = start;
    while (s >= 0 && state[s] === 0) {
      state[s] = 1;
      walk.push(s);
      s = next[s] as number;
    }
    if (s >= 0 && state[s] === 1) return true;
    for (const w of walk) state[w] = 2;
    walk.length = 0;
  }
  return false;
}

/**
 * The sizes of the directory's streams added up ([MS-CFB] 2.6: 128-byte entries, type at 66, 2 for a
 * stream; size at 120). The directory's chain is loop-free by then.
 */
function streamBytes(view: DataView, sectorSize: number, next: Int32Array): number {
  let total = 0;
  let hops = 0;
  for (
    let s = view.getInt32(0x30, true);
    s >= 0 && s < next.length && hops <= next.length;
    s = next[s] as number
  ) {
    hops++;
    const at = (s + 1) * sectorSize;
    for (let e = at; e + 128 <= at + sectorSize; e += 128)
      if (view.getUint8(e + 66) === 2) total += view.getUint32(e + 120, true);
  }
  return total;
}
