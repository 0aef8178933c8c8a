/** Which dropped files the app reads, and reading them as text (Latin-1 fallback for old French bounces). */

/** Above this a file is refused outright (the paste path handles 10 MB comfortably). */
export const MAX_FILE_BYTES = 50_000_000;

import { fileText, looksBinary } from '../../../core/extract/decode-bytes';
import { type CompressionFormat, fileContent, isCompressed } from '../../../core/extract/file-bytes';
import { isLogFileName, isReadableFileName } from '../../../core/extract/file-types';

/**
 * True for a name the drop reads: a readable extension, or a log's own name (file-types.ts
 * isLogFileName: `maillog`, `mail.log.1`, `mail.info`, a KumoMTA segment's `20240315-101500`), whose
 * bytes then decide (readDroppedFile).
 */
export function isAccepted(name: string): boolean {
  return isReadableFileName(name) || isLogFileName(name);
}

/** A dropped file named as a log whose bytes are neither compressed nor text: refused as any unknown file. */
export class UnsupportedFileError extends Error {
  constructor(name: string) {
    super(`${name}: neither a readable extension nor a log's text or compressed data`);
  }
}

/** The text as the engine reads files (core/extract/decode-bytes.ts fileText). */
export function decodeText(bytes: ArrayBuffer): string {
  return fileText(new Uint8Array(bytes));
}

/**
 * A dropped file's text; `compressedCut` names the format when its gzip or zstd data ended early and only
 * the lines before were read, `checksumMismatch` when its zstd data does not match its checksum,
 * `trailingIgnored` when bytes that start no gzip member followed its gzip data and were ignored.
 */
export interface DroppedText {
  text: string;
  compressedCut: CompressionFormat | null;
  checksumMismatch?: 'zstd';
  trailingIgnored?: 'gzip';
}

export async function readDroppedFile(file: File): Promise<DroppedText> {
  if (file.size > MAX_FILE_BYTES)
    throw new Error(`${Math.round(file.size / 1e6)} MB > ${MAX_FILE_BYTES / 1e6} MB`);
  const bytes = new Uint8Array(await readBytes(file));
  if (!isReadableFileName(file.name) && !isCompressed(bytes) && looksBinary(bytes))
    throw new UnsupportedFileError(file.name);
  // An Outlook .msg is read as the message it holds, gzip and zstd data as what they hold (file-bytes.ts).
  const content = await fileContent(bytes, { limit: MAX_FILE_BYTES, overLimit: 'refuse' });
  if (content.kind === 'refused')
    throw new Error(`${file.name}: > ${MAX_FILE_BYTES / 1e6} MB once uncompressed`);
  if (content.kind === 'text') return { text: content.text, compressedCut: null };
  return {
    text: fileText(content.bytes),
    compressedCut: content.compressedCut ?? null,
    ...(content.checksumMismatch ? { checksumMismatch: content.checksumMismatch } : {}),
    ...(content.trailingIgnored ? { trailingIgnored: content.trailingIgnored } : {}),
  };
}

function readBytes(file: File): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsArrayBuffer(file);
  });
}
