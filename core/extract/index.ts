/**
 * Public entry of the extraction engine: whatever the user pastes (an SMTP reply, a bounce message, an
 * mbox, ESP event JSON, MTA log lines) becomes incidents with the fields Orange's abuse desk asks for,
 * each with the 1-based line of the ORIGINAL text it came from. Pure: no Node, DOM or Electron API.
 * This file is the engine's API; the reading itself starts in read-paste.ts.
 */

import type { ExtractionResult, ExtractOptions } from '../types';
import { decodeBytes } from './decode-bytes';
import { extract } from './read-paste';

export { MAX_INPUT_BYTES } from './decode-bytes';
export { detectInput, type InputKind } from './detect';
export { extractIps, isNonPublicIp, isOrangeIp, normalizeIp } from './ip';
export { ORANGE_MAIL_DOMAINS, ORANGE_MX_NAMES, ORANGE_NETWORKS } from './orange-network';
export { extract } from './read-paste';
export type { ParsedReply } from './reply';
export { foldText, isOrangeHost, isOrangeSpfRefusal, parseReply, unwrapReply } from './reply';

/** Like `extract`, from raw bytes: UTF-8, else Windows-1252; binary input is refused with a warning. */
export async function extractBytes(
  bytes: Uint8Array,
  options: ExtractOptions = {},
): Promise<ExtractionResult> {
  const decoded = decodeBytes(bytes);
  if (decoded.text === null) return { incidents: [], warnings: decoded.warnings };
  const result = await extract(decoded.text, options);
  // The decoding's notes first; most inputs have none (no copy then).
  const warnings = decoded.warnings.length === 0 ? result.warnings : decoded.warnings.concat(result.warnings);
  return { incidents: result.incidents, warnings };
}
