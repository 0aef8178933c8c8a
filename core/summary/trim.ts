/** A copy of an incident with every long text cut, so that keeping it as an example costs little. */
import type { Incident, SourceRef } from '../types';
import { cutText } from './limits';

export function trimIncident(incident: Incident): Incident {
  const sources: Incident['sources'] = {};
  for (const [field, ref] of Object.entries(incident.sources) as [keyof Incident['sources'], SourceRef][]) {
    sources[field] = { line: ref.line, text: cutText(ref.text) };
  }
  return {
    ...incident,
    sendingIps: [...incident.sendingIps],
    sendingHosts: [...incident.sendingHosts],
    reply: { ...incident.reply, text: cutText(incident.reply.text) },
    orange: incident.orange ? { ...incident.orange } : null,
    sources,
    assumptions: incident.assumptions.map((a) => ({ code: a.code, text: { ...a.text } })),
    trigger: incident.trigger ? { ...incident.trigger, text: cutText(incident.trigger.text) } : null,
  };
}
