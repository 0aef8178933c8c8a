/**
 * The MAPI properties of one object of an Outlook `.msg` file (a message, a recipient, an attachment),
 * as [MS-OXMSG] 2.4 lays them out in the Compound File: fixed-size values in the storage's
 * `__properties_version1.0` stream (a header, then 16-byte entries: tag, flags, 8 bytes of value), and
 * each string or binary value in its own `__substg1.0_TTTTYYYY` stream (property id, then type, in
 * upper-case hex).
 */
import { decodeDosCodePage } from '../dos-code-pages';
import { decodeWindows1252 } from '../windows-1252';

/** [MS-OXCDATA] 2.11.1 property types used here. */
export const PT_LONG = 0x0003;
export const PT_SYSTIME = 0x0040;
export const PT_STRING8 = 0x001e;
export const PT_UNICODE = 0x001f;
export const PT_BINARY = 0x0102;
export const PT_OBJECT = 0x000d;

/** No string or binary value read from a `.msg` is longer than this (a hostile file's 2 GB stream is cut). */
export const MAX_VALUE_BYTES = 8_000_000;

/** The streams and storages of one object, by their name inside its storage. */
export interface MapiStorage {
  /** A stream's bytes, or null. */
  stream(name: string): Uint8Array | null;
  /** The sub-storages whose names start with `prefix` (`__recip_version1.0_#`), in name order. */
  storages(prefix: string): MapiStorage[];
  /** One sub-storage, or null. */
  storage(name: string): MapiStorage | null;
}

export class MapiObject {
  private readonly fixed = new Map<number, DataView>();

  /**
   * `headerBytes`: 32 for the top message, 24 for an embedded message, 8 for a recipient or an
   * attachment ([MS-OXMSG] 2.4.1.1, 2.4.1.2, 2.4.2).
   */
  constructor(
    readonly storage: MapiStorage,
    headerBytes: number,
    private codePage: number | null = null,
  ) {
    const props = storage.stream('__properties_version1.0');
    if (props) {
      for (let at = headerBytes; at + 16 <= props.length; at += 16) {
        const view = new DataView(props.buffer, props.byteOffset + at, 16);
        this.fixed.set(view.getUint32(0, true), view);
      }
    }
    // [MS-OXPROPS] PidTagMessageCodepage 0x3FFD, else PidTagInternetCodepage 0x3FDE: the code page of
    // the object's 8-bit strings.
    this.codePage ??= this.long(0x3ffd) ?? this.long(0x3fde);
  }

  get stringCodePage(): number | null {
    return this.codePage;
  }

  /** True when the object has a property stream at all (a `.msg`, not some other Compound File). */
  get hasProperties(): boolean {
    return this.fixed.size > 0;
  }

  /** A 32-bit integer property (PT_LONG), or null. */
  long(id: number): number | null {
    const view = this.fixed.get(((id << 16) | PT_LONG) >>> 0);
    return view ? view.getInt32(8, true) : null;
  }

  /** A time property (PT_SYSTIME, a FILETIME: 100 ns since 1601-01-01 UTC), or null. */
  time(id: number): Date | null {
    const view = this.fixed.get(((id << 16) | PT_SYSTIME) >>> 0);
    if (!view) return null;
    const ticks = view.getUint32(12, true) * 2 ** 32 + view.getUint32(8, true);
    const ms = ticks / 10_000 - 11_644_473_600_000;
    const date = new Date(ms);
    return ticks > 0 && !Number.isNaN(date.getTime()) ? date : null;
  }

  /** A value's stream by property id and type, capped. */
  bytes(id: number, type: number): Uint8Array | null {
    const name = `__substg1.0_${hex4(id)}${hex4(type)}`;
    const bytes = this.storage.stream(name);
    return bytes && bytes.length > MAX_VALUE_BYTES ? bytes.subarray(0, MAX_VALUE_BYTES) : bytes;
  }

  /**
   * A string property in either of its types: UTF-16LE (PT_UNICODE), else 8-bit in the object's code page.
   */
  string(id: number): string | null {
    const wide = this.bytes(id, PT_UNICODE);
    if (wide) return trimNuls(new TextDecoder('utf-16le').decode(wide));
    const narrow = this.bytes(id, PT_STRING8);
    return narrow ? trimNuls(decodeCodePage(narrow, this.codePage)) : null;
  }
}

function hex4(n: number): string {
  return n.toString(16).toUpperCase().padStart(4, '0');
}

function trimNuls(text: string): string {
  return text.replace(/\0+$/, '');
}

/** Windows code pages to the WHATWG Encoding labels TextDecoder knows. */
const CODE_PAGE_LABELS: Record<number, string> = {
  866: 'ibm866',
  874: 'windows-874',
  932: 'shift_jis',
  936: 'gbk',
  949: 'euc-kr',
  950: 'big5',
  1200: 'utf-16le',
  20127: 'windows-1252',
  20866: 'koi8-r',
  21866: 'koi8-u',
  28591: 'windows-1252',
  50220: 'iso-2022-jp',
  51932: 'euc-jp',
  54936: 'gb18030',
  65001: 'utf-8',
};

function codePageLabel(codePage: number | null): string {
  if (codePage === null) return 'windows-1252';
  if (codePage >= 1250 && codePage <= 1258) return `windows-${codePage}`;
  if (codePage >= 28592 && codePage <= 28606) return `iso-8859-${codePage - 28590}`;
  return CODE_PAGE_LABELS[codePage] ?? 'windows-1252';
}

/** 8-bit text in a Windows code page (Windows-1252 when none is given or the platform lacks it). */
export function decodeCodePage(bytes: Uint8Array, codePage: number | null): string {
  if (codePage === 437 || codePage === 850) return decodeDosCodePage(bytes, codePage);
  const label = codePageLabel(codePage);
  // Node's decoder for windows-1252 gives 0x80-0x9F as C1 controls (windows-1252.ts): French text's ’.
  if (label === 'windows-1252') return decodeWindows1252(bytes);
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}
