/**
 * The "Incident N" of the notes of incidents read apart (an mbox's messages, replies below an event),
 * renumbered for the list they join.
 */
import type { Note } from '../../types';

/**
 * A missing-field warning ("Incident N: ...") of incidents read apart (an mbox's messages, a reply
 * below an event) with N shifted by the incidents listed before them; other notes as they are.
 */
export function renumbered(warning: Note, offset: number): Note {
  const shift = (t: string) =>
    t.replace(/^Incident (\d+)/, (_m, n: string) => `Incident ${Number(n) + offset}`);
  return { code: warning.code, text: { fr: shift(warning.text.fr), en: shift(warning.text.en) } };
}

/**
 * The notes of incidents read apart of which only those `kept[N - 1]` stay (replies below an event, less
 * those repeating it), listed after `offset` others: each kept one's "Incident N" warnings renumbered, the
 * dropped ones' left out, other notes as they are.
 */
export function keptNotes(warnings: readonly Note[], kept: readonly boolean[], offset: number): Note[] {
  const numberOf: number[] = [];
  let count = offset;
  for (const k of kept) numberOf.push(k ? ++count : 0);
  const out: Note[] = [];
  for (const w of warnings) {
    const n = Number(/^Incident (\d+)/.exec(w.text.en)?.[1] ?? 0);
    if (n === 0) out.push(w);
    else if ((numberOf[n - 1] ?? 0) > 0) out.push(renumbered(w, (numberOf[n - 1] as number) - n));
  }
  return out;
}
