/**
 * The notes on addresses: private or Orange's addresses set aside, several reported recipients, an IP
 * read on the bounce's way back (or set aside there, of another family than the remote's).
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
  /**
   * The bounce's way back gave an address of another family than the remote's: the refused delivery went
   * over the remote's family (an IPv6 remote, Gmail's `[2404:6800:...]`, saw an IPv6 client), so that address
   * is none the remote saw.
   */
  bounceRouteOtherFamily: (ip: string, remote: string) => {
    const [mine, theirs] = remote.includes(':') ? ['IPv4', 'IPv6'] : ['IPv6', 'IPv4'];
    return note(
      'ip.bounce-route-other-family',
      `Le rebond est reparti de l’adresse ${ip} (${mine}), mais la remise refusée visait l’adresse ${theirs} du serveur distant, ${remote}\u00a0: celui-ci a vu une adresse ${theirs} du serveur d’envoi, que l’avis ne donne pas. Reprenez-la dans les journaux du serveur d’envoi.`,
      `The bounce left from ${ip} (${mine}), but the refused delivery went to the remote's ${theirs} address, ${remote}: the remote saw an ${theirs} address of the sending server, which the notice does not give. Take it from the sending server's logs.`,
    );
  },
  ipFromSpfVerdict: (ip: string, helo: string, receiver: string) =>
    note(
      'ip.from-spf-verdict',
      `L’adresse d’envoi ${ip} et le nom ${helo} sont ceux que le contrôle SPF du serveur destinataire (${receiver}) a relevés à l’arrivée du message (l’en-tête Received-SPF de la copie renvoyée)\u00a0; la copie ne garde pas la ligne Received de ce passage. Vérifiez-les dans les journaux de votre serveur d’envoi.`,
      `The sending IP ${ip} and the name ${helo} are those the receiving server's SPF check (${receiver}) recorded when the message arrived (the returned copy's Received-SPF header); the copy keeps no Received line of that hop. Check them in your sending server's logs.`,
    ),
  noticeToWithoutAddress: (value: string) =>
    note(
      'sender.notice-to-without-address',
      `L’avis de non-remise a été envoyé à «\u00a0${value}\u00a0» (sa ligne «\u00a0À\u00a0:\u00a0»), sans une adresse unique\u00a0: le domaine d’envoi est celui de l’adresse qui a envoyé le message refusé, à laquelle l’avis est revenu\u00a0; indiquez-le.`,
      `The notice was sent to "${value}" (its To line), without one single address: the sending domain is that of the address the refused message was sent from, to which the notice came back; fill it in.`,
    ),
  exchangeOnlineRelay: (onPremises: string | null) =>
    note(
      'sender.exchange-online-relay',
      `Le message est passé par Exchange Online (Microsoft\u00a0365)${onPremises ? `, qui l’a reçu de votre serveur ${onPremises},` : ''} et c’est Exchange Online qui l’a remis\u00a0: le serveur qui a refusé a vu l’un des serveurs sortants partagés de Microsoft (*.outbound.protection.outlook.com), ${onPremises ? 'ni votre serveur ni ' : 'pas '}le serveur d’Exchange Online qui a écrit l’avis. Si la réponse ne donne pas son adresse, le suivi des messages d’Exchange Online (trace de message) la donne.`,
      `The message went through Exchange Online (Microsoft 365)${onPremises ? `, which received it from your server ${onPremises},` : ''} and Exchange Online delivered it: the refusing server saw one of Microsoft's shared outbound servers (*.outbound.protection.outlook.com), ${onPremises ? 'neither your server nor ' : 'not '}the Exchange Online server that wrote the notice. If the reply does not give its address, Exchange Online's message trace does.`,
    ),
  microsoftSharedOutbound: (host: string) =>
    note(
      'sender.microsoft-shared-outbound',
      `${host} est un serveur sortant d’Exchange Online Protection (Microsoft\u00a0365), ou l’une de ses adresses\u00a0: ces adresses sont partagées entre les clients de Microsoft. Le ticket doit dire que le message a été envoyé par Microsoft\u00a0365 depuis une adresse partagée de Microsoft, pas depuis un serveur à vous.`,
      `${host} is an Exchange Online Protection (Microsoft 365) outbound server, or one of its addresses: these addresses are shared among Microsoft's customers. The ticket should say the message was sent through Microsoft 365 from a shared Microsoft address, not from a server of your own.`,
    ),
};
