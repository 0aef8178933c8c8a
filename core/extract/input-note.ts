/**
 * Whether a result's notes already say what is wrong with the input.
 */

import type { Note } from '../types';

/** True when a note already says what is wrong with the input (`input.*`). */
export function hasInputNote(notes: readonly Note[]): boolean {
  for (const n of notes) if (n.code.startsWith('input.')) return true;
  return false;
}
