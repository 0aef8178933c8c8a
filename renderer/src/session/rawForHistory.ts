/**
 * The pasted text kept with a saved incident. The store keeps at most `limit` characters: a larger paste
 * (a long log) is reduced to the lines around the ones the incident was read from.
 */
import type { Incident } from '../../../core/types';
import { type LineIndex, lineCount, lineText } from '../source/lineIndex';

export const CONTEXT_LINES = 20;
export const GAP = '[…]';

export function rawForHistory(
  text: string,
  lines: LineIndex | null,
  incident: Incident,
  limit: number,
): string {
  if (text.length <= limit) return text;
  if (!lines) return text.slice(0, limit);
  const wanted = new Set<number>();
  const total = lineCount(lines);
  const anchors = [...Object.values(incident.sources).map((s) => s.line), incident.trigger?.line ?? 0];
  for (const anchor of anchors) {
    if (!anchor) continue;
    for (let l = Math.max(1, anchor - CONTEXT_LINES); l <= Math.min(total, anchor + CONTEXT_LINES); l++)
      wanted.add(l);
  }
  const parts: string[] = [];
  let previous = 0;
  let size = 0;
  for (const line of [...wanted].sort((a, b) => a - b)) {
    const piece = lineText(text, lines, line);
    const gap = line !== previous + 1 ? `${GAP}\n` : '';
    if (size + gap.length + piece.length + 1 > limit) break;
    parts.push(gap + piece);
    size += gap.length + piece.length + 1;
    previous = line;
  }
  return parts.join('\n');
}
