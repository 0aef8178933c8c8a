/**
 * A ticket that speaks only of refusals that are not Orange's (a Gmail or Yahoo refusal pasted here):
 * Orange's abuse desk can do nothing about them. The notice says so plainly, naming the provider that
 * refused when the incidents name one (core/orange/other-provider.ts), and the ticket's text is then
 * worded without putting the refusal on Orange (build.ts).
 */
import { otherProvider } from '../orange/other-provider';
import type { Incident, Localized } from '../types';
import { unique } from './facts';
import { warning } from './warnings';
import { joinWords } from './wording';

/** The notice for the listed incidents when none is Orange's, else null. */
export function notForOrange(listed: readonly Incident[]): Localized | null {
  if (listed.length === 0 || listed.some((incident) => incident.isOrange)) return null;
  const providers = unique(listed.map((incident) => otherProvider(incident) ?? ''));
  const count = listed.length;
  if (providers.length === 0) return warning('notice.notOrange', () => ({}), count);
  return warning('notice.otherProvider', (lang) => ({ provider: joinWords(lang, providers) }), count);
}
