/**
 * Orange's reason numbers 9XX: the sending IP limited or suspended for a while because of its reputation.
 */
import { type ReasonEntry, reasonRange } from './entry';

export const RATE_LIMIT_REASONS: readonly ReasonEntry[] = [
  {
    // Known from one source only: the guide cited for 536 lists `OFR_988` to `990` as a limitation tied to
    // reputation (Orange's own table, per the shared notes, names 99X). 990 stays in 99X, confirmed by
    // Orange's table; 988 and 989 are unverified until a reply or Orange's page confirms them.
    id: '988',
    reasons: [988, 989],
    title: { fr: 'Débit limité selon la réputation', en: 'Rate limited by reputation' },
    meaning: {
      fr: 'Selon une seule source (un guide tiers résumant la page postmaster d’Orange), Orange limite les envois de l’adresse IP en fonction de sa réputation, comme pour les codes 99X.',
      en: "According to a single source (a third-party guide summing up Orange's postmaster page), Orange limits the IP address's mail according to its reputation, as with the 99X codes.",
    },
    action: {
      fr: 'Ralentissez les envois vers Orange, vérifiez ce qui dégrade la réputation de l’adresse IP (plaintes, adresses invalides, listes de blocage) et corrigez-le, puis reprenez progressivement.',
      en: "Slow down mail to Orange, check what harms the IP address's reputation (complaints, invalid addresses, blocklists) and fix it, then ramp up slowly.",
    },
    wait: {
      fr: 'Quelques heures, puis reprise progressive (durée déduite, aucune source ne l’indique).',
      en: 'A few hours, then a slow ramp-up (an inferred delay, no source gives one).',
    },
    persistence: 'temporary',
    persistenceSure: false,
    platform: 'inbound-mx',
    sources: ['third-party'],
    verified: false,
    typical: { basic: null, enhanced: null },
    nextStep: 'wait-and-retry',
    links: ['orange-postmaster'],
  },
  {
    id: '99X',
    reasons: reasonRange(990, 999),
    title: { fr: 'Adresse IP suspendue temporairement', en: 'IP temporarily suspended' },
    meaning: {
      fr: 'Orange restreint l’adresse IP d’envoi en raison d’un comportement jugé abusif : elle est suspendue pour un temps. Cette suspension fait généralement suite à une erreur antérieure, à retrouver plus haut dans les journaux du serveur.',
      en: "Orange rate-limits the sending IP address for bad behaviour: it is suspended for a while. It usually follows an earlier error, to be found further up in the server's logs.",
    },
    action: {
      fr: 'Interrompez les envois depuis cette adresse IP, retrouvez et corrigez l’erreur qui a déclenché la suspension, puis reprenez progressivement. Si la suspension persiste, écrivez au service abuse d’Orange.',
      en: "Pause sending from this IP, find and fix the earlier error that triggered the suspension, then ramp up slowly. If the suspension persists, write to Orange's abuse desk.",
    },
    wait: {
      fr: '2 heures sans envoi, puis reprise progressive.',
      en: '2 hours without sending, then a slow ramp-up.',
    },
    persistence: 'temporary',
    persistenceSure: true,
    platform: 'inbound-mx',
    sources: ['official', 'observed', 'third-party'],
    verified: true,
    typical: { basic: 421, enhanced: null },
    nextStep: 'wait-and-retry',
    links: ['orange-postmaster'],
  },
];
