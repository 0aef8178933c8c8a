import { describe, expect, it } from 'vitest';
import {
  isLogFileName,
  isReadableFileName,
  OPEN_DIALOG_EXTENSIONS,
  READABLE_EXTENSIONS,
} from '../../../core/extract/file-types';

describe('the files the engine reads, by name', () => {
  it('takes bounces, logs, events and saved pages, whatever the case of the extension', () => {
    for (const name of [
      'rejet.eml',
      '51902.emlx',
      'Boite.MBOX',
      'mail.log',
      'acct.csv',
      'events.json',
      'x.jsonl',
      'mailgun-events.ndjson',
      'NDR.HTM',
      'a.html',
      'mail.log.1.gz',
      'Non remis.msg',
      'Non remis.RTF',
      'mail.log.1.zst',
      '20240315-101500.ZSTD',
    ])
      expect(isReadableFileName(name)).toBe(true);
    expect(READABLE_EXTENSIONS).toContain('txt');
  });

  it('refuses other files and names without an extension', () => {
    // A KumoMTA segment keeps no extension (20240315-101500): the open dialog and the CLI take it by its bytes.
    for (const name of [
      '20240315-101500',
      'capture.pdf',
      'rapport.docx',
      'html',
      'eml',
      'archive.eml.zip',
      'mail.log.bz2',
    ])
      expect(isReadableFileName(name)).toBe(false);
  });

  it('reads a log under its own name: none, rotated, dated or a syslog level, and nothing else', () => {
    for (const name of [
      'maillog',
      'mainlog',
      'current',
      'mail.log.1',
      'mail.log.12',
      'mail.info',
      'mail.WARN.2',
      'mail.err.3.gz',
      'maillog-20241201',
      'maillog-20241201.gz',
      'mail.log.2024-12-01',
      '@400000006752a1b20c0d0e0f.s',
    ])
      expect(isLogFileName(name), name).toBe(true);
    for (const name of ['capture.pdf', 'photo.png.1', 'rapport.docx-20241201', 'archive.tar.gz', '.1'])
      expect(isLogFileName(name), name).toBe(false);
  });

  it('lists in the open dialog only extensions whose files the drop reads too', () => {
    for (const ext of OPEN_DIALOG_EXTENSIONS) {
      const name = `mail.${ext}`;
      expect(isReadableFileName(name) || isLogFileName(name), name).toBe(true);
    }
    for (const ext of ['1', '9', 'info', 'err', 'warn']) expect(OPEN_DIALOG_EXTENSIONS).toContain(ext);
  });
});
