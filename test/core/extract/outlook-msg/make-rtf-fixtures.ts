/**
 * Writes the `.msg` fixtures of test/fixtures/extract/rtfmsg36/ (run: `npx tsx
 * test/core/extract/outlook-msg/make-rtf-fixtures.ts`): bounces saved from Outlook whose body is only
 * PidTagRtfCompressed ([MS-OXRTFCP]), compressed (`LZFu`, the stream ndr-body.lzfu made by an independent
 * encoder: rtfmsg36/make-lzfu.mjs) or stored (`MELA`), and one with that stream damaged.
 * outlook-msg-rtf.test.ts checks the committed files are what this writes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { buildMsg, type MsgObject, TAG } from './build-msg';

const DIR = new URL('../../../fixtures/extract/rtfmsg36/', import.meta.url);

const RTF_COMPRESSED = 0x1009;
const LINK = 'http://csi.cloudmark.com/reset-request/?ip=198.51.100.23';
export const REPLY = `550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref ${LINK} [102]`;

/** A bounce saved from Outlook: subject, sender, code page, and the body only as compressed RTF. */
export function rtfOnlyMsg(stream: Uint8Array): MsgObject {
  return {
    props: {
      [TAG.MESSAGE_CLASS]: { unicode: 'IPM.Note' },
      [TAG.SUBJECT]: { unicode: 'Non remis : Votre commande 2026-1187' },
      [TAG.SENDER_NAME]: { unicode: 'Microsoft Outlook' },
      [TAG.SENDER_SMTP]: { unicode: 'postmaster@boutique-durand.example' },
      [TAG.CLIENT_SUBMIT_TIME]: { time: new Date('2026-12-04T09:12:40Z') },
      [TAG.MESSAGE_CODEPAGE]: { long: 1252 },
      [RTF_COMPRESSED]: { binary: stream },
    },
  };
}

/** [MS-OXRTFCP] 2.1.3.1.1: the uncompressed form, a header then the RTF as it is (CRC 0). */
function mela(rtf: string): Uint8Array {
  const body = new TextEncoder().encode(rtf);
  const out = new Uint8Array(16 + body.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, body.length + 12, true);
  view.setUint32(4, body.length, true);
  view.setUint32(8, 0x414c454d, true);
  out.set(body, 16);
  return out;
}

/** An Exchange NDR's HTML as Outlook wraps it in RTF ([MS-OXRTFEX]), accents as `\'hh` in code page 1252. */
const FROM_HTML = [
  '{\\rtf1\\ansi\\ansicpg1252\\fromhtml1 \\fbidis \\deff0{\\fonttbl',
  '{\\f0\\fswiss\\fcharset0 Arial;}{\\f1\\fmodern Courier New;}{\\f2\\fnil\\fcharset2 Symbol;}}',
  '{\\colortbl\\red0\\green0\\blue0;\\red0\\green0\\blue255;}',
  '\\uc1\\pard\\plain\\deftab360 \\f0\\fs24 ',
  '{\\*\\htmltag19 <html>}{\\*\\htmltag34 <head>}',
  '{\\*\\htmltag241 <meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">}',
  '{\\*\\htmltag41 </head>}{\\*\\htmltag50 <body>}\\htmlrtf {\\htmlrtf0 ',
  "{\\*\\htmltag64 <p>}\\htmlrtf {\\b \\htmlrtf0 Remise \\'e0 ces destinataires ou groupes impossible\\~:",
  '\\htmlrtf }\\htmlrtf0 {\\*\\htmltag72 </p>}\\htmlrtf\\par\\htmlrtf0 ',
  '{\\*\\htmltag64 <p>}jean.martin@orange.fr{\\*\\htmltag72 </p>}\\htmlrtf\\par\\htmlrtf0 ',
  "{\\*\\htmltag64 <p>}Le serveur du destinataire a refus\\'e9 le message. Remote Server returned \\'27",
  `${REPLY.slice(0, REPLY.indexOf(LINK))}{\\*\\htmltag84 <a href="${LINK}">}\\htmlrtf {\\field{\\*\\fldinst{HYPERLINK "${LINK}"}}{\\fldrslt\\cf1\\ul \\htmlrtf0 ${LINK}\\htmlrtf }\\htmlrtf0 \\htmlrtf }\\htmlrtf0 {\\*\\htmltag92 </a>}`,
  ` [102]\\'27{\\*\\htmltag72 </p>}\\htmlrtf\\par\\htmlrtf0 `,
  '\\htmlrtf }\\htmlrtf0 {\\*\\htmltag58 </body>}{\\*\\htmltag27 </html>}}',
].join('\r\n');

/** The compressed stream of ndr-body.rtf, as make-lzfu.mjs wrote it. */
export const LZFU = new Uint8Array(readFileSync(new URL('ndr-body.lzfu', DIR)));

/** The same stream with one byte changed in transit: its CRC no longer matches. */
export function flipped(stream: Uint8Array, at: number): Uint8Array {
  const out = stream.slice();
  out[at] = (out[at] as number) ^ 0x55;
  return out;
}

export const RTF_FIXTURES: Record<string, MsgObject> = {
  'rtf-lzfu-outlook-ndr.msg': rtfOnlyMsg(LZFU),
  'rtf-mela-fromhtml-ndr.msg': rtfOnlyMsg(mela(FROM_HTML)),
  'rtf-damaged-crc.msg': rtfOnlyMsg(flipped(LZFU, 200)),
};

if (process.argv[1]?.endsWith('make-rtf-fixtures.ts'))
  for (const [name, message] of Object.entries(RTF_FIXTURES))
    writeFileSync(new URL(name, DIR), buildMsg(message));
