/**
 * Orange's reason numbers 2XX and 3XX: refusals of who is sending, as the SMTP session tells it: an invalid
 * HELO/EHLO, an authentication failure on the submission relay, the sender domain's SPF error.
 */
import { type ReasonEntry, reasonRange } from './entry';

export const SENDER_IDENTITY_REASONS: readonly ReasonEntry[] = [
  {
    id: '20X',
    reasons: reasonRange(200, 209),
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
    reasons: reasonRange(390, 399),
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
];
