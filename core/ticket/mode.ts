/**
 * Which kind of request the ticket makes, from what the knowledge base says about the incidents: a
 * request to lift an Orange block reads differently from a question about connection limits, or from a
 * follow-up once the sender has been delisted elsewhere.
 */
import { advise, reasonEntryFor } from '../orange/advice';
import { reasonForReply } from '../orange/reason-lookup';
import type { ReasonEntry } from '../orange/reasons';
import type { Incident } from '../types';

export type TicketMode =
  | 'liftBlock'
  | 'contentRejection'
  | 'afterDelisting'
  | 'suspension'
  | 'connectionLimits'
  | 'temporaryRejection'
  | 'afterFix'
  | 'generic';

/** Strongest first: the mode of the most serious incident wins. */
const PRIORITY: readonly TicketMode[] = [
  'liftBlock',
  'contentRejection',
  'afterDelisting',
  'suspension',
  'connectionLimits',
  'temporaryRejection',
  'afterFix',
  'generic',
];

/** Temporary refusals of messages rather than of connections: 505 (end of DATA), 408 (message rate). */
const MESSAGE_LEVEL = new Set(['505', '408']);

/** The blocklist operators behind the delisting reasons. */
const LISTS: Record<string, readonly string[]> = {
  '100': ['Abusix'],
  '101': ['Spamhaus'],
  '102': ['Cloudmark'],
  '425': ['Abusix', 'Spamhaus'],
};

export interface TicketPlan {
  mode: TicketMode;
  /** For afterDelisting: the lists named, in a stable order. */
  lists: string[];
  /** For afterDelisting: true when only the domain (425) is listed. */
  domainListed: boolean;
  /** Orange reason numbers behind the chosen mode (a 999's trigger counts), ascending, no duplicates. */
  reasons: number[];
  /** How many incidents are no case for the abuse desk (the advice says so), and how many not Orange's. */
  notAbuseDeskCases: number;
  notOrange: number;
  /** Every incident (and a 999's trigger) calls for waiting and retrying first. */
  allWait: boolean;
}

function modeOf(entry: ReasonEntry | null): TicketMode {
  if (!entry) return 'generic';
  if (entry.id === '103') return 'liftBlock';
  // A 999: the IP is suspended for a while; the sender writes only when it persists after a pause.
  if (entry.id === '99X') return 'suspension';
  if (entry.nextStep === 'contact-orange') return 'contentRejection';
  if (entry.nextStep === 'delist-elsewhere') return 'afterDelisting';
  // A temporary refusal of the messages themselves (at the end of DATA, a message rate), not of the
  // connections.
  if (entry.nextStep === 'wait-and-retry')
    return MESSAGE_LEVEL.has(entry.id) ? 'temporaryRejection' : 'connectionLimits';
  if (entry.nextStep === 'fix-configuration') return 'afterFix';
  return 'generic';
}

interface EntryUse {
  entry: ReasonEntry;
  /** The reason number as Orange wrote it, when there is one. */
  reason: number | null;
}

/** The entries behind an incident: its own, and for a 999 the one of the error that triggered it. */
function entriesOf(incident: Incident): EntryUse[] {
  const own = reasonEntryFor(incident);
  const uses: EntryUse[] = own ? [{ entry: own, reason: incident.orange?.reason ?? null }] : [];
  if (own?.id === '99X' && incident.trigger) {
    const trigger = reasonForReply(incident.trigger.reason, null, incident.trigger.text);
    if (trigger && trigger.id !== '99X') uses.push({ entry: trigger, reason: incident.trigger.reason });
  }
  return uses;
}

/**
 * The advice says the incident is no case for Orange's abuse desk (a wrong address, the sender's own relay).
 */
export function isNotAbuseDeskCase(incident: Incident): boolean {
  return advise(incident).nextStep === 'not-an-abuse-desk-case';
}

/**
 * The incidents a ticket speaks of: Orange's that are a case for the abuse desk, when there are some
 * among others (a paste listing a 416 and a 506 gives the desk the 506 only); else all of them.
 */
export function ticketIncidents(incidents: readonly Incident[]): Incident[] {
  const kept = incidents.filter((i) => i.isOrange && !isNotAbuseDeskCase(i));
  return kept.length > 0 ? kept : [...incidents];
}

export function planTicket(incidents: readonly Incident[]): TicketPlan {
  const modes = new Set<TicketMode>();
  const lists = new Set<string>();
  let ipListed = false;
  let domainListed = false;
  const reasonsByMode = new Map<TicketMode, Set<number>>();
  let notAbuseDeskCases = 0;
  let notOrange = 0;
  let allWait = incidents.length > 0;
  for (const incident of incidents) {
    if (!incident.isOrange) notOrange++;
    if (isNotAbuseDeskCase(incident)) notAbuseDeskCases++;
    const uses = entriesOf(incident);
    if (uses.length === 0) {
      modes.add('generic');
      const reason = incident.orange?.reason;
      const generic = reasonsByMode.get('generic') ?? new Set<number>();
      if (typeof reason === 'number') generic.add(reason);
      reasonsByMode.set('generic', generic);
    }
    for (const { entry, reason } of uses) {
      const mode = modeOf(entry);
      modes.add(mode);
      const reasons = reasonsByMode.get(mode) ?? new Set<number>();
      if (reason !== null) reasons.add(reason);
      reasonsByMode.set(mode, reasons);
      if (mode === 'afterDelisting') {
        for (const list of LISTS[entry.id] ?? []) lists.add(list);
        if (entry.lookup === 'domain') domainListed = true;
        else ipListed = true;
      }
    }
    // A reason the knowledge base does not know, given with a 4xx code: its advice says to let the server
    // retry too (Sweego's `421 4.1.1 ... OFR005_411 [411]`).
    const code = incident.reply.code;
    const waits =
      uses.length > 0
        ? uses.every(({ entry }) => entry.nextStep === 'wait-and-retry')
        : incident.isOrange && code !== null && code >= 400 && code < 500;
    if (!waits) allWait = false;
  }
  const mode = PRIORITY.find((m) => modes.has(m)) ?? 'generic';
  return {
    mode,
    lists: ['Abusix', 'Spamhaus', 'Cloudmark'].filter((l) => lists.has(l)),
    domainListed: domainListed && !ipListed,
    reasons: [...(reasonsByMode.get(mode) ?? [])].sort((a, b) => a - b),
    notAbuseDeskCases,
    notOrange,
    allWait,
  };
}

/**
 * A delisting follow-up whose only list is Cloudmark's (reason 102): Cloudmark is the filter Orange
 * uses, and one asks it to reset an address's reputation, not to remove it from a list.
 */
export function cloudmarkReset(plan: TicketPlan): boolean {
  return plan.mode === 'afterDelisting' && !plan.domainListed && plan.lists.join() === 'Cloudmark';
}
