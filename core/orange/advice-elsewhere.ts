/**
 * Advice for a refusal that is no case for Orange's abuse desk: by Orange's submission relay (its own
 * customers' outgoing mail), by the sender's own relay or sending service, or by another provider; and
 * the reply as quoted in an advice (cut). Split from advice.ts; pure.
 */
import type { Advice, Incident, Link, Localized } from '../types';
import { buildLink } from './links';

const MAX_RAW_REPLY = 500;

/** A reply as an advice quotes it: on one line, cut past MAX_RAW_REPLY characters. */
export function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_RAW_REPLY ? `${flat.slice(0, MAX_RAW_REPLY)}…` : flat;
}

/**
 * The relays Orange's own customers send through (notes/orange.md, section 2): a refusal there is about
 * the customer's account or message, never a case for the abuse desk, which handles mail coming in.
 */
const SUBMISSION_RELAYS = ['smtp.orange.fr', 'smtpauth.orange.fr', 'smtp.wanadoo.fr'];

export function isSubmissionRelay(host: string | null): boolean {
  return host !== null && SUBMISSION_RELAYS.includes(host.toLowerCase().replace(/\.$/, ''));
}

/** A refusal by Orange's submission relay that the knowledge base does not describe (no OFR token). */
export function submissionRelayAdvice(incident: Incident): Advice {
  const host = incident.remoteHost ?? 'smtp.orange.fr';
  return relayRefusalAdvice(
    incident,
    {
      fr: `Refus du relais d’envoi des clients d’Orange (${host}), pas de ses serveurs de réception : ce n’est pas un cas pour le service abuse.`,
      en: `Refusal by the relay Orange's customers send through (${host}), not by its receiving servers: this is not a case for the abuse desk.`,
    },
    {
      fr: 'Corrigez ce que la réponse désigne (adresse d’expéditeur, authentification du compte Orange utilisé) ; un serveur de messagerie doit plutôt remettre directement aux serveurs de réception d’Orange ou passer par le relais de son hébergeur.',
      en: "Fix what the reply points at (the sender address, the Orange account's authentication); a mail server should rather deliver straight to Orange's receiving servers or go through its hosting provider's relay.",
    },
    [buildLink('orange-postmaster', null)],
  );
}

/** A refusal by the sender's own relay or sending service (sending-relay.ts): the message never left. */
export function sendingRelayAdvice(incident: Incident): Advice {
  const host = incident.remoteHost ? ` (${incident.remoteHost})` : '';
  return relayRefusalAdvice(
    incident,
    {
      fr: `Refus du relais ou du service d’envoi de l’expéditeur${host}, pas du serveur du destinataire : le message n’est jamais parti et Orange ne l’a jamais reçu. Ce n’est pas un cas pour le service abuse d’Orange.`,
      en: `Refusal by the sender's own relay or sending service${host}, not by the recipient's server: the message never left and Orange never received it. This is not a case for Orange's abuse desk.`,
    },
    {
      fr: 'Selon la réponse, vérifiez auprès de ce service les identifiants ou la méthode d’authentification du compte, l’adresse d’expéditeur (autorisée ou vérifiée), un éventuel compte suspendu ou limité.',
      en: "Depending on the reply, check with that service the account's credentials or authentication method, the sender address (allowed or verified), an account suspended or limited.",
    },
    [],
  );
}

/** A relay's refusal, no case for the abuse desk: who refused, the reply received, what to fix. */
function relayRefusalAdvice(incident: Incident, who: Localized, fix: Localized, links: Link[]): Advice {
  const raw = clip(incident.reply.text);
  const reply: Localized = raw
    ? { fr: `Réponse reçue : « ${raw} ».`, en: `Reply received: "${raw}".` }
    : { fr: '', en: '' };
  const join = (lang: 'fr' | 'en') => [who[lang], reply[lang], fix[lang]].filter(Boolean).join(' ');
  return {
    nextStep: 'not-an-abuse-desk-case',
    contactAbuseDesk: false,
    summary: { fr: join('fr'), en: join('en') },
    links,
  };
}

export function notOrangeAdvice(incident: Incident): Advice {
  const host = incident.remoteHost ? ` (${incident.remoteHost})` : '';
  // No reply at all (a notice that only says the address was not found): no server to point at.
  if (incident.reply.text.trim() === '' && incident.reply.code === null) {
    return {
      nextStep: 'unknown',
      contactAbuseDesk: false,
      summary: {
        fr: 'Aucune réponse SMTP n’a été trouvée et rien ne désigne Orange (ni le serveur qui a refusé, ni le domaine du destinataire) : cet outil ne prépare que les demandes au service abuse d’Orange (orange.fr, wanadoo.fr). Si le refus vient d’Orange, collez le rebond complet ou la ligne du journal qui cite sa réponse.',
        en: "No SMTP reply was found and nothing points to Orange (neither the server that refused nor the recipient's domain): this tool only prepares requests to Orange's abuse desk (orange.fr, wanadoo.fr). If the refusal came from Orange, paste the whole bounce or the log line that quotes its reply.",
      },
      links: [],
    };
  }
  return {
    nextStep: 'unknown',
    contactAbuseDesk: false,
    summary: {
      fr: `Cette réponse ne semble pas venir d’Orange : cet outil ne prépare que les demandes au service abuse d’Orange (orange.fr, wanadoo.fr). Adressez-vous à l’opérateur du serveur qui a répondu${host}.`,
      en: `This reply does not seem to come from Orange: this tool only prepares requests to Orange's abuse desk (orange.fr, wanadoo.fr). Contact the operator of the server that replied${host}.`,
    },
    links: [],
  };
}
