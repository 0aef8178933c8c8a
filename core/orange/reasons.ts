/**
 * What Orange's reason numbers mean: the project's reviewed knowledge base, one entry per reason (or
 * per range Orange groups: 20X, 39X, 99X). Written from the facts in the shared notes on Orange, each
 * entry saying how sure the source is:
 *   official    Orange's postmaster error table (quoted near-verbatim by Sisimai's FrancePTT module);
 *   observed    seen verbatim in real bounces;
 *   third-party a deliverability vendor's article;
 *   inference   no source says it, the project deduces it.
 * `verified: false` marks a reason known only from one low-quality source. The lookups (by number, by
 * id, by a reply's wording) are in reason-lookup.ts.
 */
import type { Localized, NextStep } from '../types';
import type { LinkKind } from './links';

export type Sureness = 'official' | 'observed' | 'third-party' | 'inference';

/** Orange's inbound MX (mail to orange.fr / wanadoo.fr) or the relay Orange's own customers send through. */
export type Platform = 'inbound-mx' | 'submission-relay';

export type Persistence = 'temporary' | 'permanent';

export interface ReasonEntry {
  /** '102', or a range as Orange writes it ('20X', '39X', '99X'). */
  id: string;
  /** Every reason number the entry covers. */
  reasons: readonly number[];
  title: Localized;
  meaning: Localized;
  action: Localized;
  /** For wait-and-retry: how long to wait and how to resume. */
  wait?: Localized;
  persistence: Persistence;
  /** False when the reply code was never seen and the persistence is deduced. */
  persistenceSure: boolean;
  platform: Platform;
  sources: readonly Sureness[];
  verified: boolean;
  typical: { basic: number | null; enhanced: string | null };
  nextStep: NextStep;
  /** Links the advice offers; what they look up ('ip' or 'domain'). */
  links: readonly LinkKind[];
  lookup?: 'ip' | 'domain';
}

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

export const REASONS: readonly ReasonEntry[] = [
  {
    id: '100',
    reasons: [100],
    title: { fr: 'Adresse IP sur la liste de blocage d’Abusix', en: 'IP listed by Abusix' },
    meaning: {
      fr: 'Orange refuse la connexion parce que l’adresse IP d’envoi figure sur la liste de blocage d’Abusix.',
      en: "Orange refuses the connection because the sending IP address is on Abusix's blocklist.",
    },
    action: {
      fr: 'Corrigez la cause (machine compromise, liste d’adresses douteuse, pic de plaintes), puis demandez à Abusix de retirer l’adresse IP de sa liste. N’écrivez à Orange que si le blocage persiste après le retrait.',
      en: 'Fix the cause (compromised host, dubious address list, complaint spike), then ask Abusix to delist the IP. Write to Orange only if the block persists after the removal.',
    },
    persistence: 'permanent',
    persistenceSure: true,
    platform: 'inbound-mx',
    sources: ['official', 'observed'],
    verified: true,
    typical: { basic: 550, enhanced: null },
    nextStep: 'delist-elsewhere',
    links: ['abusix-lookup'],
    lookup: 'ip',
  },
  {
    id: '101',
    reasons: [101],
    title: { fr: 'Adresse IP sur une liste de blocage de Spamhaus', en: 'IP listed by Spamhaus' },
    meaning: {
      fr: 'Orange refuse la connexion parce que l’adresse IP d’envoi figure sur une liste de Spamhaus.',
      en: 'Orange refuses the connection because the sending IP address is on a Spamhaus list.',
    },
    action: {
      fr: 'Vérifiez l’IP chez Spamhaus, corrigez la cause indiquée, puis demandez le retrait. N’écrivez à Orange que si le blocage persiste après le retrait.',
      en: 'Look the IP up at Spamhaus, fix the cause it gives, then request the removal. Write to Orange only if the block persists after the removal.',
    },
    persistence: 'permanent',
    persistenceSure: true,
    platform: 'inbound-mx',
    sources: ['official', 'observed'],
    verified: true,
    typical: { basic: 550, enhanced: null },
    nextStep: 'delist-elsewhere',
    links: ['spamhaus-lookup'],
    lookup: 'ip',
  },
  {
    id: '102',
    reasons: [102],
    title: { fr: 'Adresse IP bloquée par Cloudmark', en: 'IP blocked by Cloudmark' },
    meaning: {
      fr: 'Orange refuse la connexion car Cloudmark, le service de filtrage qu’utilise Orange, attribue une mauvaise réputation à l’adresse IP d’envoi.',
      en: 'Orange refuses the connection because Cloudmark, the filtering service Orange uses, gives the sending IP address a poor reputation.',
    },
    action: {
      fr: 'Corrigez la cause, puis déposez une demande de réinitialisation auprès de Cloudmark (le lien figure dans la réponse d’Orange). N’écrivez à Orange que si le blocage persiste ensuite.',
      en: "Fix the cause, then file a reset request with Cloudmark (the link is in Orange's reply). Write to Orange only if the block persists afterwards.",
    },
    persistence: 'permanent',
    persistenceSure: true,
    platform: 'inbound-mx',
    sources: ['official', 'observed'],
    verified: true,
    typical: { basic: 550, enhanced: null },
    nextStep: 'delist-elsewhere',
    links: ['cloudmark-reset'],
    lookup: 'ip',
  },
  {
    id: '103',
    reasons: [103],
    title: { fr: 'Adresse IP bloquée par Orange', en: 'IP blocked by Orange' },
    meaning: {
      fr: 'Orange a bloqué lui-même l’adresse IP d’envoi (et non une liste externe).',
      en: 'Orange itself has blocked the sending IP address (not an outside blocklist).',
    },
    action: {
      fr: 'Corrigez la cause du blocage, puis écrivez au service abuse d’Orange via son formulaire de contact.',
      en: "Fix the cause of the block, then write to Orange's abuse desk through its contact form.",
    },
    persistence: 'permanent',
    persistenceSure: true,
    platform: 'inbound-mx',
    sources: ['official', 'observed'],
    verified: true,
    typical: { basic: 550, enhanced: null },
    nextStep: 'contact-orange',
    links: ['orange-postmaster'],
  },
  {
    id: '104',
    reasons: [104],
    title: { fr: 'Trop de connexions simultanées', en: 'Too many simultaneous connections' },
    meaning: {
      fr: 'Le serveur d’envoi ouvre trop de connexions simultanées vers Orange.',
      en: 'The sending server opens too many simultaneous connections to Orange.',
    },
    action: {
      fr: 'Limitez les connexions simultanées vers Orange (2 par IP d’après un article spécialisé), puis laissez les messages repartir.',
      en: 'Limit simultaneous connections to Orange (2 per IP according to a deliverability article), then let the messages go again.',
    },
    wait: {
      fr: 'Quelques minutes suffisent, une fois le nombre de connexions réduit ; les nouvelles tentatives normales du serveur font le reste.',
      en: "A few minutes are enough once concurrency is lowered; the server's normal retries do the rest.",
    },
    persistence: 'temporary',
    persistenceSure: true,
    platform: 'inbound-mx',
    sources: ['official', 'observed'],
    verified: true,
    typical: { basic: 421, enhanced: null },
    nextStep: 'wait-and-retry',
    links: [],
  },
  {
    id: '105',
    reasons: [105],
    title: { fr: 'Refus temporaire', en: 'Temporary refusal' },
    meaning: {
      fr: 'Orange ne documente pas ce refus temporaire.',
      en: 'Orange does not document this temporary refusal.',
    },
    action: {
      fr: 'Ralentissez les envois vers Orange et laissez le serveur réessayer en espaçant les tentatives.',
      en: 'Slow down sending to Orange and let the server retry with growing intervals.',
    },
    wait: {
      fr: 'Réessayez d’abord après 15 à 30 minutes, puis en espaçant ; si le refus dure plus d’une journée, rassemblez les réponses.',
      en: 'Retry first after 15 to 30 minutes, then at growing intervals; if the refusal lasts more than a day, gather the replies.',
    },
    persistence: 'temporary',
    persistenceSure: true,
    platform: 'inbound-mx',
    sources: ['third-party'],
    verified: true,
    typical: { basic: 421, enhanced: null },
    nextStep: 'wait-and-retry',
    links: [],
  },
  {
    id: '106',
    reasons: [106],
    title: {
      fr: 'Refus du relais d’envoi des clients Orange',
      en: "Refusal by Orange's customer submission relay",
    },
    meaning: {
      fr: 'Le relais par lequel les clients d’Orange envoient leurs messages (smtp.orange.fr) refuse temporairement le service : c’est une question de compte client, pas de délivrabilité.',
      en: "The relay Orange's customers send their mail through (smtp.orange.fr) temporarily refuses service: a customer account matter, not a deliverability problem.",
    },
    action: {
      fr: 'Vérifiez le compte et les réglages d’envoi auprès de l’assistance client d’Orange ; le service abuse ne traite pas ce cas.',
      en: "Check the account and sending settings with Orange's customer support; the abuse desk does not handle this.",
    },
    persistence: 'temporary',
    persistenceSure: true,
    platform: 'submission-relay',
    sources: ['observed'],
    verified: true,
    typical: { basic: 421, enhanced: null },
    nextStep: 'not-an-abuse-desk-case',
    links: [],
  },
  {
    id: '107',
    reasons: [107],
    title: { fr: 'DNS inverse (PTR) absent ou incohérent', en: 'Missing or mismatched reverse DNS (PTR)' },
    meaning: {
      fr: 'L’adresse IP d’envoi n’a pas d’enregistrement PTR valide, ou le nom indiqué par cet enregistrement ne pointe pas vers cette IP.',
      en: 'The sending IP address has no valid PTR record, or the name it gives does not point back to that IP.',
    },
    action: {
      fr: 'Demandez au fournisseur de l’IP un PTR vers un nom qui se résout à son tour vers la même IP (DNS inverse confirmé), puis réessayez.',
      en: 'Have the IP provider set a PTR to a name that resolves back to the same IP (forward-confirmed reverse DNS), then retry.',
    },
    persistence: 'permanent',
    persistenceSure: false,
    platform: 'inbound-mx',
    sources: ['official'],
    verified: true,
    typical: { basic: null, enhanced: null },
    nextStep: 'fix-configuration',
    links: [],
  },
  {
    id: '108',
    reasons: [108],
    title: { fr: 'Incident ou surcharge chez Orange', en: 'Incident or overload at Orange' },
    meaning: {
      fr: 'Orange signale un incident ou une surcharge de son côté.',
      en: 'Orange reports an incident or overload on its side.',
    },
    action: {
      fr: 'Suspendez les envois en nombre vers Orange et laissez les messages en file d’attente.',
      en: 'Hold bulk mail to Orange and leave the messages queued.',
    },
    wait: {
      fr: 'Quelques heures.',
      en: 'A few hours.',
    },
    persistence: 'temporary',
    persistenceSure: true,
    platform: 'inbound-mx',
    sources: ['third-party'],
    verified: true,
    typical: { basic: 421, enhanced: null },
    nextStep: 'wait-and-retry',
    links: [],
  },
  {
    id: '109',
    reasons: [109],
    title: { fr: 'Trop de messages par connexion', en: 'Too many messages per connection' },
    meaning: {
      fr: 'Le serveur d’envoi transmet trop de messages dans une même connexion.',
      en: 'The sending server sends too many messages over one connection.',
    },
    action: {
      fr: 'Limitez le nombre de messages par connexion vers Orange (100 au plus d’après un article spécialisé), puis laissez les messages repartir.',
      en: 'Limit the number of messages per connection to Orange (100 at most according to a deliverability article), then let the messages go again.',
    },
    wait: {
      fr: 'Aucune attente particulière ; les nouvelles tentatives automatiques suffisent une fois la limite réglée.',
      en: 'No particular wait; automatic retries are enough once the limit is set.',
    },
    persistence: 'temporary',
    persistenceSure: false,
    platform: 'inbound-mx',
    sources: ['official'],
    verified: true,
    typical: { basic: null, enhanced: null },
    nextStep: 'wait-and-retry',
    links: [],
  },
  {
    // Seen on smtp.orange.fr: `550 5.1.0 <session> StartTLS obligatoire. StartTLS mandatory.OFR203_199 [199]`
    // in answer to MAIL FROM (a PHPMailer error quoted in github.com/PlanningBiblio/PlanningBiblio PR #1116, 2025).
    id: '199',
    reasons: [199],
    title: {
      fr: 'STARTTLS obligatoire sur le relais d’envoi',
      en: 'STARTTLS required on the submission relay',
    },
    meaning: {
      fr: 'Le relais d’envoi des clients d’Orange (smtp.orange.fr) refuse une session qui n’est pas chiffrée : « StartTLS obligatoire ».',
      en: "Orange's customer submission relay (smtp.orange.fr) refuses a session that is not encrypted: “StartTLS mandatory”.",
    },
    action: {
      fr: 'Activez STARTTLS (port 587) ou TLS (port 465) dans le logiciel qui envoie ; le service abuse ne traite pas ce cas.',
      en: 'Turn on STARTTLS (port 587) or TLS (port 465) in the sending software; the abuse desk does not handle this.',
    },
    persistence: 'permanent',
    persistenceSure: true,
    platform: 'submission-relay',
    sources: ['observed'],
    verified: true,
    typical: { basic: 550, enhanced: '5.1.0' },
    nextStep: 'not-an-abuse-desk-case',
    links: [],
  },
  {
    id: '20X',
    reasons: range(200, 209),
    title: { fr: 'HELO/EHLO invalide', en: 'Invalid HELO/EHLO' },
    meaning: {
      fr: 'Le nom annoncé par le serveur d’envoi dans HELO/EHLO n’est pas un nom de domaine complet (FQDN) qui se résout dans le DNS.',
      en: 'The name the sending server announces in HELO/EHLO is not a fully qualified domain name (FQDN) that resolves in the DNS.',
    },
    action: {
      fr: 'Configurez le serveur pour qu’il annonce en HELO/EHLO un nom complet qui se résout dans le DNS, idéalement celui du PTR de l’IP.',
      en: "Configure the server to announce in HELO/EHLO a full name that resolves in the DNS, ideally the IP's PTR name.",
    },
    persistence: 'permanent',
    persistenceSure: false,
    platform: 'inbound-mx',
    sources: ['official'],
    verified: true,
    typical: { basic: null, enhanced: null },
    nextStep: 'fix-configuration',
    links: [],
  },
  {
    id: '305',
    reasons: [305],
    title: {
      fr: 'Échec d’authentification sur le relais d’envoi',
      en: 'Authentication failure on the submission relay',
    },
    meaning: {
      fr: 'Le relais d’envoi des clients d’Orange refuse l’authentification SMTP (identifiant ou mot de passe).',
      en: "Orange's customer submission relay refuses the SMTP authentication (user name or password).",
    },
    action: {
      fr: 'Vérifiez l’identifiant, le mot de passe et le port dans le logiciel de messagerie ; le service abuse ne traite pas ce cas.',
      en: 'Check the user name, password and port in the mail client; the abuse desk does not handle this.',
    },
    persistence: 'permanent',
    persistenceSure: true,
    platform: 'submission-relay',
    sources: ['observed'],
    verified: true,
    typical: { basic: 550, enhanced: '5.7.0' },
    nextStep: 'not-an-abuse-desk-case',
    links: [],
  },
  {
    id: '39X',
    reasons: range(390, 399),
    title: { fr: 'Erreur SPF du domaine expéditeur', en: "Sender domain's SPF error" },
    meaning: {
      fr: 'La vérification SPF du domaine expéditeur échoue, ou son enregistrement SPF/DNS est invalide.',
      en: "The SPF check of the sender's domain fails, or its SPF/DNS record is invalid.",
    },
    action: {
      fr: 'Corrigez l’enregistrement SPF du domaine (syntaxe, IP d’envoi autorisée, 10 requêtes DNS au plus), puis attendez l’expiration du TTL DNS avant de réessayer.',
      en: "Fix the domain's SPF record (syntax, sending IP authorised, at most 10 DNS look-ups), then wait for the DNS TTL to expire before retrying.",
    },
    persistence: 'temporary',
    persistenceSure: true,
    platform: 'inbound-mx',
    sources: ['official'],
    verified: true,
    typical: { basic: 421, enhanced: null },
    nextStep: 'fix-configuration',
    links: [],
  },
  {
    id: '402',
    reasons: [402],
    title: { fr: 'Expéditeur refusé par le relais d’envoi', en: 'Sender refused by the submission relay' },
    meaning: {
      fr: 'Probablement un refus de l’adresse d’expéditeur par le relais d’envoi des clients d’Orange (source peu fiable).',
      en: "Probably the sender address refused by Orange's customer submission relay (weak source).",
    },
    action: {
      fr: 'Vérifiez l’adresse d’expéditeur et le compte utilisés avec l’assistance client d’Orange ; le service abuse ne traite pas ce cas.',
      en: "Check the sender address and account in use with Orange's customer support; the abuse desk does not handle this.",
    },
    persistence: 'permanent',
    persistenceSure: false,
    platform: 'submission-relay',
    sources: ['inference'],
    verified: true,
    typical: { basic: null, enhanced: null },
    nextStep: 'not-an-abuse-desk-case',
    links: [],
  },
  {
    id: '403',
    reasons: [403],
    title: {
      fr: 'Problème d’authentification sur le relais d’envoi',
      en: 'Authentication problem on the submission relay',
    },
    meaning: {
      fr: 'Probablement un problème d’authentification ou d’expéditeur sur le relais d’envoi des clients d’Orange (source peu fiable).',
      en: "Probably an authentication or sender problem on Orange's customer submission relay (weak source).",
    },
    action: {
      fr: 'Vérifiez l’authentification et l’adresse d’expéditeur dans le logiciel de messagerie ; le service abuse ne traite pas ce cas.',
      en: 'Check the authentication and sender address in the mail client; the abuse desk does not handle this.',
    },
    persistence: 'permanent',
    persistenceSure: false,
    platform: 'submission-relay',
    sources: ['inference'],
    verified: true,
    typical: { basic: null, enhanced: null },
    nextStep: 'not-an-abuse-desk-case',
    links: [],
  },
  {
    id: '405',
    reasons: [405],
    title: { fr: 'Domaine d’enveloppe sans A ni MX', en: 'Envelope domain without A or MX' },
    meaning: {
      fr: 'Le domaine de l’adresse d’enveloppe (MAIL FROM) n’a ni enregistrement A ni MX valide.',
      en: 'The domain of the envelope address (MAIL FROM) has no valid A or MX record.',
    },
    action: {
      fr: 'Publiez un enregistrement MX (ou A) valide pour le domaine de l’adresse d’enveloppe, ou utilisez un domaine qui en a un.',
      en: "Publish a valid MX (or A) record for the envelope address's domain, or use a domain that has one.",
    },
    persistence: 'permanent',
    persistenceSure: true,
    platform: 'inbound-mx',
    sources: ['official', 'observed'],
    verified: true,
    typical: { basic: 501, enhanced: '5.1.0' },
    nextStep: 'fix-configuration',
    links: [],
  },
  {
    id: '408',
    reasons: [408],
    title: { fr: 'Débit de messages dépassé', en: 'Message rate exceeded' },
    meaning: {
      fr: 'Selon une seule source peu fiable, le débit de messages autorisé est dépassé.',
      en: 'According to a single low-quality source, the allowed message rate is exceeded.',
    },
    action: {
      fr: 'Réduisez le débit vers Orange et laissez le serveur réessayer plus tard.',
      en: 'Lower the sending rate to Orange and let the server retry later.',
    },
    wait: {
      fr: 'Au moins une heure, puis reprise progressive (durée déduite, aucune source ne l’indique).',
      en: 'At least an hour, then a gradual ramp-up (an inferred delay, no source gives one).',
    },
    persistence: 'temporary',
    persistenceSure: false,
    platform: 'inbound-mx',
    sources: ['third-party'],
    verified: false,
    typical: { basic: null, enhanced: null },
    nextStep: 'wait-and-retry',
    links: [],
  },
  {
    id: '415',
    reasons: [415],
    title: { fr: 'Expéditeur invalide sur le relais d’envoi', en: 'Invalid sender on the submission relay' },
    meaning: {
      fr: 'Le relais d’envoi des clients d’Orange refuse l’adresse d’expéditeur.',
      en: "Orange's customer submission relay refuses the sender address.",
    },
    action: {
      fr: 'Utilisez une adresse d’expéditeur rattachée au compte Orange, ou passez par le serveur d’envoi du domaine expéditeur ; le service abuse ne traite pas ce cas.',
      en: "Use a sender address tied to the Orange account, or send through the sender domain's own server; the abuse desk does not handle this.",
    },
    persistence: 'permanent',
    persistenceSure: true,
    platform: 'submission-relay',
    sources: ['observed'],
    verified: true,
    typical: { basic: 550, enhanced: '5.1.0' },
    nextStep: 'not-an-abuse-desk-case',
    links: [],
  },
  {
    id: '416',
    reasons: [416],
    title: { fr: 'Destinataire inconnu', en: 'Unknown recipient' },
    meaning: {
      fr: 'L’adresse du destinataire n’existe pas chez Orange.',
      en: "The recipient's address does not exist at Orange.",
    },
    action: {
      fr: 'Retirez l’adresse de vos listes : rien à demander au service abuse.',
      en: 'Remove the address from your lists: nothing to ask the abuse desk.',
    },
    persistence: 'permanent',
    persistenceSure: true,
    platform: 'inbound-mx',
    sources: ['official', 'observed'],
    verified: true,
    typical: { basic: 550, enhanced: '5.1.1' },
    nextStep: 'not-an-abuse-desk-case',
    links: [],
  },
  {
    id: '417',
    reasons: [417],
    title: { fr: 'Boîte aux lettres pleine', en: 'Mailbox full' },
    meaning: {
      fr: 'La boîte aux lettres du destinataire est pleine.',
      en: "The recipient's mailbox is full.",
    },
    action: {
      fr: 'Réessayez plus tard en traitant ce rejet comme temporaire ; retirez l’adresse si cela se répète pendant des semaines. Rien à demander au service abuse.',
      en: 'Retry later and treat it as a soft bounce; remove the address if it keeps happening for weeks. Nothing to ask the abuse desk.',
    },
    persistence: 'permanent',
    persistenceSure: true,
    platform: 'inbound-mx',
    sources: ['observed'],
    verified: true,
    typical: { basic: 552, enhanced: '5.1.1' },
    nextStep: 'not-an-abuse-desk-case',
    links: [],
  },
  {
    id: '418',
    reasons: [418],
    title: { fr: 'Destinataire invalide (ancien code)', en: 'Invalid recipient (older code)' },
    meaning: {
      fr: 'Ancien code de destinataire invalide (source peu fiable).',
      en: 'An older invalid-recipient code (weak source).',
    },
    action: {
      fr: 'Retirez l’adresse de vos listes : rien à demander au service abuse.',
      en: 'Remove the address from your lists: nothing to ask the abuse desk.',
    },
    persistence: 'permanent',
    persistenceSure: false,
    platform: 'inbound-mx',
    sources: ['third-party'],
    verified: true,
    typical: { basic: null, enhanced: null },
    nextStep: 'not-an-abuse-desk-case',
    links: [],
  },
  {
    id: '425',
    reasons: [425],
    title: { fr: 'Domaine expéditeur sur liste de blocage', en: 'Sender domain on a blocklist' },
    meaning: {
      fr: 'Le domaine expéditeur (et non l’IP) figure sur une liste de blocage d’Abusix ou de Spamhaus.',
      en: "The sender's domain (not the IP) is on an Abusix or Spamhaus blocklist.",
    },
    action: {
      fr: 'Vérifiez le domaine chez Abusix et chez Spamhaus, corrigez la cause, puis demandez son retrait. N’écrivez à Orange que si le rejet persiste après le retrait.',
      en: 'Look the domain up at Abusix and at Spamhaus, fix the cause, then request its removal. Write to Orange only if the rejection persists after the removal.',
    },
    persistence: 'permanent',
    persistenceSure: false,
    platform: 'inbound-mx',
    sources: ['official'],
    verified: true,
    typical: { basic: null, enhanced: null },
    nextStep: 'delist-elsewhere',
    links: ['abusix-lookup', 'spamhaus-lookup'],
    lookup: 'domain',
  },
  {
    id: '505',
    reasons: [505],
    title: { fr: 'Refus temporaire en fin de DATA', en: 'Temporary refusal at end of DATA' },
    meaning: {
      fr: 'Orange refuse temporairement le message après sa transmission (fin de DATA).',
      en: 'Orange temporarily refuses the message after it was transmitted (end of DATA).',
    },
    action: {
      fr: 'Laissez le serveur réessayer ; si le refus devient systématique, vérifiez le contenu et la réputation des envois.',
      en: 'Let the server retry; if the refusal becomes systematic, review the content and reputation of the mailings.',
    },
    wait: {
      fr: 'Les nouvelles tentatives normales du serveur (dans l’heure) suffisent en général.',
      en: "The server's normal retries (within the hour) are usually enough.",
    },
    persistence: 'temporary',
    persistenceSure: true,
    platform: 'inbound-mx',
    sources: ['observed'],
    verified: true,
    typical: { basic: 421, enhanced: '4.2.0' },
    nextStep: 'wait-and-retry',
    links: [],
  },
  {
    id: '506',
    reasons: [506],
    title: { fr: 'Message suspecté de spam', en: 'Message suspected of spam' },
    meaning: {
      fr: 'Orange rejette le message comme spam présumé (contenu ou réputation).',
      en: 'Orange rejects the message as suspected spam (content or reputation).',
    },
    action: {
      fr: 'Examinez le contenu, les liens, le ciblage et les plaintes, corrigez ce qui doit l’être, puis écrivez au service abuse d’Orange via son formulaire de contact.',
      en: "Review the content, links, targeting and complaints, fix them, then write to Orange's abuse desk through its contact form.",
    },
    persistence: 'permanent',
    persistenceSure: true,
    platform: 'inbound-mx',
    sources: ['official', 'observed'],
    verified: true,
    typical: { basic: 550, enhanced: '5.2.0' },
    nextStep: 'contact-orange',
    links: ['orange-postmaster'],
  },
  {
    id: '513',
    reasons: [513],
    title: { fr: 'Rejet non documenté (comme 506)', en: 'Undocumented rejection (like 506)' },
    meaning: {
      fr: 'Code non documenté par Orange, observé avec la même réponse que 506 : on le traite comme un spam présumé.',
      en: 'A code Orange does not document, seen with the same reply as 506: treated as suspected spam.',
    },
    action: {
      fr: 'Examinez le contenu et la réputation des envois, corrigez ce qui doit l’être, puis écrivez au service abuse d’Orange via son formulaire de contact.',
      en: "Review the content and reputation of the mailings, fix them, then write to Orange's abuse desk through its contact form.",
    },
    persistence: 'permanent',
    persistenceSure: true,
    platform: 'inbound-mx',
    sources: ['observed', 'inference'],
    verified: true,
    typical: { basic: 550, enhanced: '5.2.0' },
    nextStep: 'contact-orange',
    links: ['orange-postmaster'],
  },
  {
    id: '514',
    reasons: [514],
    title: { fr: 'Message trop volumineux', en: 'Message too big' },
    meaning: {
      fr: 'Le message dépasse la taille maximale acceptée par Orange (environ 45 Mo).',
      en: 'The message exceeds the maximum size Orange accepts (about 45 MB).',
    },
    action: {
      fr: 'Réduisez la taille du message (remplacez les pièces jointes volumineuses par un lien de téléchargement) : rien à demander au service abuse.',
      en: 'Make the message smaller (link to attachments rather than attach them): nothing to ask the abuse desk.',
    },
    persistence: 'permanent',
    persistenceSure: false,
    platform: 'inbound-mx',
    sources: ['observed'],
    verified: true,
    typical: { basic: null, enhanced: '5.2.0' },
    nextStep: 'not-an-abuse-desk-case',
    links: [],
  },
  {
    id: '515',
    reasons: [515],
    title: { fr: 'Échec DMARC', en: 'DMARC failure' },
    meaning: {
      fr: 'Le message ne passe pas la vérification DMARC et Orange applique la politique publiée par le domaine expéditeur.',
      en: "The message fails DMARC and Orange applies the policy the sender's domain publishes.",
    },
    action: {
      fr: 'Alignez SPF ou DKIM sur le domaine de l’adresse From (signature DKIM du domaine, IP d’envoi dans le SPF), puis réessayez.',
      en: "Align SPF or DKIM with the From address's domain (DKIM signature for the domain, sending IP in the SPF), then retry.",
    },
    persistence: 'permanent',
    persistenceSure: false,
    platform: 'inbound-mx',
    sources: ['official'],
    verified: true,
    typical: { basic: null, enhanced: null },
    nextStep: 'fix-configuration',
    links: [],
  },
  {
    id: '519',
    reasons: [519],
    title: { fr: 'Adresse IP non autorisée par le SPF', en: 'IP not allowed by SPF' },
    meaning: {
      fr: 'L’adresse IP d’envoi n’est pas autorisée par l’enregistrement SPF du domaine expéditeur.',
      en: "The sending IP address is not allowed by the sender domain's SPF record.",
    },
    action: {
      fr: 'Ajoutez l’IP d’envoi (ou le mécanisme include de votre prestataire) à l’enregistrement SPF du domaine, puis réessayez après le TTL DNS.',
      en: "Add the sending IP (or the provider's include) to the domain's SPF record, then retry after the DNS TTL.",
    },
    persistence: 'permanent',
    persistenceSure: false,
    platform: 'inbound-mx',
    sources: ['official'],
    verified: true,
    typical: { basic: null, enhanced: null },
    nextStep: 'fix-configuration',
    links: [],
  },
  {
    id: '535',
    reasons: [535],
    title: { fr: 'Signature DKIM absente', en: 'No DKIM signature' },
    meaning: {
      fr: 'Le message ne porte pas de signature DKIM.',
      en: 'The message carries no DKIM signature.',
    },
    action: {
      fr: 'Signez les messages avec DKIM pour le domaine expéditeur et publiez la clé dans le DNS.',
      en: "Sign the messages with DKIM for the sender's domain and publish the key in the DNS.",
    },
    persistence: 'permanent',
    persistenceSure: false,
    platform: 'inbound-mx',
    sources: ['third-party'],
    verified: true,
    typical: { basic: null, enhanced: null },
    nextStep: 'fix-configuration',
    links: [],
  },
  {
    // Known from one source only: a French deliverability guide (2026-09, kept in a public repository)
    // summing up Orange's postmaster page "updated 1 Sept 2026", which lists `OFR_506/536` as suspected
    // spam. No reply carrying 536 was found; unverified until one is seen or Orange's page confirms it.
    id: '536',
    reasons: [536],
    title: { fr: 'Message suspecté de spam (comme 506)', en: 'Message suspected of spam (like 506)' },
    meaning: {
      fr: 'Selon une seule source (un guide tiers résumant la page postmaster d’Orange), ce code signale, comme 506, un message rejeté parce que soupçonné d’être du spam.',
      en: "According to a single source (a third-party guide summing up Orange's postmaster page), this code marks, like 506, a message rejected as suspected spam.",
    },
    action: {
      fr: 'Examinez le contenu, les liens, le ciblage et les plaintes, corrigez ce qui doit l’être, puis écrivez au service abuse d’Orange via son formulaire de contact en joignant la réponse complète.',
      en: "Review the content, links, targeting and complaints, fix them, then write to Orange's abuse desk through its contact form with the complete reply.",
    },
    persistence: 'permanent',
    persistenceSure: false,
    platform: 'inbound-mx',
    sources: ['third-party'],
    verified: false,
    typical: { basic: null, enhanced: null },
    nextStep: 'contact-orange',
    links: ['orange-postmaster'],
  },
  {
    // Known from one source only: the guide cited for 536 lists `OFR_988` to `990` as a limitation tied to
    // reputation (Orange's own table, per the shared notes, names 99X). 990 stays in 99X, confirmed by
    // Orange's table; 988 and 989 are unverified until a reply or Orange's page confirms them.
    id: '988',
    reasons: [988, 989],
    title: { fr: 'Débit limité selon la réputation', en: 'Rate limited by reputation' },
    meaning: {
      fr: 'Selon une seule source (un guide tiers résumant la page postmaster d’Orange), Orange limite les envois de l’adresse IP en fonction de sa réputation, comme pour les codes 99X.',
      en: "According to a single source (a third-party guide summing up Orange's postmaster page), Orange limits the IP address's mail according to its reputation, as with the 99X codes.",
    },
    action: {
      fr: 'Ralentissez les envois vers Orange, vérifiez ce qui dégrade la réputation de l’adresse IP (plaintes, adresses invalides, listes de blocage) et corrigez-le, puis reprenez progressivement.',
      en: "Slow down mail to Orange, check what harms the IP address's reputation (complaints, invalid addresses, blocklists) and fix it, then ramp up slowly.",
    },
    wait: {
      fr: 'Quelques heures, puis reprise progressive (durée déduite, aucune source ne l’indique).',
      en: 'A few hours, then a slow ramp-up (an inferred delay, no source gives one).',
    },
    persistence: 'temporary',
    persistenceSure: false,
    platform: 'inbound-mx',
    sources: ['third-party'],
    verified: false,
    typical: { basic: null, enhanced: null },
    nextStep: 'wait-and-retry',
    links: ['orange-postmaster'],
  },
  {
    id: '99X',
    reasons: range(990, 999),
    title: { fr: 'Adresse IP suspendue temporairement', en: 'IP temporarily suspended' },
    meaning: {
      fr: 'Orange restreint l’adresse IP d’envoi en raison d’un comportement jugé abusif : elle est suspendue pour un temps. Cette suspension fait généralement suite à une erreur antérieure, à retrouver plus haut dans les journaux du serveur.',
      en: "Orange rate-limits the sending IP address for bad behaviour: it is suspended for a while. It usually follows an earlier error, to be found further up in the server's logs.",
    },
    action: {
      fr: 'Interrompez les envois depuis cette adresse IP, retrouvez et corrigez l’erreur qui a déclenché la suspension, puis reprenez progressivement. Si la suspension persiste, écrivez au service abuse d’Orange.',
      en: "Pause sending from this IP, find and fix the earlier error that triggered the suspension, then ramp up slowly. If the suspension persists, write to Orange's abuse desk.",
    },
    wait: {
      fr: '2 heures sans envoi, puis reprise progressive.',
      en: '2 hours without sending, then a slow ramp-up.',
    },
    persistence: 'temporary',
    persistenceSure: true,
    platform: 'inbound-mx',
    sources: ['official', 'observed', 'third-party'],
    verified: true,
    typical: { basic: 421, enhanced: null },
    nextStep: 'wait-and-retry',
    links: ['orange-postmaster'],
  },
];
