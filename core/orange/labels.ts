/** How the UI names the knowledge base's categories, in both languages. */
import type { Localized, NextStep } from '../types';
import type { Persistence, Platform, Sureness } from './reasons';

export const NEXT_STEP_LABELS: Record<NextStep, Localized> = {
  'wait-and-retry': { fr: 'Attendre et réessayer', en: 'Wait and retry' },
  'fix-configuration': { fr: 'Corriger la configuration', en: 'Fix the configuration' },
  'delist-elsewhere': {
    fr: 'Demander le retrait d’une liste de blocage',
    en: 'Get delisted from a blocklist',
  },
  'contact-orange': { fr: 'Écrire au service abuse d’Orange', en: "Write to Orange's abuse desk" },
  'not-an-abuse-desk-case': { fr: 'Pas un cas pour le service abuse', en: 'Not a case for the abuse desk' },
  unknown: { fr: 'Code inconnu', en: 'Unknown code' },
};

export const SURENESS_LABELS: Record<Sureness, Localized> = {
  official: {
    fr: 'Source officielle (page postmaster d’Orange)',
    en: "Official source (Orange's postmaster page)",
  },
  observed: { fr: 'Observé dans de vrais rejets', en: 'Seen in real bounces' },
  'third-party': { fr: 'Article tiers', en: 'Third-party article' },
  inference: { fr: 'Déduction, aucune source ne le dit', en: 'Inference, no source says it' },
};

export const PLATFORM_LABELS: Record<Platform, Localized> = {
  'inbound-mx': { fr: 'Serveurs de réception d’Orange (MX)', en: "Orange's inbound servers (MX)" },
  'submission-relay': {
    fr: 'Relais d’envoi des clients d’Orange (smtp.orange.fr)',
    en: "Orange's customer submission relay (smtp.orange.fr)",
  },
};

export const PERSISTENCE_LABELS: Record<Persistence, Localized> = {
  temporary: { fr: 'Temporaire', en: 'Temporary' },
  permanent: { fr: 'Définitif', en: 'Permanent' },
};
