/**
 * A message body Outlook kept only as compressed RTF (PidTagRtfCompressed, [MS-OXRTFCP]): a 16-byte
 * header (compressed size, raw size, `LZFu` or `MELA`, CRC), then, for `LZFu`, runs of a control byte
 * and eight tokens, each a literal byte or a 2-byte reference into a 4,096-byte dictionary that starts
 * with a fixed RTF prelude (2.1.3.1, 3.1.1.1). Expanded here rather than with npm's
 * `@kenjiuno/decompressrtf`: that library trusts the header and grows a plain array with no end, so a
 * forged stream of 4.5 MB took 1.6 GB and 2.3 s in it; here the output is the raw size the header
 * announces, at most. The CRC (2.1.3.2) tells a damaged stream from a whole one.
 */

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
  // Compression never makes RTF much longer (a control byte per 8 literals): more is no real stream.
  if (compSize > rawSize + rawSize / 8 + 32) return { damaged: 'its header sizes do not agree' };
  const data = stream.subarray(16, compSize + 4);
  if (compType === UNCOMPRESSED) {
    if (data.length < rawSize) return { damaged: 'it ends before the RTF its header announces' };
    return { rtf: data.subarray(0, rawSize) };
  }
  if (crc(data) !== view.getUint32(12, true)) return { damaged: 'its checksum (CRC) does not match' };
  const out = expanded(data, rawSize);
  if (out === null) return { damaged: 'it expands to less RTF than its header announces' };
  return { rtf: out };
}

/** [MS-OXRTFCP] 3.1.1.1.2: the dictionary's first 207 bytes. */
const PRELUDE =
  '{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss \\fmodern \\fscript ' +
  '\\fdecor MS Sans SerifSymbolArialTimes New RomanCourier{\\colortbl\\red0\\green0\\blue0\r\n' +
  '\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx';

/**
 * [MS-OXRTFCP] 2.2.1, 3.2.1: the runs expanded, up to `rawSize` bytes; null when the runs end (no more
 * input, or the end reference: one to the dictionary's write position) before that many.
 */
function expanded(data: Uint8Array, rawSize: number): Uint8Array | null {
  const dictionary = new Uint8Array(4096);
  for (let i = 0; i < PRELUDE.length; i++) dictionary[i] = PRELUDE.charCodeAt(i);
  let write = PRELUDE.length;
  const out = new Uint8Array(rawSize);
  let size = 0;
  let at = 0;
  const put = (b: number) => {
    out[size++] = b;
    dictionary[write] = b;
    write = (write + 1) & 0xfff;
  };
  while (at < data.length && size < rawSize) {
    const control = data[at++] as number;
    for (let bit = 0; bit < 8 && size < rawSize; bit++) {
      if ((control & (1 << bit)) === 0) {
        if (at >= data.length) return null;
        put(data[at++] as number);
        continue;
      }
      if (at + 2 > data.length) return null;
      const reference = ((data[at] as number) << 8) | (data[at + 1] as number);
      at += 2;
      let read = reference >> 4;
      if (read === write) return size === rawSize ? out : null;
      const length = (reference & 0xf) + 2;
      for (let k = 0; k < length && size < rawSize; k++) {
        put(dictionary[read] as number);
        read = (read + 1) & 0xfff;
      }
    }
  }
  return size === rawSize ? out : null;
}
