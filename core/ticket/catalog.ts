/**
 * Every sentence of the ticket, in French (the language of Orange's form) and English (for the sender's
 * records). Both catalogues have the same keys; `_one`/`_other` keys are plural forms.
 * French typography: the space before « : » and « ? » is written as a plain space here and becomes a
 * non-breaking space (U+00A0) when the text is built. The templates stay within Latin-1 so that the
 * text survives whatever encoding the form uses. The `warn.*` sentences are shown in the interface only:
 * their apostrophes become ’ when they are built (build.ts, warning()).
 */

export const FR = {
  'subject.liftBlock': 'Demande de levée de blocage',
  'subject.contentRejection': 'Messages rejetés comme spam présumé',
  'subject.connectionLimits': 'Refus temporaires de connexion',
  'subject.temporaryRejection': 'Refus temporaires de nos messages',
  'subject.afterDelisting': 'Refus persistant après demande de retrait de liste de blocage',
  'subject.afterCloudmarkReset': 'Refus persistant après demande de réinitialisation Cloudmark',
  'subject.suspension': "Suspension persistante malgré l'interruption de nos envois",
  'subject.afterFix': 'Vérification après correction de configuration',
  'subject.generic': 'Refus de nos messages',
  'subject.moreIps_one': '{ips} et {n} autre',
  'subject.moreIps_other': '{ips} et {n} autres',
  greeting: 'Bonjour,',
  'situation.liftBlock_one':
    "Nos messages vers les adresses Orange et Wanadoo sont refusés : votre serveur indique que notre adresse IP d'envoi est bloquée par Orange{codes}.",
  'situation.liftBlock_other':
    "Nos messages vers les adresses Orange et Wanadoo sont refusés : votre serveur indique que nos adresses IP d'envoi sont bloquées par Orange{codes}.",
  'situation.contentRejection':
    'Nos messages vers les adresses Orange et Wanadoo sont rejetés comme spam présumé{codes}.',
  'situation.connectionLimits_one':
    "Votre serveur refuse temporairement les connexions de notre adresse IP d'envoi{codes}.",
  'situation.connectionLimits_other':
    "Votre serveur refuse temporairement les connexions de nos adresses IP d'envoi{codes}.",
  'situation.temporaryRejection_one':
    "Votre serveur refuse temporairement les messages envoyés depuis notre adresse IP d'envoi{codes}.",
  'situation.temporaryRejection_other':
    "Votre serveur refuse temporairement les messages envoyés depuis nos adresses IP d'envoi{codes}.",
  'situation.afterDelistingIp_one':
    "Votre serveur refuse nos messages en raison de l'inscription de notre adresse IP d'envoi sur une liste de blocage{codes} ; nous en avons demandé le retrait auprès {lists}, mais le refus persiste.",
  'situation.afterDelistingIp_other':
    "Votre serveur refuse nos messages en raison de l'inscription de nos adresses IP d'envoi sur une liste de blocage{codes} ; nous en avons demandé le retrait auprès {lists}, mais le refus persiste.",
  'situation.afterDelistingDomain':
    "Votre serveur refuse nos messages en raison de l'inscription de notre domaine d'envoi sur une liste de blocage{codes} ; nous en avons demandé le retrait auprès {lists}, mais le refus persiste.",
  'situation.afterCloudmarkReset_one':
    "Votre serveur refuse nos messages en raison de la réputation de notre adresse IP d'envoi auprès de Cloudmark{codes} ; nous en avons demandé la réinitialisation à Cloudmark, mais le refus persiste.",
  'situation.afterCloudmarkReset_other':
    "Votre serveur refuse nos messages en raison de la réputation de nos adresses IP d'envoi auprès de Cloudmark{codes} ; nous en avons demandé la réinitialisation à Cloudmark, mais le refus persiste.",
  'situation.suspension_one':
    "Votre serveur a suspendu notre adresse IP d'envoi{codes}. Nous avons interrompu nos envois vers Orange pendant plus de deux heures, mais la suspension persiste.",
  'situation.suspension_other':
    "Votre serveur a suspendu nos adresses IP d'envoi{codes}. Nous avons interrompu nos envois vers Orange pendant plus de deux heures, mais la suspension persiste.",
  'situation.afterFix':
    "Votre serveur refusait nos messages en raison d'un problème de configuration de notre côté{codes} ; nous l'avons corrigé et souhaitons vérifier qu'aucun blocage ne subsiste.",
  'situation.generic_one':
    'Votre serveur refuse nos messages vers les adresses Orange et Wanadoo avec la réponse reproduite ci-dessous{codes}.',
  'situation.generic_other':
    'Votre serveur refuse nos messages vers les adresses Orange et Wanadoo avec les réponses reproduites ci-dessous{codes}.',
  'situation.notOrange_one': 'Nos messages ont été refusés avec la réponse reproduite ci-dessous{codes}.',
  'situation.notOrange_other':
    'Nos messages ont été refusés avec les réponses reproduites ci-dessous{codes}.',
  'codes.one': ' (code {codes})',
  'codes.other': ' (codes {codes})',
  'list.and': ' et ',
  trigger:
    'La suspension de notre adresse IP{codes} fait suite à un refus antérieur de votre serveur{date} :',
  'trigger.date': ', le {date}',
  'trigger.listed':
    'La suspension de notre adresse IP{codes} fait suite à un refus antérieur de votre serveur (incident {n} ci-dessous).',
  itemsIntro: 'Voici les éléments demandés :',
  'itemsIntro.notOrange': "Voici les éléments de l'incident :",
  // No elision here, so no apostrophe: the ticket's text keeps to Latin-1, which has no ’.
  sharedOutbound_one:
    'Nos messages sont partis par les serveurs sortants partagés de Microsoft\u00a0365 : leur adresse IP est celle de Microsoft, commune à ses clients, et non la nôtre.',
  sharedOutbound_other:
    'Nos messages sont partis par les serveurs sortants partagés de Microsoft\u00a0365 : leurs adresses IP sont celles de Microsoft, communes à ses clients, et non les nôtres.',
  'label.date_one': "Date de l'incident",
  'label.date_other': 'Dates des incidents',
  'label.ips_one': "Adresse IP d'envoi",
  'label.ips_other': "Adresses IP d'envoi",
  'label.hosts_one': "Nom d'hôte d'envoi",
  'label.hosts_other': "Noms d'hôte d'envoi",
  'label.domain_one': "Domaine d'envoi",
  'label.domain_other': "Domaines d'envoi",
  'label.reply_one': "Réponse SMTP d'Orange",
  'label.reply_other': "Réponses SMTP d'Orange",
  'label.incidents': "Dates des incidents et réponses SMTP d'Orange",
  'label.replyReceived_one': 'Réponse SMTP reçue',
  'label.replyReceived_other': 'Réponses SMTP reçues',
  'label.incidentsReceived': 'Dates des incidents et réponses SMTP reçues',
  'incident.ip': ', IP {ip}',
  moreIncidents_one: "{n} autre refus semblable n'est pas reproduit ici.",
  moreIncidents_other: '{n} autres refus semblables ne sont pas reproduits ici.',
  'context.intro': 'Informations complémentaires :',
  'context.company': 'Société : {value}',
  'context.dailyVolume': 'Volume quotidien vers Orange : {value}',
  'context.collectionMethod': 'Collecte des adresses : {value}',
  'context.signalSpamYes': 'Membre de Signal Spam : oui',
  'context.signalSpamNo': 'Membre de Signal Spam : non',
  'context.actionsTaken': 'Mesures correctives prises : {value}',
  'context.preflight': 'Vérifications techniques : {value}',
  'request.liftBlock':
    "Pourriez-vous examiner notre situation et lever ce blocage, ou nous indiquer ce qu'il nous reste à corriger ?",
  'request.contentRejection':
    'Pourriez-vous réexaminer la situation de nos envois, ou nous indiquer ce qui pose problème ?',
  'request.connectionLimits':
    "Pourriez-vous nous indiquer l'origine de cette restriction et les limites à respecter (connexions simultanées, messages par connexion) ?",
  'request.temporaryRejection':
    "Pourriez-vous nous indiquer l'origine de ces refus temporaires et les limites à respecter (débit, messages par connexion) ?",
  'request.temporaryRejectionAfterData':
    "Pourriez-vous nous indiquer l'origine de ces refus temporaires, et ce que nous devrions modifier de notre côté ?",
  'request.afterDelisting':
    'Pourriez-vous vérifier si un blocage subsiste de votre côté et, le cas échéant, le lever ?',
  'request.suspension':
    "Pourriez-vous nous indiquer la cause de cette suspension et la lever ou, à défaut, nous dire ce qu'il nous reste à corriger ?",
  'request.afterFix':
    'Pourriez-vous vérifier si un blocage subsiste de votre côté et, le cas échéant, le lever ?',
  'request.generic_one': 'Pourriez-vous nous indiquer la cause de ce refus et ce que nous devons corriger ?',
  'request.generic_other':
    'Pourriez-vous nous indiquer la cause de ces refus et ce que nous devons corriger ?',
  'closing.available': "Nous restons à votre disposition pour tout complément d'information.",
  'closing.thanks': "Merci d'avance pour votre aide.",
  'closing.regards': 'Cordialement,',
  'date.format': '{day} à {time} (UTC{offset})',
  'date.formatInline': '{day} à {time} UTC{offset}',
  'date.noZone': '{day} à {time}',
  'date.dayPattern': 'EEEE do MMMM yyyy',
  missing: '[à compléter : {label}]',
  'missing.zone': 'fuseau horaire',
  'missing.datesAll': 'dates et heures des incidents',
  'missing.datesSome': 'date et heure de certains incidents',
  'warn.missing':
    "Éléments obligatoires manquants : {list}. Remplacez les marqueurs « [à compléter : ...] » avant l'envoi.",
  'warn.noZone':
    "La date {date} n'indique pas de fuseau horaire : précisez-le, Orange en a besoin pour retrouver l'incident.",
  'warn.badDate': "La date « {date} » n'a pas pu être lue : elle est reproduite telle quelle.",
  'warn.assumedZone':
    "La date {date} a été lue dans un fuseau horaire supposé (le texte n'en indiquait pas) : vérifiez-la avant l'envoi.",
  'warn.assumedZones':
    "Les dates de {n} incidents ont été lues dans un fuseau horaire supposé (le texte n'en indiquait pas) : vérifiez-les avant l'envoi.",
  'warn.maskedReply':
    "La réponse citée contient une adresse masquée (« {masked} ») : remettez la valeur réelle avant l'envoi, Orange en a besoin pour retrouver l'incident.",
  'warn.assumedYearAndZone':
    "La date {date} a été lue avec une année et un fuseau horaire supposés (la ligne de journal n'indiquait ni l'un ni l'autre) : vérifiez-la avant l'envoi.",
  'warn.assumedYearsAndZones':
    "Les dates de {n} incidents ont été lues avec une année et un fuseau horaire supposés (les lignes de journal n'indiquaient ni l'un ni l'autre) : vérifiez-les avant l'envoi.",
  'warn.afterDelisting':
    "Le ticket affirme que vous avez déjà demandé le retrait auprès {lists} : ne l'envoyez qu'après l'avoir fait.",
  'warn.afterCloudmarkReset':
    "Le ticket affirme que vous avez déjà demandé à Cloudmark de réinitialiser la réputation de votre adresse IP : ne l'envoyez qu'après l'avoir fait.",
  'warn.afterPause':
    "Le ticket affirme que vous avez interrompu vos envois vers Orange pendant plus de deux heures : ne l'envoyez que si la suspension persiste après une telle pause.",
  'warn.afterFix':
    "Le ticket affirme que vous avez corrigé votre configuration : ne l'envoyez qu'après l'avoir fait.",
  'warn.notAbuseDesk.one':
    "Ce refus ne relève pas du service abuse d'Orange (voir le conseil) : inutile de lui envoyer ce ticket.",
  'warn.notAbuseDesk.all':
    "Aucun de ces refus ne relève du service abuse d'Orange (voir le conseil) : inutile de lui envoyer ce ticket.",
  'warn.notAbuseDesk.some':
    "Au moins un de ces refus ne relève pas du service abuse d'Orange (voir le conseil).",
  'warn.notOrange.one': "Ce refus ne semble pas venir d'Orange : ce ticket ne lui est pas destiné.",
  'warn.notOrange.all': "Aucun de ces refus ne semble venir d'Orange : ce ticket ne lui est pas destiné.",
  'warn.notOrange.some': "Au moins un de ces refus ne semble pas venir d'Orange.",
  'warn.leftOut_one':
    "Un refus qui ne relève pas du service abuse d'Orange (autre fournisseur, adresse erronée, relais de l'expéditeur) est laissé hors du ticket.",
  'warn.leftOut_other':
    "{n} refus qui ne relèvent pas du service abuse d'Orange (autre fournisseur, adresse erronée, relais de l'expéditeur) sont laissés hors du ticket.",
  'notice.otherProvider_one':
    "Ce refus vient de {provider}, pas d'Orange : le service abuse d'Orange ne peut rien pour vous, ne lui envoyez pas ce message. Le texte du message ne met pas Orange en cause : vous pouvez vous en servir auprès de {provider}.",
  'notice.otherProvider_other':
    "Ces refus viennent de {provider}, pas d'Orange : le service abuse d'Orange ne peut rien pour vous, ne lui envoyez pas ce message. Le texte du message ne met pas Orange en cause : vous pouvez vous en servir auprès de {provider}.",
  'notice.notOrange_one':
    "Ce refus ne semble pas venir d'Orange : le service abuse d'Orange ne traite que les refus de ses propres serveurs. Le texte du message ne met pas Orange en cause ; ne l'envoyez à Orange que si vous êtes sûr que le refus vient de ses serveurs.",
  'notice.notOrange_other':
    "Aucun de ces refus ne semble venir d'Orange : le service abuse d'Orange ne traite que les refus de ses propres serveurs. Le texte du message ne met pas Orange en cause ; ne l'envoyez à Orange que si vous êtes sûr que les refus viennent de ses serveurs.",
  'warn.wait': "Mieux vaut laisser le serveur réessayer avant d'écrire à Orange (voir le conseil).",
} as const;

export type MessageKey = keyof typeof FR;

export const EN: Record<MessageKey, string> = {
  'subject.liftBlock': 'Request to lift a block',
  'subject.contentRejection': 'Messages rejected as suspected spam',
  'subject.connectionLimits': 'Temporary connection rejections',
  'subject.temporaryRejection': 'Temporary rejections of our messages',
  'subject.afterDelisting': 'Still rejected after a blocklist removal request',
  'subject.afterCloudmarkReset': 'Still rejected after a Cloudmark reset request',
  'subject.suspension': 'Still suspended after a pause in our sending',
  'subject.afterFix': 'Check after a configuration fix',
  'subject.generic': 'Rejection of our messages',
  'subject.moreIps_one': '{ips} and {n} more',
  'subject.moreIps_other': '{ips} and {n} more',
  greeting: 'Hello,',
  'situation.liftBlock_one':
    'Our messages to Orange and Wanadoo addresses are rejected: your server says that our sending IP address is blocked by Orange{codes}.',
  'situation.liftBlock_other':
    'Our messages to Orange and Wanadoo addresses are rejected: your server says that our sending IP addresses are blocked by Orange{codes}.',
  'situation.contentRejection':
    'Our messages to Orange and Wanadoo addresses are rejected as suspected spam{codes}.',
  'situation.connectionLimits_one':
    'Your server temporarily rejects connections from our sending IP address{codes}.',
  'situation.connectionLimits_other':
    'Your server temporarily rejects connections from our sending IP addresses{codes}.',
  'situation.temporaryRejection_one':
    'Your server temporarily rejects the messages sent from our sending IP address{codes}.',
  'situation.temporaryRejection_other':
    'Your server temporarily rejects the messages sent from our sending IP addresses{codes}.',
  'situation.afterDelistingIp_one':
    'Your server rejects our messages because our sending IP address is listed on a blocklist{codes}; we have requested its removal from {lists}, but the rejections continue.',
  'situation.afterDelistingIp_other':
    'Your server rejects our messages because our sending IP addresses are listed on a blocklist{codes}; we have requested their removal from {lists}, but the rejections continue.',
  'situation.afterDelistingDomain':
    'Your server rejects our messages because our sending domain is listed on a blocklist{codes}; we have requested its removal from {lists}, but the rejections continue.',
  'situation.afterCloudmarkReset_one':
    "Your server rejects our messages because of our sending IP address's reputation with Cloudmark{codes}; we have asked Cloudmark to reset it, but the rejections continue.",
  'situation.afterCloudmarkReset_other':
    "Your server rejects our messages because of our sending IP addresses' reputation with Cloudmark{codes}; we have asked Cloudmark to reset it, but the rejections continue.",
  'situation.suspension_one':
    'Your server has suspended our sending IP address{codes}. We stopped sending to Orange for more than two hours, but the suspension persists.',
  'situation.suspension_other':
    'Your server has suspended our sending IP addresses{codes}. We stopped sending to Orange for more than two hours, but the suspension persists.',
  'situation.afterFix':
    'Your server was rejecting our messages because of a configuration problem on our side{codes}; we have fixed it and would like to check that no block remains.',
  'situation.generic_one':
    'Your server rejects our messages to Orange and Wanadoo addresses with the reply quoted below{codes}.',
  'situation.generic_other':
    'Your server rejects our messages to Orange and Wanadoo addresses with the replies quoted below{codes}.',
  'situation.notOrange_one': 'Our messages were rejected with the reply quoted below{codes}.',
  'situation.notOrange_other': 'Our messages were rejected with the replies quoted below{codes}.',
  'codes.one': ' (code {codes})',
  'codes.other': ' (codes {codes})',
  'list.and': ' and ',
  trigger: 'The suspension of our IP address{codes} follows an earlier rejection by your server{date}:',
  'trigger.date': ', on {date}',
  'trigger.listed':
    'The suspension of our IP address{codes} follows an earlier rejection by your server (incident {n} below).',
  itemsIntro: 'Here are the requested details:',
  'itemsIntro.notOrange': 'Here are the details of the incident:',
  sharedOutbound_one:
    "Our messages left through Microsoft 365's shared outbound servers: their IP address is Microsoft's, shared among its customers, not ours.",
  sharedOutbound_other:
    "Our messages left through Microsoft 365's shared outbound servers: their IP addresses are Microsoft's, shared among its customers, not ours.",
  'label.date_one': 'Date of the incident',
  'label.date_other': 'Dates of the incidents',
  'label.ips_one': 'Sending IP address',
  'label.ips_other': 'Sending IP addresses',
  'label.hosts_one': 'Sending host name',
  'label.hosts_other': 'Sending host names',
  'label.domain_one': 'Sending domain',
  'label.domain_other': 'Sending domains',
  'label.reply_one': "Orange's SMTP reply",
  'label.reply_other': "Orange's SMTP replies",
  'label.incidents': "Dates of the incidents and Orange's SMTP replies",
  'label.replyReceived_one': 'SMTP reply received',
  'label.replyReceived_other': 'SMTP replies received',
  'label.incidentsReceived': 'Dates of the incidents and SMTP replies received',
  'incident.ip': ', IP {ip}',
  moreIncidents_one: '{n} more similar rejection is not reproduced here.',
  moreIncidents_other: '{n} more similar rejections are not reproduced here.',
  'context.intro': 'Further information:',
  'context.company': 'Company: {value}',
  'context.dailyVolume': 'Daily volume to Orange: {value}',
  'context.collectionMethod': 'How addresses were collected: {value}',
  'context.signalSpamYes': 'Signal Spam member: yes',
  'context.signalSpamNo': 'Signal Spam member: no',
  'context.actionsTaken': 'Corrective actions taken: {value}',
  'context.preflight': 'Technical checks: {value}',
  'request.liftBlock':
    'Could you review our situation and lift this block, or tell us what we still need to fix?',
  'request.contentRejection': 'Could you review our mailings again, or tell us what the problem is?',
  'request.connectionLimits':
    'Could you tell us what caused this restriction and which limits we should respect (simultaneous connections, messages per connection)?',
  'request.temporaryRejection':
    'Could you tell us the cause of these temporary rejections and the limits to respect (sending rate, messages per connection)?',
  'request.temporaryRejectionAfterData':
    'Could you tell us the cause of these temporary rejections, and what we should change on our side?',
  'request.afterDelisting': 'Could you check whether a block remains on your side and, if so, lift it?',
  'request.suspension':
    'Could you tell us the cause of this suspension and lift it or, failing that, tell us what we still need to fix?',
  'request.afterFix': 'Could you check whether a block remains on your side and, if so, lift it?',
  'request.generic_one': 'Could you tell us the cause of this rejection and what we should fix?',
  'request.generic_other': 'Could you tell us the cause of these rejections and what we should fix?',
  'closing.available': 'We are happy to provide any further information.',
  'closing.thanks': 'Thank you in advance for your help.',
  'closing.regards': 'Kind regards,',
  'date.format': '{day} at {time} (UTC{offset})',
  'date.formatInline': '{day} at {time} UTC{offset}',
  'date.noZone': '{day} at {time}',
  'date.dayPattern': 'EEEE d MMMM yyyy',
  missing: '[to be completed: {label}]',
  'missing.zone': 'time zone',
  'missing.datesAll': 'dates and times of the incidents',
  'missing.datesSome': 'date and time of some incidents',
  'warn.missing':
    'Required items missing: {list}. Replace the "[to be completed: ...]" markers before sending.',
  'warn.noZone': 'The date {date} has no time zone: add it, Orange needs it to find the incident.',
  'warn.badDate': 'The date "{date}" could not be read: it is reproduced as it is.',
  'warn.assumedZone':
    'The date {date} was read in an assumed time zone (the text gave none): check it before sending.',
  'warn.assumedZones':
    'The dates of {n} incidents were read in an assumed time zone (the text gave none): check them before sending.',
  'warn.maskedReply':
    'The quoted reply contains a masked address ("{masked}"): put the real value back before sending; Orange needs it to find the incident.',
  'warn.assumedYearAndZone':
    'The date {date} was read with an assumed year and time zone (the log line gave neither): check it before sending.',
  'warn.assumedYearsAndZones':
    'The dates of {n} incidents were read with an assumed year and time zone (the log lines gave neither): check them before sending.',
  'warn.afterDelisting':
    'The ticket says you have already asked {lists} to delist you: send it only once you have.',
  'warn.afterCloudmarkReset':
    "The ticket says you have already asked Cloudmark to reset your IP address's reputation: send it only once you have.",
  'warn.afterPause':
    'The ticket says you stopped sending to Orange for more than two hours: send it only if the suspension persists after such a pause.',
  'warn.afterFix': 'The ticket says you have fixed your configuration: send it only once you have.',
  'warn.notAbuseDesk.one':
    "This rejection is not a case for Orange's abuse desk (see the advice): there is no point sending it this ticket.",
  'warn.notAbuseDesk.all':
    "None of these rejections is a case for Orange's abuse desk (see the advice): there is no point sending it this ticket.",
  'warn.notAbuseDesk.some':
    "At least one of these rejections is not a case for Orange's abuse desk (see the advice).",
  'warn.notOrange.one': 'This rejection does not seem to come from Orange: this ticket is not for Orange.',
  'warn.notOrange.all': 'None of these rejections seems to come from Orange: this ticket is not for Orange.',
  'warn.notOrange.some': 'At least one of these rejections does not seem to come from Orange.',
  'warn.leftOut_one':
    "One rejection that is not a case for Orange's abuse desk (another provider, a wrong address, the sender's own relay) is left out of the ticket.",
  'warn.leftOut_other':
    "{n} rejections that are not a case for Orange's abuse desk (another provider, a wrong address, the sender's own relay) are left out of the ticket.",
  'notice.otherProvider_one':
    "This rejection comes from {provider}, not from Orange: Orange's abuse desk cannot help you, so do not send it this message. The message's text does not put the blame on Orange: you can use it with {provider}.",
  'notice.otherProvider_other':
    "These rejections come from {provider}, not from Orange: Orange's abuse desk cannot help you, so do not send it this message. The message's text does not put the blame on Orange: you can use it with {provider}.",
  'notice.notOrange_one':
    "This rejection does not seem to come from Orange: Orange's abuse desk deals only with its own servers' rejections. The message's text does not put the blame on Orange; send it to Orange only if you are sure the rejection came from its servers.",
  'notice.notOrange_other':
    "None of these rejections seems to come from Orange: Orange's abuse desk deals only with its own servers' rejections. The message's text does not put the blame on Orange; send it to Orange only if you are sure the rejections came from its servers.",
  'warn.wait': 'Better let the server retry before writing to Orange (see the advice).',
};

export const CATALOGS = { fr: FR as Record<MessageKey, string>, en: EN };

const NBSP = '\u00a0';

/** French spacing: a non-breaking space before « : », « ? », « ! » and « ; », and inside guillemets. */
function frenchSpacing(template: string): string {
  return template
    .replace(/ ([:?!;])/g, `${NBSP}$1`)
    .replace(/« /g, `«${NBSP}`)
    .replace(/ »/g, `${NBSP}»`);
}

/** The template for `key` in `lang`, with `{name}` replaced by `vars[name]` (typography applied first). */
export function t(lang: 'fr' | 'en', key: MessageKey, vars: Record<string, string | number> = {}): string {
  const raw = CATALOGS[lang][key];
  const template = lang === 'fr' ? frenchSpacing(raw) : raw;
  return template.replace(/\{(\w{1,20})\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

/** The `_one` or `_other` form of a plural key. */
export function tn(
  lang: 'fr' | 'en',
  base: string,
  count: number,
  vars: Record<string, string | number> = {},
): string {
  const key = `${base}_${count > 1 ? 'other' : 'one'}` as MessageKey;
  return t(lang, key, { n: count, ...vars });
}
