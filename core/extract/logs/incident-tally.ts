/**
 * What the log scanner counts of the incidents it gives out (incident-output.ts): the rejections by
 * provider, the Orange ones and their suspensions, and the fields missing, which its notes at the end of
 * the scan sum up (one note per missing field for the whole log, not one per incident).
 */
import type { Incident, Note } from '../../types';
import { orangeOrRejectingDomain } from './orange-or-rejecting-domain';
import { NOTES } from './scan-notes';
import type { LogScanCounts } from './scanner-api';
import { isSuspension } from './trigger';

/** Providers counted by name at most; the others are counted together as `other`. */
const PROVIDER_CAP = 500;

export class IncidentTally {
  private providers = 0;
  private withoutIp = 0;
  private withoutDomain = 0;
  /** Rejections whose logged sender gives no domain: a bounce's `from=<>`, or one the poster hid. */
  private senderWithoutDomain = 0;
  private withoutDate = 0;

  constructor(private readonly counts: LogScanCounts) {}

  /** An incident given out; `senderLogged`: the log gave its sender. */
  add(incident: Incident, senderLogged: boolean): void {
    const counts = this.counts;
    counts.rejections++;
    if (incident.sendingIps.length === 0) this.withoutIp++;
    if (incident.sendingDomain === null) {
      if (senderLogged) this.senderWithoutDomain++;
      else this.withoutDomain++;
    }
    if (incident.occurredAt === null) this.withoutDate++;
    let provider = orangeOrRejectingDomain(incident);
    if (counts.rejectionsByProvider[provider] === undefined) {
      if (this.providers >= PROVIDER_CAP) provider = 'other';
      else this.providers++;
    }
    counts.rejectionsByProvider[provider] = (counts.rejectionsByProvider[provider] ?? 0) + 1;
    if (incident.isOrange) counts.orangeRejections++;
    if (isSuspension(incident)) {
      counts.suspensions++;
      if (incident.trigger) counts.suspensionsLinked++;
    }
  }

  /** The notes on the fields missing from the incidents given out, in the order the scan gives them. */
  missingFieldNotes(): Note[] {
    const notes: Note[] = [];
    if (this.withoutIp > 0) notes.push(NOTES.noSendingIp(this.withoutIp));
    if (this.withoutDate > 0) notes.push(NOTES.noDate(this.withoutDate));
    if (this.withoutDomain > 0) notes.push(NOTES.noSendingDomain(this.withoutDomain));
    if (this.senderWithoutDomain > 0) notes.push(NOTES.senderWithoutDomain(this.senderWithoutDomain));
    return notes;
  }
}
