/**
 * Text copied from a web page or a webmail comes back with no-break spaces (U+00A0, and U+202F or
 * U+2007 from French typography) and sometimes a byte-order mark: read as plain spaces.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { withPlainSpaces } from '../../core/extract/plain-spaces';

const notice = readFileSync(
  fileURLToPath(new URL('../fixtures/extract/fr-hosts/ovh-postfix-greeting-pasted.txt', import.meta.url)),
  'utf8',
);

describe('no-break spaces in a paste', () => {
  it('reads a Postfix notice whose every space is a no-break space', async () => {
    const { incidents } = await extract(notice.replace(/ /g, '\u00a0'));
    expect(incidents).toHaveLength(1);
    const [i] = incidents;
    expect(i?.reply.code).toBe(550);
    expect(i?.reply.text).toBe(
      '550 mwinf5c13 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=198.51.100.23 [102]',
    );
    expect(i?.sendingHosts).toEqual(['mo548.mail-out.ovh.net']);
    expect(i?.sendingIps).toEqual(['198.51.100.23']);
    expect(i?.sources.sendingHosts?.line).toBe(1);
  });

  it('reads an Outlook notice in French with narrow no-break spaces before its colons', async () => {
    const pasted = [
      'Votre message n’a pas pu être remis.',
      '',
      'Serveur distant\u202f: smtp-in.orange.fr',
      'Erreur signalée\u202f:\u00a0550 5.7.0 Remote server returned an error -> 550\u00a0mwinf5c40 ME Adresse IP source bloquee pour incident de spam. OFR006_102 [102]',
    ].join('\n');
    const [i] = (await extract(pasted)).incidents;
    expect(i?.reply.code).toBe(550);
    expect(i?.orange).toEqual({ token: 'OFR006_102', reason: 102, server: 'mwinf5c40' });
    expect(i?.sources.reply?.line).toBe(4);
  });

  it('keeps every character in its place (one space for one no-break space)', () => {
    const text = 'a\u00a0b\u202fc\u2007d\ne';
    expect(withPlainSpaces(text)).toBe('a b c d\ne');
    expect(withPlainSpaces('plain')).toBe('plain');
  });
});
