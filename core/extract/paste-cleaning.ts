/**
 * The first step of reading a paste: what copying it added taken off, in an order that matters.
 */

import { withPlainArchiveAddresses } from './archive-addresses';
import { withoutAttributeLists } from './attribute-lists';
import { withoutAutolinks } from './autolinks';
import { withoutBbcode } from './bbcode';
import { withoutCodeMarks } from './code-marks';
import { withoutCommentMarks } from './comment-marks';
import { withoutCommonIndent } from './common-indent';
import { withoutEmlxEnvelope } from './emlx';
import { withoutEmphasis } from './emphasis';
import { withoutInvisibleCharacters } from './invisible-characters';
import { withoutLineNumbers } from './line-numbers';
import { withoutListMarks } from './list-marks';
import { withoutMarkdownEscapes } from './markdown-escapes';
import { withoutByteOrderMark, withPlainSpaces } from './plain-spaces';
import { withoutPowerMtaQuote } from './powermta-quote';
import { withReadableQmailStatus } from './qmail-status';
import { withoutShowOriginalHead } from './show-original-head';
import { withoutShownLineEnds } from './shown-line-ends';
import { withoutSignature } from './signature';
import { withPlainQuotes } from './smart-quotes';
import { withoutTerminalColours } from './terminal-colours';
import { withoutToolTimings } from './test-tools';
import { withoutTrailingSpaces } from './trailing-spaces';
import { withPlainDateDashes } from './typographic-dashes';

/**
 * The paste without what copying it added (a byte-order mark, code, comment and list marks, line numbers,
 * a signature, markup, invisible or typographic characters, a list archive's masking of addresses, a
 * common indent). Each cleaning step keeps the lines where they were (see each module); the order matters
 * where one's marks hide another's: the byte-order mark before the code marks, the signature's `-- `
 * before trailing spaces go.
 */
export function cleanedPaste(pasted: string): string {
  const cleaned = withoutToolTimings(
    withoutSignature(
      withoutCommentMarks(
        withoutCodeMarks(
          withoutListMarks(
            withoutLineNumbers(
              withoutShowOriginalHead(
                withoutEmlxEnvelope(
                  withoutShownLineEnds(withoutTerminalColours(withoutByteOrderMark(pasted))),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );
  const plain = withPlainSpaces(
    withoutTrailingSpaces(
      withoutEmphasis(
        withoutMarkdownEscapes(withoutAutolinks(withoutAttributeLists(withoutBbcode(cleaned)))),
      ),
    ),
  );
  return withoutCommonIndent(
    withoutPowerMtaQuote(
      withReadableQmailStatus(
        withPlainArchiveAddresses(withPlainDateDashes(withPlainQuotes(withoutInvisibleCharacters(plain)))),
      ),
    ),
  );
}
