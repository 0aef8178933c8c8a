/**
 * The lines an incident's fields (and its 999's trigger) cite, when their text is not on screen: a group
 * of a large log made the incident (the log is not loaded in the Incident tab), or an incident reopened
 * without its text. The source panel shows these lines, so that « Lu ligne 2 » points at something.
 */
import type { Incident, SourceRef } from '../../../core/types';

/** The distinct lines cited, in the log's order (a line number of 0 is no line). */
export function citedLines(incident: Incident | null): SourceRef[] {
  if (!incident) return [];
  const byLine = new Map<number, SourceRef>();
  const refs = [...Object.values(incident.sources), incident.trigger];
  for (const ref of refs) if (ref && ref.line > 0 && !byLine.has(ref.line)) byLine.set(ref.line, ref);
  return [...byLine.values()].sort((a, b) => a.line - b.line);
}
