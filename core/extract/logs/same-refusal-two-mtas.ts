/**
 * One refusal logged by two MTAs of one paste: a KumoMTA record and the line its Exim smarthost wrote, the
 * same reply from the same server address at the same second (test/fixtures/extract/mixed44's
 * kumomta-record-and-exim-line-same-104.txt). Each reader gives its incident; the one that says less is
 * the same refusal again when every field it gives is the other's too, and is dropped. Records of one
 * format stay apart (two attempts, or two connections refused in the same second), and so do records whose
 * sending side, recipient or remote name differ, or that have no date or no remote address to compare.
 */
import type { ExtractionResult, Incident, Note } from '../../types';
import { NOTES, withSendingIpsMissing } from './scan-notes';

/** At most this many incidents are compared (a paste of two MTAs' logs is short; a large log is one MTA's). */
const MAX_INCIDENTS = 2000;

/** What two readings of one refusal share: its words, its instant (however its zone is written), the server's address. */
function keyOf(i: Incident): string | null {
  const at = i.occurredAt === null ? Number.NaN : Date.parse(i.occurredAt);
  return Number.isNaN(at) || i.remoteIp === null ? null : `${i.reply.text}\n${at}\n${i.remoteIp}`;
}

const within = (some: readonly string[], all: readonly string[]) => some.every((x) => all.includes(x));
const nullOr = <T>(value: T | null, other: T | null) => value === null || value === other;

/** True when each field `poor` gives is `rich`'s too. */
function saysNoMore(poor: Incident, rich: Incident): boolean {
  return (
    within(poor.sendingIps, rich.sendingIps) &&
    within(poor.sendingHosts, rich.sendingHosts) &&
    nullOr(poor.sendingDomain, rich.sendingDomain) &&
    nullOr(poor.recipientDomain, rich.recipientDomain) &&
    nullOr(poor.remoteHost, rich.remoteHost)
  );
}

/** How much an incident gives of the sending side and the recipient. */
const given = (i: Incident) =>
  i.sendingIps.length +
  i.sendingHosts.length +
  Number(i.sendingDomain !== null) +
  Number(i.recipientDomain !== null);

/** The scan's notes on missing sending IPs and domains counted again over `incidents` (scan-notes.ts). */
function recounted(warnings: readonly Note[], incidents: readonly Incident[]): Note[] {
  const withoutIp = incidents.filter((i) => i.sendingIps.length === 0).length;
  const withoutDomain = incidents.filter((i) => i.sendingDomain === null).length;
  return withSendingIpsMissing(warnings, withoutIp).flatMap((w) => {
    if (w.code === 'log-no-sending-domain')
      return withoutDomain > 0 ? [NOTES.noSendingDomain(withoutDomain)] : [];
    if (w.code === 'log-sender-without-domain')
      return withoutDomain > 0 ? [NOTES.senderWithoutDomain(withoutDomain)] : [];
    return [w];
  });
}

/** The log's result without the second reading of a refusal another MTA of the paste logged too. */
export function withoutSameRefusalTwice(result: ExtractionResult): ExtractionResult {
  const { incidents, warnings } = result;
  if (incidents.length < 2 || incidents.length > MAX_INCIDENTS) return result;
  const first = incidents[0]?.format;
  if (incidents.every((i) => i.format === first)) return result;
  // The domain notes can be counted again only when the scan gave one kind of them (which kind the dropped
  // incident was counted in is not known otherwise).
  const domainNotes = warnings.filter(
    (w) => w.code === 'log-no-sending-domain' || w.code === 'log-sender-without-domain',
  );
  if (domainNotes.length > 1) return result;
  const seen = new Map<string, Incident>();
  const dropped = new Set<Incident>();
  for (const incident of incidents) {
    const key = keyOf(incident);
    if (key === null) continue;
    const other = seen.get(key);
    if (!other) {
      seen.set(key, incident);
      continue;
    }
    if (other.format === incident.format) continue;
    const [poor, rich] = given(incident) <= given(other) ? [incident, other] : [other, incident];
    if (!saysNoMore(poor, rich)) continue;
    dropped.add(poor);
    seen.set(key, rich);
  }
  if (dropped.size === 0) return result;
  const kept = incidents.filter((i) => !dropped.has(i));
  return { incidents: kept, warnings: recounted(warnings, kept) };
}
