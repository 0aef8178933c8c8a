/**
 * Twenty-second round of real input (test/fixtures/extract/audit22/SOURCES.md): records of the MTAs ESPs
 * run, ESPs' events, and notices in other languages.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit22/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };

describe('Exchange notices in other languages, pasted without their headers', () => {
  it('reads an Italian notice as a notice: the returned headers give the sending domain', async () => {
    const { incidents } = await extract(fixture('exchange-it-body-pasted.txt'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.reply.text).toBe('550 5.1.1 RESOLVER.ADR.RecipNotFound; not found');
    expect(incident?.recipientDomain).toBe('example.jp');
    expect(incident?.sendingDomain).toBe('neko.example.com');
    expect(incident?.sources.sendingDomain?.text).toBe('Return-Path: sironeko@neko.example.com');
  });

  it('reads a notice that starts at its Norwegian generating server line', async () => {
    const paste = [
      'Genererende server: mail.example.com',
      '',
      'jean.dupont@orange.fr',
      'smtp-in.orange.fr #<smtp-in.orange.fr #5.7.1 smtp; 550 5.7.1 Service refuse. OFR004_104 [104]> #SMTP#',
      '',
      'Opprinnelige meldingshoder:',
      '',
      'Return-Path: <news@example.com>',
      'From: <news@example.com>',
      'To: <jean.dupont@orange.fr>',
    ].join('\n');
    const { incidents } = await extract(paste, options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingHosts).toEqual(['mail.example.com']);
    expect(incidents[0]?.sendingDomain).toBe('example.com');
    expect(incidents[0]?.remoteHost).toBe('smtp-in.orange.fr');
  });
});
