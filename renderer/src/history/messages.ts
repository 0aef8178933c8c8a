/** The history view's own words, in French and English. */
import type { Status } from '../../../electron/services/history/schema';
import { countEn, countFr } from '../i18n/plural';

export type HistoryLang = 'fr' | 'en';

export interface HistoryMessages {
  title: string;
  search: string;
  searchHint: string;
  filters: string;
  status: string;
  anyStatus: string;
  statusName: Record<Status, string>;
  /** The one-click next step from each status (null: none). */
  nextStep: Record<Status, string | null>;
  reason: string;
  anyReason: string;
  from: string;
  to: string;
  /** The date fields' format, said beside them: « Format : jj/mm/aaaa ». */
  dateFormat(hint: string): string;
  dateInvalid(hint: string, example: string): string;
  /** The calendar button beside a date field, named after it: « Du : choisir dans le calendrier ». */
  datePick(field: string): string;
  clearFilters: string;
  count(total: number, shown: number): string;
  empty: string;
  noMatch: string;
  loading: string;
  columns: { date: string; ips: string; domain: string; reply: string; status: string; actions: string };
  open: string;
  remove: string;
  removed: string;
  undo: string;
  dismiss: string;
  sentOn(date: string): string;
  ticketRef(ref: string): string;
  exportCsv: string;
  exportJson: string;
  exported(count: number, filename: string): string;
  importJson: string;
  imported(added: number, updated: number, skipped: number, invalid: number): string;
  failed(detail: string): string;
  chartTitle: string;
  chartBy: string;
  chartByIp: string;
  chartByReason: string;
  chartEmpty: string;
  chartSummary(weeks: number, total: number): string;
  weekOf(date: string): string;
  other: string;
  none: string;
  recurrenceIp(ip: string, count: number, days: number): string;
  recurrenceDomain(domain: string, count: number, days: number): string;
  recurrenceLink(n: number): string;
  storeNoticeTitle: string;
  readOnly: string;
  more: string;
  narrow: string;
}

export const MESSAGES: Record<HistoryLang, HistoryMessages> = {
  fr: {
    title: 'Historique des incidents',
    search: 'Rechercher',
    searchHint: 'IP, domaine, hôte, code, numéro de motif (ex. [102]), texte, notes',
    filters: 'Filtres',
    status: 'Statut',
    anyStatus: 'Tous les statuts',
    statusName: { draft: 'Brouillon', sent: 'Envoyé', resolved: 'Résolu', closed: 'Clos' },
    nextStep: { draft: 'Marquer envoyé', sent: 'Marquer résolu', resolved: 'Clore', closed: null },
    reason: 'Motif Orange',
    anyReason: 'Tous les motifs',
    from: 'Du',
    to: 'Au',
    dateFormat: (hint) => `Format : ${hint}`,
    dateInvalid: (hint, example) =>
      `Date non reconnue : écrivez-la ${hint} (par exemple ${example}). Ce filtre n’est pas appliqué.`,
    datePick: (field) => `${field} : choisir dans le calendrier`,
    clearFilters: 'Effacer les filtres',
    count: (total, shown) =>
      total === shown ? countFr(total, 'incident', 'incidents') : `${shown} incidents affichés sur ${total}`,
    empty: 'L’historique est vide : enregistrez un incident pour le retrouver ici.',
    noMatch: 'Aucun incident ne correspond à cette recherche.',
    loading: 'Chargement…',
    columns: {
      date: 'Date',
      ips: 'IP d’envoi',
      domain: 'Domaine',
      // Neutral: the history also keeps other providers' refusals (core/orange/other-provider.ts).
      reply: 'Réponse du serveur',
      status: 'Statut',
      actions: 'Actions',
    },
    open: 'Ouvrir',
    remove: 'Supprimer',
    removed: 'Incident supprimé.',
    undo: 'Annuler',
    dismiss: 'Fermer',
    sentOn: (date) => `envoyé le ${date}`,
    ticketRef: (ref) => `ticket Orange ${ref}`,
    exportCsv: 'Exporter en CSV',
    exportJson: 'Exporter en JSON',
    exported: (count, filename) =>
      `${countFr(count, 'incident exporté', 'incidents exportés')} dans ${filename}.`,
    importJson: 'Importer un JSON',
    imported: (added, updated, skipped, invalid) =>
      `Import : ${countFr(added, 'incident ajouté', 'incidents ajoutés')}, ${updated} mis à jour, ${countFr(skipped, 'ignoré', 'ignorés')} (copie locale identique ou plus récente), ${countFr(invalid, 'invalide', 'invalides')}.`,
    failed: (detail) => `Échec : ${detail}`,
    chartTitle: 'Incidents par semaine',
    chartBy: 'Regrouper par',
    chartByIp: 'IP',
    chartByReason: 'motif',
    chartEmpty: 'Aucun incident ces dernières semaines.',
    chartSummary: (weeks, total) =>
      `${countFr(total, 'incident', 'incidents')} sur les ${weeks} dernières semaines`,
    weekOf: (date) => `semaine du ${date}`,
    other: 'autres',
    none: 'inconnue',
    recurrenceIp: (ip, count, days) =>
      `Cette IP (${ip}) a déjà été bloquée par Orange ${countFr(count, 'fois', 'fois')} ces ${days} derniers jours.`,
    recurrenceDomain: (domain, count, days) =>
      `Le domaine ${domain} apparaît déjà dans ${countFr(count, 'incident', 'incidents')} ces ${days} derniers jours.`,
    recurrenceLink: (n) => `incident ${n}`,
    storeNoticeTitle: 'À propos du fichier d’historique',
    readOnly: 'L’enregistrement est désactivé pour protéger le fichier existant.',
    more: 'Afficher plus',
    narrow: 'Affinez la recherche ou les filtres pour voir les autres incidents.',
  },
  en: {
    title: 'Incident history',
    search: 'Search',
    searchHint: 'IP, domain, host, code, reason number (e.g. [102]), text, notes',
    filters: 'Filters',
    status: 'Status',
    anyStatus: 'Any status',
    statusName: { draft: 'Draft', sent: 'Sent', resolved: 'Resolved', closed: 'Closed' },
    nextStep: { draft: 'Mark sent', sent: 'Mark resolved', resolved: 'Close', closed: null },
    reason: 'Orange reason',
    anyReason: 'Any reason',
    from: 'From',
    to: 'To',
    dateFormat: (hint) => `Format: ${hint}`,
    dateInvalid: (hint, example) =>
      `Date not recognised: write it ${hint} (for example ${example}). This filter is not applied.`,
    datePick: (field) => `${field}: pick from a calendar`,
    clearFilters: 'Clear filters',
    count: (total, shown) =>
      total === shown ? countEn(total, 'incident', 'incidents') : `${shown} of ${total} incidents shown`,
    empty: 'The history is empty: save an incident to find it here.',
    noMatch: 'No incident matches this search.',
    loading: 'Loading…',
    columns: {
      date: 'Date',
      ips: 'Sending IP',
      domain: 'Domain',
      reply: 'Server’s reply',
      status: 'Status',
      actions: 'Actions',
    },
    open: 'Open',
    remove: 'Delete',
    removed: 'Incident deleted.',
    undo: 'Undo',
    dismiss: 'Dismiss',
    sentOn: (date) => `sent on ${date}`,
    ticketRef: (ref) => `Orange ticket ${ref}`,
    exportCsv: 'Export CSV',
    exportJson: 'Export JSON',
    exported: (count, filename) => `${countEn(count, 'incident', 'incidents')} exported to ${filename}.`,
    importJson: 'Import JSON',
    imported: (added, updated, skipped, invalid) =>
      `Import: ${added} added, ${updated} updated, ${skipped} skipped (local copy the same or newer), ${invalid} invalid.`,
    failed: (detail) => `Failed: ${detail}`,
    chartTitle: 'Incidents per week',
    chartBy: 'Group by',
    chartByIp: 'IP',
    chartByReason: 'reason',
    chartEmpty: 'No incident in the last weeks.',
    chartSummary: (weeks, total) => `${countEn(total, 'incident', 'incidents')} over the last ${weeks} weeks`,
    weekOf: (date) => `week of ${date}`,
    other: 'other',
    none: 'unknown',
    recurrenceIp: (ip, count, days) =>
      `This IP (${ip}) was already blocked by Orange ${countEn(count, 'time', 'times')} in the last ${days} days.`,
    recurrenceDomain: (domain, count, days) =>
      `The domain ${domain} already appears in ${countEn(count, 'incident', 'incidents')} in the last ${days} days.`,
    recurrenceLink: (n) => `incident ${n}`,
    storeNoticeTitle: 'About the history file',
    readOnly: 'Saving is disabled to protect the existing file.',
    more: 'Show more',
    narrow: 'Narrow the search or the filters to see the other incidents.',
  },
};

/** The message of an error from the API: the history store's errors carry both languages. */
export function errorText(error: unknown, lang: HistoryLang): string {
  const text = (error as { text?: { fr?: unknown; en?: unknown } } | null)?.text;
  if (text && typeof text[lang] === 'string') return text[lang] as string;
  const message = error instanceof Error ? error.message : String(error);
  // Over IPC only the message survives: "history <code>: <en> / <fr>".
  const match = /history [a-z-]+: (.*) \/ (.*)$/s.exec(message);
  if (match) return (lang === 'en' ? match[1] : match[2]) ?? message;
  return message;
}
