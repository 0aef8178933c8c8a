/**
 * A header field's value as its reader sees it: RFC 2047 encoded words decoded (`=?UTF-8?Q?Message_non_remis?=`
 * → `Message non remis`, a whole subject in base64 as Exchange writes it when the returned subject had an
 * accent). Tests on a Subject's or From's words need it; an address inside angle brackets is never encoded.
 */
import { decodeEncodedWords } from './encoded-words';
import { type Field, fieldValue } from './header-block';

/** The field's value decoded; with `maxLength`, only that much of the value as written is read. */
export function decodedFieldValue(
  fields: readonly Field[],
  name: string,
  maxLength?: number,
): string | undefined {
  const value = fieldValue(fields, name)?.value;
  return value === undefined ? undefined : decodeEncodedWords(value.slice(0, maxLength));
}
