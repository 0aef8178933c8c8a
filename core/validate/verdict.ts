/** Building verdicts and combining them. */
import type { FieldName, Localized, Verdict, VerdictLevel } from '../types';
import { typographicApostrophes } from './french';

export const ok = (fr = 'Valide.', en = 'Valid.'): Verdict => ({ level: 'ok', message: { fr, en } });
export const warning = (fr: string, en: string): Verdict => ({ level: 'warning', message: { fr, en } });
export const error = (fr: string, en: string): Verdict => ({ level: 'error', message: { fr, en } });

const RANK: Record<VerdictLevel, number> = { ok: 0, warning: 1, error: 2 };

export function worstLevel(levels: readonly VerdictLevel[]): VerdictLevel {
  return levels.reduce<VerdictLevel>((worst, level) => (RANK[level] > RANK[worst] ? level : worst), 'ok');
}

/**
 * Names of the fields, in both languages. They also go into the ticket text pasted into Orange's form
 * (core/ticket: « [à compléter : …] » markers), which keeps keyboard apostrophes and Latin-1 on purpose,
 * so the French names are typed with ' here; `missing` turns them typographic for the interface.
 */
export const FIELD_LABELS: Record<FieldName, Localized> = {
  occurredAt: { fr: "date et heure de l'incident", en: 'date and time of the incident' },
  sendingIps: { fr: "adresse(s) IP d'envoi", en: 'sending IP address(es)' },
  sendingHosts: { fr: "nom(s) d'hôte d'envoi", en: 'sending host name(s)' },
  sendingDomain: { fr: "domaine d'envoi", en: 'sending domain' },
  recipientDomain: { fr: 'domaine du destinataire', en: 'recipient domain' },
  remoteHost: { fr: "serveur d'Orange", en: "Orange's server" },
  remoteIp: { fr: "adresse IP du serveur d'Orange", en: "Orange's server IP address" },
  reply: { fr: "réponse SMTP d'Orange", en: "Orange's SMTP reply" },
  orange: { fr: "jeton et code de raison d'Orange", en: "Orange's token and reason number" },
};

/** The five items Orange asks for in every abuse desk request. */
export const REQUIRED_FIELDS: readonly FieldName[] = [
  'occurredAt',
  'sendingIps',
  'sendingHosts',
  'sendingDomain',
  'reply',
];

export function missing(field: FieldName): Verdict {
  const label = FIELD_LABELS[field];
  return error(
    `Élément obligatoire manquant : ${typographicApostrophes(label.fr)}. Orange le demande dans chaque signalement.`,
    `Required item missing: ${label.en}. Orange asks for it in every request.`,
  );
}
