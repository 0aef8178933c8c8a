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
    ])
      expect(isReadableFileName(name)).toBe(true);
    expect(READABLE_EXTENSIONS).toContain('txt');
  });

  it('refuses other files and names without an extension', () => {
    for (const name of ['capture.pdf', 'rapport.docx', 'html', 'eml', 'archive.eml.zip', 'mail.log.bz2'])
      expect(isReadableFileName(name)).toBe(false);
  });
});
