/**
 * Builds Outlook `.msg` files for tests, laid out as [MS-OXMSG] 2.4 specifies (there is no Outlook in
 * the sandbox): per object, the property stream `__properties_version1.0` (its header: 32 bytes for the
 * top message, 24 for an embedded one, 8 for a recipient or an attachment; then one 16-byte entry per
 * property), one `__substg1.0_TTTTYYYY` stream per string or binary value, `__recip_version1.0_#N`
 * and `__attach_version1.0_#N` storages, the embedded message in `__substg1.0_3701000D`, and the
 * named property mapping storage `__nameid_version1.0` (empty here: no named property is used).
 * Written into a Compound File with SheetJS's `cfb`.
 */
import * as CFB from 'cfb';

/** [MS-OXPROPS] property ids the fixtures use (PidTag names, shortened). */
export const TAG = {
  ADDRESS_TYPE: 0x3002,
  ATTACH_DATA: 0x3701,
  ATTACH_LONG_FILENAME: 0x3707,
  ATTACH_METHOD: 0x3705,
  BODY: 0x1000,
  CLIENT_SUBMIT_TIME: 0x0039,
  DELIVERY_TIME: 0x0e06,
  DISPLAY_NAME: 0x3001,
  EMAIL_ADDRESS: 0x3003,
  HTML: 0x1013,
  INTERNET_CODEPAGE: 0x3fde,
  INTERNET_MESSAGE_ID: 0x1035,
  MESSAGE_CLASS: 0x001a,
  MESSAGE_CODEPAGE: 0x3ffd,
  NDR_DIAG_CODE: 0x0c05,
  NDR_REASON_CODE: 0x0c04,
  RECIPIENT_TYPE: 0x0c15,
  REMOTE_MTA: 0x0c21,
  SENDER_EMAIL: 0x0c1f,
  SENDER_NAME: 0x0c1a,
  SENDER_SMTP: 0x5d01,
  SMTP_ADDRESS: 0x39fe,
  SUBJECT: 0x0037,
  SUPPLEMENTARY_INFO: 0x0c1b,
  TRANSPORT_HEADERS: 0x007d,
} as const;

export type Value =
  | { long: number }
  | { time: Date }
  | { unicode: string }
  | { string8: Uint8Array }
  | { binary: Uint8Array };

export interface MsgObject {
  props: Record<number, Value>;
  recipients?: MsgObject[];
  attachments?: (MsgObject & { embedded?: MsgObject })[];
}

const TYPES = { long: 0x0003, time: 0x0040, unicode: 0x001f, string8: 0x001e, binary: 0x0102 } as const;

function hex(n: number): string {
  return n.toString(16).toUpperCase().padStart(8, '0');
}

/** [MS-OXMSG] 2.4.2.1 flags: readable and writable. */
const FLAGS = 0x00000006;

function entries(files: Map<string, Uint8Array>, dir: string, object: MsgObject, header: Uint8Array): void {
  const entry: Uint8Array[] = [header];
  const add = (tag: number, fill: (view: DataView) => void) => {
    const bytes = new Uint8Array(16);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, tag >>> 0, true);
    view.setUint32(4, FLAGS, true);
    fill(view);
    entry.push(bytes);
  };
  for (const [key, value] of Object.entries(object.props)) {
    const id = Number(key);
    const kind = Object.keys(value)[0] as keyof typeof TYPES;
    const tag = ((id << 16) | TYPES[kind]) >>> 0;
    if ('long' in value) add(tag, (v) => v.setInt32(8, value.long, true));
    else if ('time' in value) {
      const ticks = BigInt(value.time.getTime() + 11_644_473_600_000) * 10_000n;
      add(tag, (v) => v.setBigUint64(8, ticks, true));
    } else {
      const data =
        'unicode' in value ? utf16le(value.unicode) : 'string8' in value ? value.string8 : value.binary;
      // [MS-OXMSG] 2.4.2.2: Size is the stream's size, plus the terminator's (2 for PtypString, 1 for PtypString8).
      const size = data.length + ('unicode' in value ? 2 : 'string8' in value ? 1 : 0);
      add(tag, (v) => v.setUint32(8, size, true));
      files.set(`${dir}__substg1.0_${hex(tag)}`, data);
    }
  }
  files.set(`${dir}__properties_version1.0`, concat(entry));
  (object.recipients ?? []).forEach((recipient, i) => {
    entries(files, `${dir}__recip_version1.0_#${hex(i)}/`, recipient, new Uint8Array(8));
  });
  (object.attachments ?? []).forEach((attachment, i) => {
    const at = `${dir}__attach_version1.0_#${hex(i)}/`;
    entries(files, at, attachment, new Uint8Array(8));
    if (attachment.embedded) {
      // The attachment's entry for the embedded message: PtypObject, Size 0xFFFFFFFF (2.4.2.2).
      const props = files.get(`${at}__properties_version1.0`) as Uint8Array;
      const object = new Uint8Array(16);
      const view = new DataView(object.buffer);
      view.setUint32(0, 0x3701000d, true);
      view.setUint32(4, FLAGS, true);
      view.setUint32(8, 0xffffffff, true);
      files.set(`${at}__properties_version1.0`, concat([props, object]));
      const inner = attachment.embedded;
      entries(files, `${at}__substg1.0_3701000D/`, inner, messageHeader(inner, 24));
    }
  });
}

/** [MS-OXMSG] 2.4.1.1/2.4.1.2: reserved, next recipient id, next attachment id, the two counts. */
function messageHeader(object: MsgObject, size: 24 | 32): Uint8Array {
  const header = new Uint8Array(size);
  const view = new DataView(header.buffer);
  const recipients = object.recipients?.length ?? 0;
  const attachments = object.attachments?.length ?? 0;
  view.setUint32(8, recipients, true);
  view.setUint32(12, attachments, true);
  view.setUint32(16, recipients, true);
  view.setUint32(20, attachments, true);
  return header;
}

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    out[2 * i] = text.charCodeAt(i) & 0xff;
    out[2 * i + 1] = text.charCodeAt(i) >> 8;
  }
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The `.msg` file's bytes. */
export function buildMsg(message: MsgObject): Uint8Array {
  const files = new Map<string, Uint8Array>();
  entries(files, '', message, messageHeader(message, 32));
  // [MS-OXMSG] 2.2.3: the named property mapping storage, its GUID, entry and string streams.
  for (const stream of ['00020102', '00030102', '00040102'])
    files.set(`__nameid_version1.0/__substg1.0_${stream}`, new Uint8Array(0));
  const container = CFB.utils.cfb_new();
  for (const [path, data] of [...files].sort(([a], [b]) => (a < b ? -1 : 1)))
    CFB.utils.cfb_add(container, `/${path}`, data);
  return new Uint8Array(CFB.write(container, { type: 'buffer' }) as Uint8Array);
}
