/**
 * The notes on addresses: private or Orange's addresses set aside, several reported recipients, an IP
 * read on the bounce's way back.
 */
import { note } from './note';

export const ADDRESS_NOTES = {
  privateLinkIp: (ip: string) =>
    note(
      'ip.private-in-link',
      `L’adresse ${ip} du lien de la réponse est privée : ce n’est pas l’adresse d’envoi (texte probablement anonymisé).`,
      `The address ${ip} in the reply's link is private: it is not the sending IP (the text was probably redacted).`,
    ),
  orangeNetworkIp: (ip: string) =>
    note(
      'ip.orange-network',
      `L’adresse ${ip} lue comme adresse d’envoi appartient au réseau d’Orange\u00a0: c’est un serveur d’Orange, pas l’adresse d’envoi dont le service abuse d’Orange a besoin\u00a0; elle n’a pas été reprise. Indiquez l’adresse IP publique de votre serveur d’envoi.`,
      `The address ${ip} read as a sending IP belongs to Orange's network: it is one of Orange's servers, not the sending address Orange's abuse desk needs; it was not kept. Give your sending server's public IP address.`,
    ),
  severalReportedRecipients: (domains: readonly string[]) =>
    note(
      'recipient.several-reported',
      `Le rapport de plainte nomme des destinataires de plusieurs domaines (${domains.join(', ')}) sans dire lequel s’est plaint\u00a0: le domaine du destinataire est laissé vide\u00a0; indiquez-le si vous le savez.`,
      `The complaint report names recipients under several domains (${domains.join(', ')}) without saying which one complained: the recipient domain is left empty; fill it in if you know it.`,
    ),
  ipFromBounceRoute: (ip: string) =>
    note(
      'ip.from-bounce-route',
      `L’adresse d’envoi ${ip} est celle d’où le rebond lui-même est reparti (vue par le serveur suivant) : c’est en général l’adresse du serveur qui a tenté la remise, mais vérifiez-la dans ses journaux s’il envoie par plusieurs adresses.`,
      `The sending IP ${ip} is the address the bounce itself left from (as the next server saw it): usually the address of the server that attempted the delivery, but check it in that server's logs if it sends from several addresses.`,
    ),
};
