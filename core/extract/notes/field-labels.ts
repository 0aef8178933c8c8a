/** The fields' names as the notes write them, in French (with its agreement) and English. */
import type { FieldName } from '../../types';

/** Each label with the agreement French needs: « la date … n’a pas été trouvée », « le domaine … trouvé ». */
export const FIELD_LABELS: Record<FieldName, { fr: string; feminine: boolean; en: string }> = {
  occurredAt: { fr: 'la date de l’incident', feminine: true, en: 'the date of the incident' },
  sendingIps: { fr: 'l’adresse IP d’envoi', feminine: true, en: 'the sending IP address' },
  sendingHosts: { fr: 'le nom du serveur d’envoi', feminine: false, en: 'the sending host name' },
  sendingDomain: { fr: 'le domaine d’envoi', feminine: false, en: 'the sending domain' },
  recipientDomain: { fr: 'le domaine du destinataire', feminine: false, en: 'the recipient domain' },
  remoteHost: { fr: 'le serveur qui a refusé', feminine: false, en: 'the rejecting host' },
  remoteIp: {
    fr: 'l’adresse IP du serveur qui a refusé',
    feminine: true,
    en: 'the rejecting host’s IP address',
  },
  reply: { fr: 'la réponse SMTP', feminine: true, en: 'the SMTP reply' },
  orange: { fr: 'le code Orange', feminine: false, en: 'the Orange code' },
};

/** `text` with its first letter in capitals (« la date » → « La date »). */
export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
