/**
 * The files the engine reads, by name: bounces (.eml, an mbox, Apple Mail's .emlx: emlx.ts), MTA logs
 * and accounting files (.log, .csv, .txt), ESP events and JSON logs (.json, .jsonl), and bounces saved
 * from a webmail as a page (.htm, .html), a bounce dragged out of Outlook (.msg, read through
 * outlook-file/msg-text.ts) or saved from Outlook or WordPad as RTF (.rtf, read through file-bytes.ts), and any of these rotated and compressed (`mail.log.1.gz`, read through
 * gunzip.ts; `mail.log.1.zst`, read through unzstd.ts). The open dialog offers them and a drop accepts
 * them; any other file is refused before it is read. A name without an extension is decided by its
 * bytes (KumoMTA's zstd log segments have none): a drop reads it when they are gzip or zstd
 * (file-bytes.ts isCompressed), the open dialog's `*` filter and the CLI take any file.
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

/** True when `name` has no extension (`20240315-101500`; `.bashrc` has none either). */
export function hasNoExtension(name: string): boolean {
  return name.lastIndexOf('.') <= 0;
}

export function isReadableFileName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  if (dot < 0) return false;
  const extension = name.slice(dot + 1).toLowerCase();
  return (READABLE_EXTENSIONS as readonly string[]).includes(extension);
}
