/**
 * RFC 5322's obsolete syntax allows white space between a field's name and its colon (section 4.5.3),
 * and Mimecast writes its DSN fields that way (`Diagnostic-Code : smtp;550 ...`, Sisimai's
 * lhost-mimecast-02): those fields are read like any other.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../../core/extract';
import { readFields } from '../../../core/extract/header-block';
import { fixtureText } from './fixtures';

describe('fields written `Name : value`', () => {
  it("give a Mimecast DSN's reply, recipient, remote and date", async () => {
    const [incident] = (await extract(fixtureText('obsolete-syntax/mimecast-spaced-fields.eml'))).incidents;
    expect(incident?.reply.code).toBe(550);
    expect(incident?.orange?.token).toBe('OFR006_102');
    expect(incident?.sources.reply?.text).toMatch(/^Diagnostic-Code : smtp;550 mwinf5c04/);
    expect(incident?.recipientDomain).toBe('orange.fr');
    expect(incident?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident?.occurredAt).toBe('2026-11-17T08:42:28+00:00');
    expect(incident?.sendingIps).toEqual(['203.0.113.25']);
  });

  it('accept up to four spaces or tabs before the colon, and nothing else in the name', () => {
    const { fields } = readFields([
      'Reporting-MTA : dns;eu-smtp-outbound-1.mimecast.com',
      'Status\t: 5.0.0',
      'Action     : failed',
      'Some words : not a field',
      'Remote-MTA: dns; smtp-in.orange.fr',
    ]);
    expect(fields.map((f) => [f.name, f.value])).toEqual([
      ['reporting-mta', 'dns;eu-smtp-outbound-1.mimecast.com'],
      ['status', '5.0.0'],
      ['remote-mta', 'dns; smtp-in.orange.fr'],
    ]);
  });
});
