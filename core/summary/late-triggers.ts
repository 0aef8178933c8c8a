/**
 * A 999 whose trigger is logged below it, in a streamed log (`zgrep -h OFR /var/log/mail.log* > orange.log`
 * prints the newest file first; `journalctl -r` every line newest first), linked as extract links it
 * (core/extract/logs/trigger-below.ts): a suspension the scanner left without a trigger is held (MAX_WAITING at
 * most, the next ones go on unheld) while the errors read after it are looked at for the latest one of the
 * same sender at or before its time; at the end it is linked to it when both are on the same clock and
 * the error is recent enough, its sending IP filled from it. What is kept: the suspensions held and, for
 * each, one error.
 */

import { isSuspension } from '../extract/logs/trigger';
import { keysOf, linkBelow } from '../extract/logs/trigger-below';
import type { Incident } from '../types';

/** Suspensions held at most (in a log read in time order, those whose error came before the log's start). */
export const MAX_WAITING = 2000;

interface Waiting {
  suspension: Incident;
  at: number;
  best: { error: Incident; at: number } | null;
}

export interface LateTriggers {
  /** True when the incident is held (a dated suspension without a trigger): given back by `end`. */
  hold(incident: Incident): boolean;
  /** An incident read after those held: an Orange error may trigger some. */
  see(incident: Incident): void;
  /** The held suspensions, in the order they came, each linked where an error below it allows. */
  end(): { incidents: Incident[]; ipsFilled: number };
}

export function createLateTriggers(): LateTriggers {
  const waiting: Waiting[] = [];
  const byKey = new Map<string, Waiting[]>();
  return {
    hold(incident) {
      if (waiting.length >= MAX_WAITING || !isSuspension(incident) || incident.trigger) return false;
      const at = Date.parse(incident.occurredAt ?? '');
      const keys = keysOf(incident, false);
      if (Number.isNaN(at) || keys.length === 0) return false;
      const entry: Waiting = { suspension: incident, at, best: null };
      waiting.push(entry);
      for (const key of keys) {
        const list = byKey.get(key);
        if (list) list.push(entry);
        else byKey.set(key, [entry]);
      }
      return true;
    },
    see(error) {
      if (byKey.size === 0 || !error.isOrange || isSuspension(error) || !error.sources.reply) return;
      const at = Date.parse(error.occurredAt ?? '');
      if (Number.isNaN(at)) return;
      for (const key of keysOf(error, true)) {
        for (const entry of byKey.get(key) ?? []) {
          // The latest at or before it; of two at the same time, the one written last (as extract).
          if (at <= entry.at && (!entry.best || at >= entry.best.at)) entry.best = { error, at };
        }
      }
    },
    end() {
      let ipsFilled = 0;
      for (const { suspension, best } of waiting) if (best && linkBelow(suspension, best.error)) ipsFilled++;
      const incidents = waiting.map((w) => w.suspension);
      waiting.length = 0;
      byKey.clear();
      return { incidents, ipsFilled };
    },
  };
}
