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

/** The reply's name in another provider's refusal (FIELD_LABELS.reply is Orange's). */
const REPLY_ELSEWHERE: Localized = { fr: 'réponse SMTP du serveur', en: "the server's SMTP reply" };

/**
 * A required item's absence. Orange asks for it in every request; for another provider's refusal
 * (`orange` false) the reason is given without naming Orange, whose desk is not the one to ask.
 */
export function missing(field: FieldName, orange = true): Verdict {
  const label = !orange && field === 'reply' ? REPLY_ELSEWHERE : FIELD_LABELS[field];
  const fr = `Élément obligatoire manquant : ${typographicApostrophes(label.fr)}.`;
  const en = `Required item missing: ${label.en}.`;
  return orange
    ? error(`${fr} Orange le demande dans chaque signalement.`, `${en} Orange asks for it in every request.`)
    : error(`${fr} Tout signalement d’un refus en a besoin.`, `${en} Any report of a refusal needs it.`);
}
