/**
 * An Outlook `.msg` whose body Outlook kept only as compressed RTF (PidTagRtfCompressed, [MS-OXRTFCP]):
 * no PidTagBody, no PidTagHtml. The body is read from the RTF, compressed (`LZFu`, by an independent
 * encoder: rtfmsg36/make-lzfu.mjs) or stored (`MELA`), plain RTF or HTML wrapped in RTF (`\fromhtml1`).
 */
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../../../core/extract';
import { decompressedRtf } from '../../../../core/extract/outlook-file/compressed-rtf';
import { outlookMessageText } from '../../../../core/extract/outlook-file/msg-text';
import { rtfText } from '../../../../core/extract/outlook-file/rtf-text';
import { fixtureBytes } from '../fixtures';
import { buildMsg } from './build-msg';
import { flipped, LZFU, REPLY, RTF_FIXTURES, rtfOnlyMsg } from './make-rtf-fixtures';

const refusal = async (bytes: Uint8Array) => {
  const result = await extractBytes(bytes);
  expect(result.incidents).toHaveLength(1);
  return result.incidents[0] as NonNullable<(typeof result.incidents)[0]>;
};

describe('an Outlook .msg whose body is only compressed RTF', () => {
  it('the committed fixtures are what make-rtf-fixtures.ts writes', () => {
    for (const [name, message] of Object.entries(RTF_FIXTURES))
      expect(buildMsg(message), name).toEqual(fixtureBytes(`rtfmsg36/${name}`));
  });

  it("LZFu-compressed Outlook RTF: the text, accents in code page 1252, and Orange's refusal read", async () => {
    const msg = fixtureBytes('rtfmsg36/rtf-lzfu-outlook-ndr.msg');
    const text = outlookMessageText(msg);
    expect(text).toContain('Subject: Non remis : Votre commande 2026-1187');
    expect(text).toContain(
      'Remise à ces destinataires ou groupes impossible\u00a0:\njean.martin@orange.fr\n',
    );
    expect(text).toContain('contacter l’administrateur.');
    expect(text).toContain('Serveur de génération\u00a0: mail.boutique-durand.example');
    expect(text).toContain('En-têtes du message d’origine');
    expect(text).not.toMatch(/Calibri|Riched20|HYPERLINK|\\par|\\f0/);
    const incident = await refusal(msg);
    expect(incident.reply?.text).toBe(REPLY);
    expect(incident.reply?.code).toBe(550);
    expect(incident.orange?.token).toBe('OFR006_102');
    expect(incident.sendingIps).toEqual(['198.51.100.23']);
    expect(incident.remoteHost).toBe('smtp-in.orange.fr');
  });

  it('stored uncompressed (MELA) and HTML wrapped in RTF: the HTML given back, its refusal read', async () => {
    const msg = fixtureBytes('rtfmsg36/rtf-mela-fromhtml-ndr.msg');
    const text = outlookMessageText(msg);
    expect(text).toContain('Content-Type: text/html; charset=utf-8');
    expect(text).toContain('<p>Remise à ces destinataires ou groupes impossible\u00a0:</p>');
    expect(text).toContain('<p>jean.martin@orange.fr</p>');
    expect(text).not.toMatch(/Arial|Courier New|htmlrtf/);
    const incident = await refusal(msg);
    expect(incident.reply?.text).toBe(REPLY);
    expect(incident.orange?.token).toBe('OFR006_102');
  });

  it('the decompressed RTF is the RTF that was compressed', () => {
    const result = decompressedRtf(fixtureBytes('rtfmsg36/ndr-body.lzfu'));
    expect('rtf' in result && new TextDecoder().decode(result.rtf)).toBe(
      new TextDecoder().decode(fixtureBytes('rtfmsg36/ndr-body.rtf')),
    );
  });

  it('a damaged stream: no crash, the message read without a body and a note saying why', async () => {
    const good = LZFU;
    const cut = good.slice(0, 300);
    const header = good.slice();
    header.set([0xff, 0xff, 0xff, 0x7f], 0);
    const longer = good.slice();
    new DataView(longer.buffer).setUint32(4, 1300, true);
    const strange = good.slice();
    strange.set([0x41, 0x42, 0x43, 0x44], 8);
    for (const [stream, why] of [
      [flipped(good, 200), 'its checksum (CRC) does not match'],
      [cut, 'its header announces 924 bytes, the stream has 300'],
      [header, 'its header announces 2147483651 bytes, the stream has 924'],
      [longer, 'it expands to less RTF than its header announces'],
      [strange, 'its header names no known compression (neither LZFu nor MELA)'],
      [good.slice(0, 10), 'shorter than its 16-byte header'],
    ] as const) {
      const text = outlookMessageText(buildMsg(rtfOnlyMsg(stream)));
      expect(text).toContain(`X-Outlook-Rtf-Body-Damaged: ${why}\n`);
      const result = await extractBytes(buildMsg(rtfOnlyMsg(stream)));
      expect(result.incidents).toEqual([]);
      expect(result.warnings.map((w) => w.code)).toContain('input.outlook-rtf-damaged');
    }
  });

  it('plain RTF: \\uN with its fallback skipped, \\ucN, \\bin data, groups of the header left out', () => {
    const rtf = new TextEncoder().encode(
      "{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0 Arial;}}{\\*\\unknown x}\\uc2 caf\\u233\\'3f\\'3f ok{\\pict\\bin3 abc}\\par fin\\tab !}",
    );
    expect(rtfText(rtf)).toEqual({ kind: 'text', text: 'café ok\nfin\t!' });
  });

  it('hostile RTF: a control word of a million letters, deep groups, a cut escape, and no throw', () => {
    const word = `{\\rtf1 \\${'a'.repeat(1_000_000)} x${'{'.repeat(100_000)}y\\'4`;
    const result = rtfText(new TextEncoder().encode(word));
    expect(result.kind).toBe('text');
    expect(result.text.endsWith('xy')).toBe(true);
  });
});
