/** The large-log view's own words, in French and English. */
import type { GroupKind } from '../../../core/summary';
import { countEn, countFr } from '../i18n/plural';

export type ViewLang = 'fr' | 'en';

export interface LargeLogMessages {
  title: string;
  intro: string;
  choose: string;
  dropHere: string;
  reading: string;
  progress(read: string, total: string | null, incidents: string, eta: string | null): string;
  cancel: string;
  cancelling: string;
  cancelled: string;
  /** While the scan starts, before the worker's first figures. */
  starting: string;
  /** Cancelled before the worker's first figures: none to show, not « 0 incidents ». */
  cancelledBeforeData: string;
  failed(detail: string): string;
  unsupported: string;
  totals(lines: string, orange: string, groups: string, others: string, elapsed: string): string;
  windowNote(hours: number): string;
  undated(n: string): string;
  ungrouped(n: string): string;
  groupsHeading: string;
  filter: string;
  filterHint: string;
  noMatch: string;
  noOrange: string;
  columns: {
    ip: string;
    reason: string;
    first: string;
    last: string;
    count: string;
    reply: string;
    action: string;
  };
  unknownIp: string;
  /** Shown before a host name standing in for a missing IP. */
  hostPrefix: string;
  noReason: string;
  kind: Record<GroupKind, string>;
  triggeredBy: string;
  noTrigger: string;
  untriggered(n: string): string;
  exampleLine(line: string): string;
  /** Under a date whose year the log did not give. */
  yearAssumed: string;
  useGroup: string;
  groupButtonLabel(ip: string, reason: string): string;
  showAll(n: string): string;
  timelineHeading: string;
  timelineLabel(ip: string, total: string): string;
  legend: { deferred: string; bounced: string; suspended: string };
  bucket(start: string, deferred: string, bounced: string, suspended: string): string;
  othersHeading: string;
  noOthers: string;
  provider: string;
  deferredCol: string;
  bouncedCol: string;
  bytes(n: number): string;
  duration(ms: number): string;
}

const frNumber = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const enNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

function bytesIn(units: readonly string[], format: Intl.NumberFormat) {
  return (n: number) => {
    let value = n;
    let unit = 0;
    while (value >= 1000 && unit < units.length - 1) {
      value /= 1000;
      unit += 1;
    }
    return `${format.format(value)} ${units[unit]}`;
  };
}

function durationIn(format: Intl.NumberFormat, s: string, min: string, h: string, under: string) {
  return (ms: number) => {
    // Tenths under 10 s: a small log is read in well under a second, and "0 s" reads as nothing done;
    // under a twentieth of a second, not even a tenth: "under 0.1 s".
    if (ms > 0 && ms < 50) return `${under} ${format.format(0.1)} ${s}`;
    if (ms < 9950) return `${format.format(Math.max(0, Math.round(ms / 100) / 10))} ${s}`;
    const seconds = Math.round(ms / 1000);
    if (seconds < 60) return `${seconds} ${s}`;
    const minutes = Math.round(seconds / 60);
    if (minutes < 60) return `${minutes} ${min}`;
    const rest = minutes % 60;
    return rest === 0 ? `${minutes / 60} ${h}` : `${Math.floor(minutes / 60)} ${h} ${rest} ${min}`;
  };
}

/** The count as formatted (`1 234`, `1,234`) read back as a number. */
function countOf(formatted: string): number {
  return Number(formatted.replace(/[^\d]/g, '')) || 0;
}

/** The count as formatted, with its noun in French's number (see i18n/plural.ts). */
const fr = (formatted: string, one: string, other: string) =>
  countFr(countOf(formatted), one, other, formatted);

/** The count as formatted, with its noun in English's number. */
const en = (formatted: string, one: string, other: string) =>
  countEn(countOf(formatted), one, other, formatted);

const FR: LargeLogMessages = {
  title: 'Journaux volumineux',
  intro:
    'Ouvrez ou déposez un journal de serveur de messagerie (mail.log, fichier de comptabilité PowerMTA, segment KumoMTA, .gz et .zst acceptés) ou un export d’événements en JSON (ESP, réponse de recherche Kibana) : il est lu en flux, hors de l’interface, et résumé.',
  choose: 'Choisir un journal',
  dropHere: 'ou déposez-le ici',
  reading: 'Lecture du journal',
  progress: (read, total, incidents, eta) =>
    `${read}${total ? ` sur ${total}` : ''} lus · ${fr(incidents, 'incident Orange', 'incidents Orange')}${eta ? ` · encore environ ${eta}` : ''}`,
  cancel: 'Annuler',
  cancelling: 'Annulation…',
  cancelled: 'Lecture annulée.',
  starting: 'Ouverture du journal…',
  cancelledBeforeData: 'Lecture annulée : rien n’avait encore été lu.',
  failed: (detail) => `Impossible de lire ce fichier (${detail}).`,
  unsupported: 'Ce navigateur ne sait pas lire un fichier en flux dans un worker.',
  totals: (lines, orange, groups, others, elapsed) =>
    `${fr(lines, 'ligne lue', 'lignes lues')} en ${elapsed} : ${fr(orange, 'incident Orange', 'incidents Orange')} en ${fr(groups, 'groupe', 'groupes')}, ${fr(others, 'rejet', 'rejets')} d’autres fournisseurs.`,
  windowNote: (hours) =>
    `Un groupe réunit les incidents d’une même IP et d’un même motif ; après ${hours} h sans incident, un nouveau groupe commence.`,
  undated: (n) => `${fr(n, 'incident', 'incidents')} sans date (dans les groupes, hors chronologie).`,
  ungrouped: (n) => `${fr(n, 'incident compté', 'incidents comptés')} mais hors groupes (trop de groupes).`,
  groupsHeading: 'Incidents Orange',
  filter: 'Filtrer les groupes',
  filterHint: 'IP, hôte, motif ou code Orange ; utilisable pendant la lecture',
  noMatch: 'Aucun groupe ne correspond au filtre.',
  noOrange: 'Aucun rejet d’Orange dans ce journal.',
  columns: {
    ip: 'IP d’envoi',
    reason: 'Motif',
    first: 'Premier',
    last: 'Dernier',
    count: 'Nombre',
    reply: 'Exemple de réponse',
    action: 'Action',
  },
  unknownIp: 'IP inconnue',
  hostPrefix: 'hôte',
  noReason: 'sans code',
  kind: { deferral: 'refus temporaire', bounce: 'refus définitif', suspension: 'suspension', other: 'autre' },
  triggeredBy: 'Déclenchée par :',
  noTrigger: 'aucune erreur antérieure trouvée pour cette IP',
  untriggered: (n) => `${n} sans erreur antérieure`,
  exampleLine: (line) => `ligne ${line}`,
  yearAssumed: 'année supposée',
  useGroup: 'Utiliser ce groupe',
  groupButtonLabel: (ip, reason) => `Utiliser ce groupe (${ip}, motif ${reason})`,
  showAll: (n) => `Afficher les ${n} groupes`,
  timelineHeading: 'Chronologie par IP',
  timelineLabel: (ip, total) => `Chronologie de ${ip} : ${fr(total, 'incident Orange', 'incidents Orange')}`,
  legend: {
    deferred: 'refus temporaires (4xx)',
    bounced: 'refus définitifs (5xx)',
    suspended: 'suspensions (999)',
  },
  bucket: (start, d, b, s) =>
    `${start} : ${fr(d, 'refus temporaire', 'refus temporaires')}, ${fr(b, 'refus définitif', 'refus définitifs')}, ${fr(s, 'suspension', 'suspensions')}`,
  othersHeading: 'Autres fournisseurs (comptés à part)',
  noOthers: 'Aucun rejet d’un autre fournisseur.',
  provider: 'Fournisseur',
  deferredCol: 'Refus temporaires (4xx)',
  bouncedCol: 'Refus définitifs (5xx)',
  bytes: bytesIn(['o', 'ko', 'Mo', 'Go'], frNumber),
  duration: durationIn(frNumber, 's', 'min', 'h', 'moins de'),
};

const EN: LargeLogMessages = {
  title: 'Large logs',
  intro:
    'Open or drop a mail server log (mail.log, PowerMTA accounting file, KumoMTA segment, .gz and .zst accepted) or a JSON export of events (an ESP’s, a Kibana search response): it is read as a stream, off the interface, and summarised.',
  choose: 'Choose a log',
  dropHere: 'or drop it here',
  reading: 'Reading the log',
  progress: (read, total, incidents, eta) =>
    `${read}${total ? ` of ${total}` : ''} read · ${en(incidents, 'Orange incident', 'Orange incidents')}${eta ? ` · about ${eta} left` : ''}`,
  cancel: 'Cancel',
  cancelling: 'Cancelling…',
  cancelled: 'Scan cancelled.',
  starting: 'Opening the log…',
  cancelledBeforeData: 'Scan cancelled: nothing had been read yet.',
  failed: (detail) => `Could not read this file (${detail}).`,
  unsupported: 'This browser cannot stream a file in a worker.',
  totals: (lines, orange, groups, others, elapsed) =>
    `${en(lines, 'line', 'lines')} read in ${elapsed}: ${en(orange, 'Orange incident', 'Orange incidents')} in ${en(groups, 'group', 'groups')}, ${en(others, 'rejection', 'rejections')} by other providers.`,
  windowNote: (hours) =>
    `A group gathers the incidents of one IP and one reason; after ${hours} h without one, a new group starts.`,
  undated: (n) => `${en(n, 'incident', 'incidents')} without a date (in the groups, not on the timeline).`,
  ungrouped: (n) => `${en(n, 'incident', 'incidents')} counted but in no group (too many groups).`,
  groupsHeading: 'Orange incidents',
  filter: 'Filter the groups',
  filterHint: 'IP, host, reason or Orange code; usable during the scan',
  noMatch: 'No group matches the filter.',
  noOrange: 'No Orange rejection in this log.',
  columns: {
    ip: 'Sending IP',
    reason: 'Reason',
    first: 'First seen',
    last: 'Last seen',
    count: 'Count',
    reply: 'Example reply',
    action: 'Action',
  },
  unknownIp: 'unknown IP',
  hostPrefix: 'host',
  noReason: 'no code',
  kind: { deferral: 'temporary', bounce: 'permanent', suspension: 'suspension', other: 'other' },
  triggeredBy: 'Triggered by:',
  noTrigger: 'no earlier error found for this IP',
  untriggered: (n) => `${n} without an earlier error`,
  exampleLine: (line) => `line ${line}`,
  yearAssumed: 'year assumed',
  useGroup: 'Use this group',
  groupButtonLabel: (ip, reason) => `Use this group (${ip}, reason ${reason})`,
  showAll: (n) => `Show all ${n} groups`,
  timelineHeading: 'Timeline per IP',
  timelineLabel: (ip, total) => `Timeline of ${ip}: ${en(total, 'Orange incident', 'Orange incidents')}`,
  legend: {
    deferred: 'temporary rejections (4xx)',
    bounced: 'permanent rejections (5xx)',
    suspended: 'suspensions (999)',
  },
  bucket: (start, d, b, s) =>
    `${start}: ${en(d, 'temporary rejection', 'temporary rejections')}, ${en(b, 'permanent rejection', 'permanent rejections')}, ${en(s, 'suspension', 'suspensions')}`,
  othersHeading: 'Other providers (counted aside)',
  noOthers: 'No rejection by another provider.',
  provider: 'Provider',
  deferredCol: 'Temporary (4xx)',
  bouncedCol: 'Permanent (5xx)',
  bytes: bytesIn(['B', 'kB', 'MB', 'GB'], enNumber),
  duration: durationIn(enNumber, 's', 'min', 'h', 'under'),
};

export const MESSAGES: Record<ViewLang, LargeLogMessages> = { fr: FR, en: EN };

export function formatCount(lang: ViewLang, n: number): string {
  return (lang === 'fr' ? frNumber : enNumber).format(n);
}
