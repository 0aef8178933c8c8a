import { describe, expect, it } from 'vitest';
import { isReadableFileName, READABLE_EXTENSIONS } from '../../../core/extract/file-types';

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
});
