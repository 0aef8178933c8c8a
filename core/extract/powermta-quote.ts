/**
 * PowerMTA's dsnDiag cell copied alone from an accounting file (a spreadsheet, a forum post): when PowerMTA
 * bounced a whole queue after a remote's reply, the cell is its own diagnostic quoting that reply
 * (`x-pmta;bounce-queue;reply:550 5.7.1 ...`). No reader of pasted text knows that start, so the reply
 * would lose its code; the start is taken off, leaving the remote's words where the reply readers find
 * them, as the accounting-file reader does (logs/formats/powermta-diag.ts).
 */
import { PMTA_QUOTE } from './logs/formats/powermta-diag';

/** At a line's start, after its indentation and quote marks (`> `). */
const QUOTE_AT_LINE_START = new RegExp(
  String.raw`^([ \t]{0,12}(?:>[ \t]?){0,3})${PMTA_QUOTE}\s?(?=[245]\d\d)`,
  'gim',
);

/** `text` with PowerMTA's quoting start taken off each line's reply; the same text when there is none. */
export function withoutPowerMtaQuote(text: string): string {
  if (!/x-pmta;/i.test(text)) return text;
  return text.replace(QUOTE_AT_LINE_START, '$1');
}
