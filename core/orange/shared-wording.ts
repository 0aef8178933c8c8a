/**
 * An Orange incident whose reason nothing tells and whose wording Orange gives to several reasons
 * (../extract/shared-orange-wording.ts): the advice covers each of them (advice.ts).
 */
import { type SharedWording, sharedWordingOf } from '../extract/shared-orange-wording';
import type { Incident } from '../types';
import { reasonForReply } from './reasons';

/** The shared wording of an Orange incident whose reason nothing else tells, or null. */
export function sharedWordingFor(incident: Incident): SharedWording | null {
  if (!incident.isOrange || (incident.orange?.reason ?? null) !== null) return null;
  const { code, text } = incident.reply;
  if (reasonForReply(null, code, text)) return null;
  return sharedWordingOf(code, text);
}
