/**
 * A Compound File whose sector chains loop ([MS-CFB] 2.3: each FAT entry names the next sector of a
 * stream) is damaged, and dangerous: `cfb` follows a stream that starts inside such a loop until memory
 * runs out. Checked on the raw header and FAT before `cfb` reads the file.
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

/** True when some chain of the file allocation table comes back on itself. */
export function hasLoopingChain(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return false; // cfb refuses it with its own message
  const sectorSize = 1 << shift;
  const sectorCount = Math.max(0, Math.floor(bytes.length / sectorSize) - 1);
  const next = new Int32Array(sectorCount).fill(-1);
  let entry = 0;
  for (const fat of fatSectors(view, sectorSize, sectorCount)) {
    const at = (fat + 1) * sectorSize;
    for (let i = 0; i < sectorSize / 4 && entry < sectorCount; i++, entry++) {
      const n = view.getUint32(at + 4 * i, true);
      next[entry] = n <= MAX_REGULAR_SECTOR && n < sectorCount ? n : -1;
    }
  }
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
