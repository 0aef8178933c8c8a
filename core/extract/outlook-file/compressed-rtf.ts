/**
 * A message body Outlook kept only as compressed RTF (PidTagRtfCompressed, [MS-OXRTFCP]): its 16-byte
 * header (compressed size, raw size, `LZFu` or `MELA`, CRC), then the LZ77 runs that
 * `@kenjiuno/decompressrtf` expands (pure JavaScript, no Node API). That library trusts the header: a
 * size larger than the stream would make it write zeros up to 2 GB, so the header is checked here
 * first, and the CRC of a compressed stream ([MS-OXRTFCP] 2.1.3.2) tells a damaged stream from a whole
 * one.
 */
import { decompressRTF } from '@kenjiuno/decompressrtf';

/** [MS-OXRTFCP] 2.1.3.1.1 COMPTYPE values, little-endian. */
const COMPRESSED = 0x75465a4c; // "LZFu"
const UNCOMPRESSED = 0x414c454d; // "MELA"

/** A bounce's RTF body is tens of kilobytes; a larger raw size is no body to read. */
const MAX_RAW_BYTES = 4_000_000;

export type CompressedRtf = { rtf: Uint8Array } | { damaged: string };

let crcTable: Uint32Array | null = null;

/** [MS-OXRTFCP] 2.1.3.2: the usual CRC-32 table, started at 0, with no final inversion. */
function crc(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let value = 0;
  for (const b of bytes) value = ((crcTable[(value ^ b) & 0xff] as number) ^ (value >>> 8)) >>> 0;
  return value;
}

/** The RTF a PidTagRtfCompressed stream holds, or why it cannot be read. */
export function decompressedRtf(stream: Uint8Array): CompressedRtf {
  if (stream.length < 16) return { damaged: 'shorter than its 16-byte header' };
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  const compSize = view.getUint32(0, true);
  const rawSize = view.getUint32(4, true);
  const compType = view.getUint32(8, true);
  if (compType !== COMPRESSED && compType !== UNCOMPRESSED)
    return { damaged: 'its header names no known compression (neither LZFu nor MELA)' };
  if (rawSize > MAX_RAW_BYTES) return { damaged: `its header announces ${rawSize} bytes of RTF` };
  if (compSize < 12 || compSize + 4 > stream.length)
    return { damaged: `its header announces ${compSize + 4} bytes, the stream has ${stream.length}` };
  // Compression never makes RTF much longer (a control byte per 8 literals): more is no real stream, and
  // the library expands each input byte to at most 8 output bytes, so its work stays bounded.
  if (compSize > rawSize + rawSize / 8 + 32) return { damaged: 'its header sizes do not agree' };
  const data = stream.subarray(16, compSize + 4);
  if (compType === UNCOMPRESSED) {
    if (data.length < rawSize) return { damaged: 'it ends before the RTF its header announces' };
    return { rtf: data.subarray(0, rawSize) };
  }
  if (crc(data) !== view.getUint32(12, true)) return { damaged: 'its checksum (CRC) does not match' };
  const out = Uint8Array.from(decompressRTF(Array.from(stream.subarray(0, compSize + 4))));
  if (out.length < rawSize) return { damaged: 'it expands to less RTF than its header announces' };
  return { rtf: out.subarray(0, rawSize) };
}
