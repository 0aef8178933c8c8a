/**
 * The files the engine reads, by name: bounces (.eml, an mbox, Apple Mail's .emlx: emlx.ts), MTA logs
 * and accounting files (.log, .csv, .txt), ESP events and JSON logs (.json, .jsonl), and bounces saved
 * from a webmail as a page (.htm, .html), a bounce dragged out of Outlook (.msg, read through
 * outlook-file/msg-text.ts), and any of these rotated and compressed (`mail.log.1.gz`, read through
 * gunzip.ts). The open dialog offers them and a drop accepts them; any other file is refused
 * before it is read.
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
  'gz',
] as const;

export function isReadableFileName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  if (dot < 0) return false;
  const extension = name.slice(dot + 1).toLowerCase();
  return (READABLE_EXTENSIONS as readonly string[]).includes(extension);
}
