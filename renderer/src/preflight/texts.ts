/** The pre-flight panel's own words, French and English (same keys, checked by type). */
import type { PreflightKind, PreflightStatus } from '../../../core/preflight/types';

const fr = {
  title: 'Vérifications préalables',
  intro:
    'DNS inverse, HELO, SPF, DMARC, DKIM et listes de blocage, vérifiés depuis cette machine avant d’écrire à Orange.',
  check: 'Vérifier',
  checkAgain: 'Vérifier à nouveau',
  running: 'Vérification en cours…',
  progress: '{done} sur {total} vérifications',
  progressLabel: 'Avancement des vérifications',
  nothing: 'Rien à vérifier : l’incident ne donne ni IP, ni nom d’hôte, ni domaine d’envoi.',
  dkimFound: 'DKIM : sélecteur « {selector} » du domaine {domain} (lu dans DKIM-Signature)',
  dkimSelector: 'Sélecteur DKIM (facultatif)',
  dkimDomain: 'Domaine DKIM',
  findings: 'À retenir',
  ticketLine: 'Ligne pour le ticket',
  links: 'Liens',
  noIssue: 'aucune',
  pending: 'en cours',
  planFailed: 'Les vérifications n’ont pas pu démarrer. Réessayez.',
  abusixKeySummary: 'Clé Abusix Mail Intelligence (facultative)',
  abusixKeySet: 'Clé Abusix Mail Intelligence : enregistrée',
  abusixKeyHelp:
    'Avec votre clé d’accès, la liste Abusix est interrogée par DNS comme les autres (la clé fait partie du nom demandé) ; sans clé, un lien permet de vérifier à la main. La clé est gardée dans les réglages de l’application, sur cet ordinateur.',
  abusixKeyLabel: 'Clé d’accès',
  abusixKeySave: 'Enregistrer la clé',
  abusixKeyRemove: 'Retirer la clé',
  abusixKeyInvalid:
    'Une clé ne contient que des lettres, des chiffres et des tirets (63 caractères au plus).',
} as const;

type Key = keyof typeof fr;

const en: Record<Key, string> = {
  title: 'Pre-flight checks',
  intro:
    'Reverse DNS, HELO, SPF, DMARC, DKIM and blocklists, checked from this machine before writing to Orange.',
  check: 'Check',
  checkAgain: 'Check again',
  running: 'Checking…',
  progress: '{done} of {total} checks',
  progressLabel: 'Checks progress',
  nothing: 'Nothing to check: the incident gives no sending IP, host name or domain.',
  dkimFound: 'DKIM: selector "{selector}" of {domain} (read from DKIM-Signature)',
  dkimSelector: 'DKIM selector (optional)',
  dkimDomain: 'DKIM domain',
  findings: 'Findings',
  ticketLine: 'Line for the ticket',
  links: 'Links',
  noIssue: 'none',
  pending: 'running',
  planFailed: 'The checks could not start. Try again.',
  abusixKeySummary: 'Abusix Mail Intelligence key (optional)',
  abusixKeySet: 'Abusix Mail Intelligence key: saved',
  abusixKeyHelp:
    'With your access key the Abusix list is queried by DNS like the others (the key is part of the name looked up); without one, a link lets you check by hand. The key is kept in the app’s settings, on this computer.',
  abusixKeyLabel: 'Access key',
  abusixKeySave: 'Save the key',
  abusixKeyRemove: 'Remove the key',
  abusixKeyInvalid: 'A key holds only letters, digits and hyphens (63 characters at most).',
};

export const STATUS_TEXT: Record<'fr' | 'en', Record<PreflightStatus | 'pending', string>> = {
  fr: {
    ok: 'OK',
    warning: 'À surveiller',
    failed: 'Échec',
    'could-not-check': 'Vérification impossible',
    manual: 'À vérifier à la main',
    pending: 'En cours',
  },
  en: {
    ok: 'OK',
    warning: 'Worth a look',
    failed: 'Failed',
    'could-not-check': 'Could not check',
    manual: 'Check by hand',
    pending: 'Running',
  },
};

export const KIND_TEXT: Record<'fr' | 'en', Record<PreflightKind, string>> = {
  fr: {
    ptr: 'DNS inverse (PTR)',
    helo: 'Nom HELO / hôte',
    spf: 'SPF',
    dmarc: 'DMARC',
    dkim: 'DKIM',
    dnsbl: 'Listes de blocage',
    cloudmark: 'Cloudmark',
    'orange-mx': 'DNS de cette machine (MX Orange)',
  },
  en: {
    ptr: 'Reverse DNS (PTR)',
    helo: 'HELO / host name',
    spf: 'SPF',
    dmarc: 'DMARC',
    dkim: 'DKIM',
    dnsbl: 'Blocklists',
    cloudmark: 'Cloudmark',
    'orange-mx': "This machine's DNS (Orange MX)",
  },
};

export const TEXTS: Record<'fr' | 'en', Record<Key, string>> = { fr, en };

export function say(lang: 'fr' | 'en', key: Key, params: Record<string, string | number> = {}): string {
  return TEXTS[lang][key].replace(/\{(\w{1,20})\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}
