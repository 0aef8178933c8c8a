/**
 * A result read from a text made from the paste, its values pointed back at the paste's own lines.
 */

import type { ExtractionResult } from '../types';
import { SourceText } from './source-text';

/**
 * The result read from the paste made readable (quote marks removed, added empty lines dropped), each
 * value pointing at its line of the paste as pasted: `pasteLine` maps the lines read to the paste's.
 */
export function inPaste(
  result: ExtractionResult,
  paste: string,
  pasteLine: readonly number[] | null,
): ExtractionResult {
  const source = new SourceText(paste);
  const refOf = (line: number) => source.ref(pasteLine?.[line - 1] ?? line);
  for (const incident of result.incidents) {
    for (const [field, ref] of Object.entries(incident.sources))
      if (ref) incident.sources[field as keyof typeof incident.sources] = refOf(ref.line);
    if (incident.trigger) Object.assign(incident.trigger, refOf(incident.trigger.line));
  }
  return result;
}
