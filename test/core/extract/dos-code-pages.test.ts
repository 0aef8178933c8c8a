/**
 * Text in a DOS code page, which no TextDecoder knows: 850 (Western Europe's, French DOS text) and 437
 * (the United States'). The bytes below are written out by hand (0x82 é, 0x90 É, 0x85 à, 0x9B ø in 850
 * and ¢ in 437), so the tests do not lean on the table they check.
 */
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../../core/extract';
import { decodeDosCodePage, dosCodePageOf } from '../../../core/extract/dos-code-pages';
import { outlookMessageText } from '../../../core/extract/outlook-file/msg-text';
import { buildMsg, TAG } from './outlook-msg/build-msg';

/** A string of byte values (each character's code is one byte). */
const bytesOf = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

const REPLY_850 = '550 mwinf5c04 ME Service refus\x82. Veuillez essayer plus tard. OFR004_104 [104]';
const REPLY = '550 mwinf5c04 ME Service refusé. Veuillez essayer plus tard. OFR004_104 [104]';

function notice(charset: string, encoding: string, body: string): Uint8Array {
  const head = [
    'From: MAILER-DAEMON@relais.cabinet-lefevre.example (Mail Delivery System)',
    'To: secretariat@cabinet-lefevre.example',
    'Subject: Non remis : Votre devis',
    'Date: Thu, 3 Dec 2026 15:40:19 +0100',
    'MIME-Version: 1.0',
    `Content-Type: text/plain; charset=${charset}`,
    `Content-Transfer-Encoding: ${encoding}`,
    '',
    '',
  ].join('\r\n');
  return new Uint8Array([...bytesOf(head), ...bytesOf(body)]);
}

const BODY_850 =
  "Votre message n'a pas pu \x88tre remis \x85 jean.dupont@orange.fr.\r\n\r\n" +
  `R\x82ponse du serveur : ${REPLY_850}\r\n`;

describe('DOS code pages', () => {
  it('are known by their labels, and only theirs', () => {
    const labels = [
      'cp850',
      'IBM850',
      '850',
      'x-IBM437',
      'cp437',
      'ibm866',
      'cp1252',
      'cp8500',
      'windows-850',
    ];
    expect(labels.map((label) => `${label}: ${dosCodePageOf(label)}`)).toEqual([
      'cp850: 850',
      'IBM850: 850',
      '850: 850',
      'x-IBM437: 437',
      'cp437: 437',
      'ibm866: null',
      'cp1252: null',
      'cp8500: null',
      'windows-850: null',
    ]);
  });

  it('give their own characters above 0x7F, ASCII below', () => {
    expect(decodeDosCodePage(bytesOf('\x90t\x82 \x85 \x9b'), 850)).toBe('Été à ø');
    expect(decodeDosCodePage(bytesOf('\x90t\x82 \x85 \x9b'), 437)).toBe('Été à ¢');
    expect(decodeDosCodePage(bytesOf('\xc9\xcd\xbb \xff'), 437)).toBe('╔═╗ \u00a0');
  });

  it("read a notice's unencoded part in the code page it declares", async () => {
    const { incidents } = await extractBytes(notice('ibm850', '8bit', BODY_850));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(REPLY);
  });

  it('read a quoted-printable part, with the label quoted', async () => {
    const qp = BODY_850.replace(/[\x80-\xff=]/g, (c) => `=${c.charCodeAt(0).toString(16).toUpperCase()}`);
    const { incidents } = await extractBytes(notice('"cp850"', 'quoted-printable', qp));
    expect(incidents[0]?.reply.text).toBe(REPLY);
  });

  it('read a base64 part', async () => {
    const b64 = Buffer.from(bytesOf(BODY_850)).toString('base64');
    const { incidents } = await extractBytes(notice('IBM850', 'base64', b64));
    expect(incidents[0]?.reply.text).toBe(REPLY);
  });

  it("read an Outlook .msg file's 8-bit strings in code page 850 or 437, never as Cyrillic IBM866", () => {
    for (const codePage of [850, 437]) {
      const bytes = buildMsg({
        props: {
          [TAG.MESSAGE_CLASS]: { unicode: 'REPORT.IPM.Note.NDR' },
          [TAG.MESSAGE_CODEPAGE]: { long: codePage },
          [TAG.SUBJECT]: { string8: bytesOf('Non remis : R\x82servation') },
          [TAG.BODY]: { string8: bytesOf(BODY_850) },
        },
      });
      const text = outlookMessageText(bytes);
      expect(text).toContain('Subject: Non remis : Réservation');
      expect(text).toContain(`Réponse du serveur : ${REPLY}`);
      expect(text).toContain('être remis à jean.dupont@orange.fr');
    }
  });
});
