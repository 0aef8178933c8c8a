/**
 * What a summary says when the compressed log it read ends early (a rotation cut short, a partial
 * copy): what the data gave is summarised rather than thrown away with the error, and the summary says
 * it covers only the lines before the cut. Shared by the CLI's summarize and the app's Large logs tab.
 */
import { note } from '../extract/notes';
import type { Note } from '../types';

export type CutCompression = 'gzip' | 'zstd';

const CUT_NOTES: Record<CutCompression, Note> = {
  gzip: note(
    'input.gzip-cut',
    'Les données gzip s’arrêtent avant leur fin (fichier tronqué ou endommagé)\u00a0: le résumé ne porte que sur les lignes lues avant.',
    'The gzip data ends early (the file is cut short or damaged): the summary covers only the lines before that point.',
  ),
  zstd: note(
    'input.zstd-cut',
    'Les données zstd s’arrêtent avant leur fin (fichier tronqué ou endommagé)\u00a0: le résumé ne porte que sur les lignes lues avant.',
    'The zstd data ends early (the file is cut short or damaged): the summary covers only the lines before that point.',
  ),
};

/** The note of a summary whose `format` data ended early. */
export function cutNote(format: CutCompression): Note {
  return CUT_NOTES[format];
}
