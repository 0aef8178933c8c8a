/**
 * The shape of one entry of the knowledge base on Orange's reason numbers (./index.ts), and how sure its
 * source is:
 *   official    Orange's postmaster error table (quoted near-verbatim by Sisimai's FrancePTT module);
 *   observed    seen verbatim in real bounces;
 *   third-party a deliverability vendor's article;
 *   inference   no source says it, the project deduces it.
 */
import type { Localized, NextStep } from '../../types';
import type { LinkKind } from '../links';

export type Sureness = 'official' | 'observed' | 'third-party' | 'inference';

/** Orange's inbound MX (mail to orange.fr / wanadoo.fr) or the relay Orange's own customers send through. */
export type Platform = 'inbound-mx' | 'submission-relay';

export type Persistence = 'temporary' | 'permanent';

export interface ReasonEntry {
  /** '102', or a range as Orange writes it ('20X', '39X', '99X'). */
  id: string;
  /** Every reason number the entry covers. */
  reasons: readonly number[];
  title: Localized;
  meaning: Localized;
  action: Localized;
  /** For wait-and-retry: how long to wait and how to resume. */
  wait?: Localized;
  persistence: Persistence;
  /** False when the reply code was never seen and the persistence is deduced. */
  persistenceSure: boolean;
  platform: Platform;
  sources: readonly Sureness[];
  verified: boolean;
  typical: { basic: number | null; enhanced: string | null };
  nextStep: NextStep;
  /** Links the advice offers; what they look up ('ip' or 'domain'). */
  links: readonly LinkKind[];
  lookup?: 'ip' | 'domain';
}

/** Every reason number from `from` to `to`, both included: the numbers of a range entry ('20X', '99X'). */
export const reasonRange = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);
