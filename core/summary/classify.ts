/** How one incident counts in a summary: its group key parts and its kind. */
import type { Incident } from '../types';
import type { GroupKind } from './types';

/** Orange groups its rate-limit suspensions as 99X (999 in practice); see shared notes, section 3. */
export function isSuspension(reason: number | null): boolean {
  return reason !== null && reason >= 990 && reason <= 999;
}

export function isDeferralCode(code: number | null): boolean {
  return code !== null && code >= 400 && code < 500;
}

export function isBounceCode(code: number | null): boolean {
  return code !== null && code >= 500 && code < 600;
}

export function kindOf(incident: Incident): GroupKind {
  if (isSuspension(incident.orange?.reason ?? null)) return 'suspension';
  if (isDeferralCode(incident.reply.code)) return 'deferral';
  if (isBounceCode(incident.reply.code)) return 'bounce';
  return 'other';
}

/** The reason part of a group key: Orange's reason number, else `-` and the basic code (SPF reply). */
export function reasonKeyOf(incident: Incident): string {
  const reason = incident.orange?.reason ?? null;
  return reason !== null ? String(reason) : `-${incident.reply.code ?? ''}`;
}

/** Milliseconds since the epoch of an incident's date, or null when it has none or it is unreadable. */
export function timeOf(incident: Incident): number | null {
  if (!incident.occurredAt) return null;
  const ms = Date.parse(incident.occurredAt);
  return Number.isNaN(ms) ? null : ms;
}
