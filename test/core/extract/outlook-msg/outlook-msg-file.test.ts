/**
 * An Outlook `.msg` file (a bounce dragged out of Outlook on Windows) is read as the message it holds:
 * transport headers, body, an NDR's recipient table, the returned original embedded in it.
 */
import * as CFB from 'cfb';
import { describe, expect, it } from 'vitest';
import { extract, extractBytes } from '../../../../core/extract';
import { isReadableFileName } from '../../../../core/extract/file-types';
import {
  isCompoundFile,
  MAX_MSG_BYTES,
  NotOutlookMessageError,
  outlookMessageText,
} from '../../../../core/extract/outlook-file/msg-text';
import { fixtureBytes, fixtureText } from '../fixtures';
import { buildMsg, type MsgObject, TAG } from './build-msg';
import { FIXTURES, forwardAttachingMsg, ndrSupplementaryInfo } from './make-fixtures';

const incidentOf = async (name: string) => {
  const result = await extract(outlookMessageText(fixtureBytes(`msg32/${name}`)));
  expect(result.incidents).toHaveLength(1);
  return result.incidents[0] as NonNullable<(typeof result.incidents)[0]>;
};

describe('an Outlook .msg file', () => {
  it('is known by its Compound File signature, and offered by name', () => {
    expect(isCompoundFile(fixtureBytes('msg32/forwarded-bounce.msg'))).toBe(true);
    expect(isCompoundFile(new TextEncoder().encode('Received: from x'.padEnd(600)))).toBe(false);
    expect(isReadableFileName('Non remis.MSG')).toBe(true);
  });

  it('the committed fixtures are what build-msg.ts writes', () => {
    for (const [name, message] of Object.entries(FIXTURES))
      expect(buildMsg(message), name).toEqual(fixtureBytes(`msg32/${name}`));
    expect(forwardAttachingMsg(buildMsg(ndrSupplementaryInfo))).toBe(
      fixtureText('msg32/forward-attaching-ndr-msg.eml'),
    );
  });

  it('a forwarded bounce: the body as Outlook kept it, the transport headers without their MIME fields', async () => {
    const text = outlookMessageText(fixtureBytes('msg32/forwarded-bounce.msg'));
    expect(text).toMatch(/^Received: from PR3P191MB1234/);
    expect(text).not.toContain('multipart/alternative');
    const incident = await incidentOf('forwarded-bounce.msg');
    expect(incident.reply?.text).toBe(
      '550 mwinf5c20 ME Adresse IP source bloquee par Orange. Client host blocked by Orange. OFR006_103 198.51.100.23 [103]',
    );
    expect(incident.orange?.token).toBe('OFR006_103');
    expect(incident.sendingIps).toEqual(['198.51.100.23']);
    expect(incident.sendingHosts).toEqual(['mta2.lettres-ventes.example']);
  });

  it("an NDR: Orange's reply from the recipient's PidTagSupplementaryInfo, the sender from the embedded original", async () => {
    const text = outlookMessageText(fixtureBytes('msg32/ndr-supplementary-info.msg'));
    expect(text).toContain('Content-Type: multipart/report; report-type=delivery-status');
    expect(text).toContain(
      'Final-Recipient: rfc822; m.leroy@orange.fr\nAction: failed\nRemote-MTA: dns; smtp-in.orange.fr',
    );
    expect(text).toContain('Content-Type: message/rfc822');
    const incident = await incidentOf('ndr-supplementary-info.msg');
    expect(incident.occurredAt).toBe('2026-12-04T09:12:03+00:00');
    expect(incident.orange).toEqual({ token: 'OFR006_103', reason: 103, server: 'mwinf5c20' });
    expect(incident.sendingIps).toEqual(['198.51.100.23']);
    expect(incident.sendingDomain).toBe('boutique-durand.example');
    expect(incident.remoteHost).toBe('smtp-in.orange.fr');
  });

  it("an NDR's supplementary info in free text is the Diagnostic-Code, no Status made up", () => {
    const text = outlookMessageText(
      buildMsg({
        props: {
          [TAG.MESSAGE_CLASS]: { unicode: 'REPORT.IPM.Note.NDR' },
          [TAG.BODY]: { unicode: 'Non remis.' },
        },
        recipients: [
          {
            props: {
              [TAG.SMTP_ADDRESS]: { unicode: 'luc.moreau@orange.fr' },
              [TAG.SUPPLEMENTARY_INFO]: {
                unicode: '550 5.7.1 Service refuse. Veuillez essayer plus tard. OFR004_104 [104]',
              },
            },
          },
        ],
      }),
    );
    expect(text).toContain(
      'Final-Recipient: rfc822; luc.moreau@orange.fr\nAction: failed\nDiagnostic-Code: smtp; 550 5.7.1 Service refuse.',
    );
    expect(text).not.toContain('Status:');
  });

  it('8-bit strings in the message code page (Windows-1252): French accents kept', async () => {
    const text = outlookMessageText(fixtureBytes('msg32/string8-cp1252.msg'));
    expect(text).toContain('From: "Cabinet Lefèvre" <secretariat@cabinet-lefevre.example>');
    expect(text).toContain('Réponse du serveur : 550 mwinf5c04');
    expect(text).not.toContain('quoted-printable');
    const incident = await incidentOf('string8-cp1252.msg');
    expect(incident.occurredAt).toBe('2026-12-03T15:40:19+01:00');
    expect(incident.orange?.token).toBe('OFR006_102');
    expect(incident.sendingIps).toEqual(['198.51.100.41']);
  });

  it("8-bit strings keep Windows-1252's own characters (0x80-0x9F: ’ €), not C1 controls", () => {
    // Outlook's French text: l’adresse, typed with Word's apostrophe (0x92 in Windows-1252).
    const body = Uint8Array.from('Votre message n\x92a pas pu \xeatre remis \x96 l\x92adresse.', (c) =>
      c.charCodeAt(0),
    );
    const bytes = buildMsg({
      props: {
        [TAG.MESSAGE_CLASS]: { unicode: 'IPM.Note' },
        [TAG.MESSAGE_CODEPAGE]: { long: 1252 },
        [TAG.BODY]: { string8: body },
      },
    });
    const text = outlookMessageText(bytes);
    expect(text).toContain('Votre message n’a pas pu être remis – l’adresse.');
    expect(text).not.toMatch(/[\u0080-\u009f]/);
  });

  it('a message with only an HTML body (PidTagHtml, bytes in PidTagInternetCodepage) is read as its page', async () => {
    // Exchange 2010's NDR wording, saved by an Outlook that kept no plain-text body.
    const html =
      '<html><body><p>Delivery has failed to these recipients or groups:</p><p>luc.moreau@orange.fr</p>' +
      '<p>Remote Server returned &#39;550 5.7.1 Service refus\xe9. Veuillez essayer plus tard. OFR004_104 [104]&#39;</p></body></html>';
    const bytes = buildMsg({
      props: {
        [TAG.MESSAGE_CLASS]: { unicode: 'IPM.Note' },
        [TAG.INTERNET_CODEPAGE]: { long: 1252 },
        [TAG.TRANSPORT_HEADERS]: {
          unicode:
            'From: contact@boutique-durand.example\r\nSubject: Undeliverable: Votre devis\r\nDate: Thu, 3 Dec 2026 15:40:19 +0100\r\n\r\n',
        },
        [TAG.HTML]: { binary: Uint8Array.from(html, (c) => c.charCodeAt(0)) },
      },
    });
    const [incident] = (await extractBytes(bytes)).incidents;
    expect(incident?.reply?.text).toBe(
      '550 5.7.1 Service refusé. Veuillez essayer plus tard. OFR004_104 [104]',
    );
    expect(incident?.occurredAt).toBe('2026-12-03T15:40:19+01:00');
  });

  it('extractBytes reads one too (the corpus script, the CLI), and refuses a .doc as binary', async () => {
    const result = await extractBytes(fixtureBytes('msg32/string8-cp1252.msg'));
    expect(result.incidents[0]?.orange?.token).toBe('OFR006_102');
    const doc = CFB.utils.cfb_new();
    CFB.utils.cfb_add(doc, '/WordDocument', new Uint8Array(600).fill(0x41));
    const refused = await extractBytes(new Uint8Array(CFB.write(doc, { type: 'buffer' }) as Uint8Array));
    expect(refused.incidents).toEqual([]);
    expect(refused.warnings.length).toBeGreaterThan(0);
  });

  it('a Compound File that is no mail (a Word .doc) is refused with the reason', () => {
    const doc = CFB.utils.cfb_new();
    CFB.utils.cfb_add(doc, '/WordDocument', new Uint8Array(600).fill(0x41));
    const bytes = new Uint8Array(CFB.write(doc, { type: 'buffer' }) as Uint8Array);
    expect(isCompoundFile(bytes)).toBe(true);
    expect(() => outlookMessageText(bytes)).toThrow(NotOutlookMessageError);
    expect(() => outlookMessageText(bytes)).toThrow(/not an Outlook message.*\.doc/);
  });
  it('refuses a file over the size read from .msg files, before the container is opened', () => {
    const bytes = new Uint8Array(MAX_MSG_BYTES + 1);
    bytes.set(fixtureBytes('msg32/forwarded-bounce.msg').subarray(0, 512));
    expect(isCompoundFile(bytes)).toBe(true);
    expect(() => outlookMessageText(bytes)).toThrow(
      /\(\.msg\) of 25 MB, over the 25 MB read from such files/,
    );
  });

  it('a file whose sector chain loops is refused, not followed until memory runs out', () => {
    const bytes = buildMsg({
      props: { [TAG.MESSAGE_CLASS]: { unicode: 'IPM.Note' }, [TAG.BODY]: { unicode: 'x'.repeat(6000) } },
    });
    const body = CFB.read(bytes, { type: 'array' }).FileIndex.find((f) => f.name === '__substg1.0_1000001F');
    const start = body?.start as number;
    const view = new DataView(bytes.buffer);
    const fat = (view.getUint32(0x4c, true) + 1) * 512;
    // [MS-CFB] 2.3: the body's last sector now points back to its second, and its entry starts there.
    view.setInt32(fat + (start + 23) * 4, start + 1, true);
    const entry = Buffer.from(bytes).indexOf(Buffer.from('__substg1.0_1000001F', 'utf16le'));
    view.setInt32(entry + 116, start + 1, true);
    expect(() => outlookMessageText(bytes)).toThrow(/damaged Outlook message.*loops/);
  });

  it('a file whose streams claim far more than it holds is refused before any is copied out', () => {
    const bytes = buildMsg({
      props: { [TAG.MESSAGE_CLASS]: { unicode: 'IPM.Note' }, [TAG.BODY]: { unicode: 'x' } },
    });
    // [MS-CFB] 2.6.1: the stream size of a directory entry, at 120; entries sharing sectors add up so.
    const entry = Buffer.from(bytes).indexOf(Buffer.from('__substg1.0_1000001F', 'utf16le'));
    new DataView(bytes.buffer).setUint32(entry + 120, 0x7ffffff0, true);
    expect(() => outlookMessageText(bytes)).toThrow(/damaged Outlook message.*far more than the file holds/);
  });

  it('a damaged one too, and a hostile one stops at its limits (messages within messages, attachments)', () => {
    const cut = fixtureBytes('msg32/ndr-supplementary-info.msg').slice(0, 1024);
    expect(() => outlookMessageText(cut)).toThrow(NotOutlookMessageError);
    let nested: MsgObject = {
      props: { [TAG.MESSAGE_CLASS]: { unicode: 'IPM.Note' }, [TAG.BODY]: { unicode: 'innermost' } },
    };
    for (let i = 0; i < 8; i++)
      nested = {
        props: { [TAG.MESSAGE_CLASS]: { unicode: 'IPM.Note' }, [TAG.BODY]: { unicode: `level ${i}` } },
        attachments: [{ props: { [TAG.ATTACH_METHOD]: { long: 5 } }, embedded: nested }],
      };
    const deep = outlookMessageText(buildMsg(nested));
    expect(deep).toContain('level 7');
    expect(deep).not.toContain('innermost');
    const many: MsgObject = {
      props: { [TAG.MESSAGE_CLASS]: { unicode: 'IPM.Note' } },
      attachments: Array.from({ length: 150 }, (_, i) => ({
        props: {
          [TAG.ATTACH_METHOD]: { long: 1 },
          [TAG.ATTACH_LONG_FILENAME]: { unicode: `r${i}.eml` },
          [TAG.ATTACH_DATA]: { binary: new TextEncoder().encode(`Subject: r${i}\n\nx`) },
        },
      })),
    };
    expect(outlookMessageText(buildMsg(many)).match(/Subject: r\d+/g)).toHaveLength(100);
  });
});
