/**
 * What a summary says when the compressed log it read ends early (a rotation cut short, a partial
 * copy): what the data gave is summarised rather than thrown away with the error, and the summary says
 * it covers only the lines before the cut; zstd data that does not match its checksum is summarised as
 * it decoded, and the summary says so. Shared by the CLI's summarize and the app's Large logs tab.
 * Data cut before it gave a line (always so for a zstd file of one block, a few KB: zstd gives its text a
 * whole block at a time, up to 128 KB, and `zstd -d` gives nothing of a cut one either) says that no line
 * could be read, and why, rather than leave a summary of no line unexplained.
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

const NOTHING_READ_NOTES: Record<CutCompression, Note> = {
  gzip: note(
    'input.gzip-cut',
    'Les données gzip s’arrêtent avant leur première ligne (fichier tronqué ou endommagé)\u00a0: aucune ligne n’a pu être lue.',
    'The gzip data ends before its first line (the file is cut short or damaged): no line could be read.',
  ),
  zstd: note(
    'input.zstd-cut',
    'Les données zstd s’arrêtent avant la fin de leur premier bloc (fichier tronqué ou endommagé)\u00a0: zstd ne rend son texte que par blocs entiers (jusqu’à 128\u00a0Ko), aucune ligne n’a donc pu être lue.',
    'The zstd data ends before its first block ends (the file is cut short or damaged): zstd gives its text a whole block (up to 128 KB) at a time, so no line could be read.',
  ),
};

/** The note of a summary of zstd data whose content does not match its checksum (zstd-checksum.ts). */
export const CHECKSUM_NOTE: Note = note(
  'input.zstd-checksum',
  'Les données zstd ne correspondent pas à leur somme de contrôle (fichier endommagé)\u00a0: le résumé porte sur le texte tel qu’il s’est décodé, dont une partie peut être fausse.',
  'The zstd data does not match its checksum (the file is damaged): the summary covers the text as it decoded, part of which may be wrong.',
);

/**
 * The note of a summary of gzip data followed by bytes that start no member (a tool's tail, a padding
 * block other than zeros): every line was read, the bytes were ignored, as gzip(1) does ("decompression
 * OK, trailing garbage ignored"). Zeros alone (a padded copy) are not said, as gzip(1) does not.
 */
export const TRAILING_NOTE: Note = note(
  'input.gzip-trailing',
  'Des octets qui ne sont pas des données gzip suivent leur fin (ajoutés par un outil de copie ou de transfert)\u00a0: ils ont été ignorés, comme le fait gzip, et toutes les lignes ont été lues.',
  'Bytes that are not gzip data follow its end (added by a copy or transfer tool): they were ignored, as gzip does, and every line was read.',
);

/** The note of a summary whose `format` data ended early, after `lines` lines. */
export function cutNote(format: CutCompression, lines: number): Note {
  return (lines === 0 ? NOTHING_READ_NOTES : CUT_NOTES)[format];
}
