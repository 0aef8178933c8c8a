/**
 * The files the engine reads, by name: bounces (.eml, an mbox, Apple Mail's .emlx: emlx.ts), MTA logs
 * and accounting files (.log, .csv, .txt), ESP events and JSON logs (.json, .jsonl), and bounces saved
 * from a webmail as a page (.htm, .html), a bounce dragged out of Outlook (.msg, read through
 * outlook-file/msg-text.ts) or saved from Outlook or WordPad as RTF (.rtf, read through file-bytes.ts), and any of these rotated and compressed (`mail.log.1.gz`, read through
 * gunzip.ts; `mail.log.1.zst`, read through unzstd.ts). The open dialog offers them and a drop accepts
 * them; any other file is refused before it is read. A name without an extension stays refused here
 * (KumoMTA's zstd log segments have none: the open dialog's `*` filter and the CLI take them, as they
 * sniff zstd by its bytes, and a segment renamed `.zst` can be dropped).
 */
export const READABLE_EXTENSIONS = [
  'eml',
  'emlx',
  'mbox',
  'txt',
  'log',
  'csv',
  'json',
  'jsonl',
  'htm',
  'html',
  'msg',
  'rtf',
  'gz',
  'zst',
  'zstd',
] as const;

export function isReadableFileName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  if (dot < 0) return false;
  const extension = name.slice(dot + 1).toLowerCase();
  return (READABLE_EXTENSIONS as readonly string[]).includes(extension);
}
