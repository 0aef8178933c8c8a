import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../../core/extract';
import { fixtureBytes } from './fixtures';

// Only the parts the extraction reads are decoded (core/extract/decode-parts.ts): the quoted-printable
// Latin-1 text is, the base64 winmail.dat attachment is not, the returned message is read as written.
describe('Exchange NDR with CR-only line ends, a quoted-printable Latin-1 text and a base64 attachment', () => {
  it('joins the soft line breaks of the quoted-printable reply', async () => {
    const i = (await extractBytes(fixtureBytes('exchange-qp-latin1-cr-only.eml'))).incidents[0];
    expect(i?.reply.text).toBe(
      '550 5.1.1 <jeanne.durand@orange.fr>: Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416]',
    );
    expect(i?.reply).toMatchObject({ code: 550, enhanced: '5.1.1' });
    expect(i?.orange?.reason).toBe(416);
    expect(i?.remoteHost).toBe('smtp-in.orange.fr');
    expect(i?.remoteIp).toBe('193.252.22.65');
  });

  it('cites the original line where the encoded reply starts', async () => {
    const bytes = fixtureBytes('exchange-qp-latin1-cr-only.eml');
    const i = (await extractBytes(bytes)).incidents[0];
    expect(i?.recipientDomain).toBe('orange.fr');
    const lines = new TextDecoder('latin1').decode(bytes).split('\r');
    const start = lines.findIndex((l) => l.startsWith('Remote Server at smtp-in.orange.fr')) + 1;
    expect(start).toBeGreaterThan(1);
    expect(i?.sources.reply?.line).toBe(start);
  });
});
