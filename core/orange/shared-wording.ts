/**
 * An Orange incident whose reason nothing tells and whose wording Orange gives to several reasons
 * (../extract/shared-orange-wording.ts, which notes it on the incident): the advice covers each of them
 * (advice.ts). The same incidents as the note's, less those the knowledge base reads a reason from.
 */
import { type SharedWording, sharedWordingOfIncident } from '../extract/shared-orange-wording';
import type { Incident } from '../types';
import { reasonForReply } from './reason-lookup';

/** The shared wording of an Orange incident whose reason nothing else tells, or null. */
export function sharedWordingFor(incident: Incident): SharedWording | null {
  const wording = sharedWordingOfIncident(incident);
  if (!wording || reasonForReply(null, incident.reply.code, incident.reply.text)) return null;
  return wording;
}
