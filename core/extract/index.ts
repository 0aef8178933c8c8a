/**
 * Public entry of the extraction engine: whatever the user pastes (an SMTP reply, a bounce message, an
 * mbox, ESP event JSON, MTA log lines) becomes incidents with the fields Orange's abuse desk asks for,
 * each with the 1-based line of the ORIGINAL text it came from. Pure: no Node, DOM or Electron API.
 * This file is the engine's API; the reading itself starts in read-paste.ts.
 */

import type { ExtractionResult, ExtractOptions } from '../types';
import { type DecodedText, decodeBytes } from './decode-bytes';
import { isCompoundFile, NotOutlookMessageError, outlookMessageText } from './outlook-file/msg-text';
import { extract } from './read-paste';

export { type DecodedText, MAX_INPUT_BYTES } from './decode-bytes';
export { detectInput, type InputKind } from './detect';
export { extractIps, isNonPublicIp, isOrangeIp, normalizeIp } from './ip';
export { ORANGE_MAIL_DOMAINS, ORANGE_MX_NAMES, ORANGE_NETWORKS } from './orange-network';
export { extract } from './read-paste';
export type { ParsedReply } from './reply';
export { foldText, isOrangeHost, isOrangeSpfRefusal, parseReply, unwrapReply } from './reply';

/**
 * Like `extract`, from raw bytes: an Outlook `.msg` as the message it holds, else UTF-8, else
 * Windows-1252; binary input (a Compound File that is no mail among it) is refused with a warning.
 */
export async function extractBytes(
  bytes: Uint8Array,
  options: ExtractOptions = {},
): Promise<ExtractionResult> {
  return extractDecoded(decodeInput(bytes), options);
}

/**
 * The text `extractBytes` reads from raw bytes, with the decoding's notes (text null: binary). Apart,
 * so that a caller holding a large input may let its bytes go before the engine reads the text: the
 * CLI held a log's 64 MB of bytes beside its 64 MB of text through the whole extraction.
 */
export function decodeInput(bytes: Uint8Array): DecodedText {
  const outlook = outlookMessageOrNull(bytes);
  return outlook !== null ? { text: outlook, warnings: [] } : decodeBytes(bytes);
}

/** `extract` on what decodeInput gave: the decoding's notes come first (most inputs have none). */
export async function extractDecoded(
  decoded: DecodedText,
  options: ExtractOptions = {},
): Promise<ExtractionResult> {
  if (decoded.text === null) return { incidents: [], warnings: decoded.warnings };
  const result = await extract(decoded.text, options);
  // (No copy when the decoding has no notes.)
  const warnings = decoded.warnings.length === 0 ? result.warnings : decoded.warnings.concat(result.warnings);
  return { incidents: result.incidents, warnings };
}

/** The text of an Outlook `.msg`, or null for any other input (a Word `.doc` included). */
function outlookMessageOrNull(bytes: Uint8Array): string | null {
  if (!isCompoundFile(bytes)) return null;
  try {
    return outlookMessageText(bytes);
  } catch (error) {
    if (error instanceof NotOutlookMessageError) return null;
    throw error;
  }
}
