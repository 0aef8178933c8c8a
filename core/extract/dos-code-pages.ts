/**
 * The DOS code pages a Windows mail client may still name: 437 (the United States') and 850 (Western
 * Europe's, French DOS text). The WHATWG Encoding Standard, and so TextDecoder, knows neither, and no
 * other code page gives their accents: 0x82 is é in both, where Windows-1252 has ‚ and IBM866 В. Their
 * upper halves, 0x80 to 0xFF, after Unicode's mapping tables (MAPPINGS/VENDORS/MICSFT/PC/CP437.TXT and
 * CP850.TXT); their lower halves are ASCII.
 */

import { windows1252Bytes, withWindows1252Characters } from './windows-1252';

const UPPER_HALVES: Record<number, string> = {
  437:
    'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒ' +
    'áíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐' +
    '└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀' +
    'αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0',
  850:
    'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒ' +
    'áíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐' +
    '└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀' +
    'ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00ad±‗¾¶§÷¸°¨·¹³²■\u00a0',
};

/** `437` or `850` for the labels that name them (`cp850`, `IBM437`, `850`...), else null. */
export function dosCodePageOf(label: string): 437 | 850 | null {
  const match = /^(?:cp|ibm|x-ibm|dos-?)?(437|850)$/i.exec(label.trim());
  if (!match) return null;
  return match[1] === '437' ? 437 : 850;
}

/** The bytes as text in DOS code page 437 or 850. */
export function decodeDosCodePage(bytes: Uint8Array, codePage: 437 | 850): string {
  const upper = UPPER_HALVES[codePage] as string;
  let text = '';
  for (const byte of bytes) text += byte < 0x80 ? String.fromCharCode(byte) : upper[byte - 0x80];
  return text;
}

/**
 * Text that a Windows-1252 decoder made of bytes in a DOS code page, decoded again in that page: how a
 * part or an encoded word declaring one is read, relabelled `windows-1252` for postal-mime (one character
 * per byte, so no byte is lost). Null when the text did not come from such a reading.
 */
export function fromWindows1252Reading(text: string, codePage: 437 | 850): string | null {
  const bytes = windows1252Bytes(withWindows1252Characters(text));
  return bytes ? decodeDosCodePage(bytes, codePage) : null;
}
