/**
 * What is saved keeps the source line of a value only while the value is the one read there: a value
 * typed over it was not read from that line, and once reopened from the history its badge must say so.
 */
import type { FieldName, Incident } from '../../../core/types';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Each source's field, as the extraction gave it and as it is now. */
const fieldValue: Partial<Record<FieldName, (incident: Incident) => unknown>> = {
  occurredAt: (i) => i.occurredAt,
  sendingIps: (i) => i.sendingIps,
  sendingHosts: (i) => i.sendingHosts,
  sendingDomain: (i) => i.sendingDomain,
  recipientDomain: (i) => i.recipientDomain,
  remoteHost: (i) => i.remoteHost,
  remoteIp: (i) => i.remoteIp,
  reply: (i) => i.reply,
  orange: (i) => i.orange,
};

export function readSourcesOnly(incident: Incident, read: Incident | null): Incident {
  if (!read || read === incident) return incident;
  const sources = { ...incident.sources };
  for (const name of Object.keys(sources) as FieldName[]) {
    const value = fieldValue[name];
    if (value && !same(value(incident), value(read))) delete sources[name];
  }
  return { ...incident, sources };
}
