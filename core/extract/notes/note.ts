/** A note (a warning or an assumption) in French and English, with a stable code. */
import type { Note } from '../../types';

export function note(code: string, fr: string, en: string): Note {
  return { code, text: { fr, en } };
}
