/**
 * Advice for one incident: the next step, whether to write to Orange's abuse desk, a summary in both
 * languages and the useful links. Built from the knowledge base in reasons/; pure.
 */
import type { SharedWording } from '../extract/shared-orange-wording';
import { formatIncidentDate } from '../ticket/date';
import type { Advice, Incident, Lang, Link, Localized, TriggerRef } from '../types';
import { likelyTrigger } from './likely-trigger';
import { linkIps } from './link-ips';
import { buildLink } from './links';
import { findReasonById, reasonForReply } from './reason-lookup';
import type { ReasonEntry } from './reasons';
import { isSendingRelayRefusal } from './sending-relay';
import { sharedWordingFor } from './shared-wording';

/**
 * The option to pick in Orange's contact form for 103 and 506: the exact label of the option on Orange's
 * site, kept byte-for-byte (keyboard apostrophes included) so that the user finds it as written there.
 */
export const ORANGE_FORM_OPTION =
  "Un problème d'envoi d'emails vers les adresses Orange ou Wanadoo (deliverability issue)";

const MAX_LINKED_IPS = 5;
const MAX_RAW_REPLY = 500;

export interface AdviceContext {
  /** Every incident of the same paste, in order, to find what triggered a 999 when extraction did not. */
  incidents?: Incident[];
}

export function advise(incident: Incident, context?: AdviceContext): Advice {
  // The sender's own relay refused (not Orange's submission relay, which its knowledge base describes:
  // named by its host, or by the OFR token only Orange's servers write, as in `550 5.7.0 mwinf5d30 ME
  // Authentication failed. OFR 305` quoted without the host).
  if (!isSubmissionRelay(incident.remoteHost) && !incident.orange?.token && isSendingRelayRefusal(incident))
    return sendingRelayAdvice(incident);
  if (!incident.isOrange) return notOrangeAdvice(incident);
  const entry = entryFor(incident.orange?.reason ?? null, incident.reply.code, incident.reply.text);
  if (!entry && isSubmissionRelay(incident.remoteHost)) return submissionRelayAdvice(incident);
  const shared = entry ? null : sharedWordingFor(incident);
  if (shared) return sharedWordingAdvice(shared, incident);
  if (!entry) return unknownAdvice(incident);
  const advice = adviceFromEntry(entry, incident, reasonLabel(incident.orange?.reason ?? null, entry));
  if (entry.id !== '99X') return advice;
  const isSuspension = (other: Incident) => reasonEntryFor(other)?.id === '99X';
  return withTrigger(advice, incident, likelyTrigger(incident, context?.incidents, isSuspension));
}

/** The knowledge-base entry behind an incident's reply, or null when the reason is unknown. */
export function reasonEntryFor(incident: Incident): ReasonEntry | null {
  if (!incident.isOrange) return null;
  return entryFor(incident.orange?.reason ?? null, incident.reply.code, incident.reply.text);
}

function entryFor(reason: number | null, code: number | null, text: string): ReasonEntry | null {
  return reasonForReply(reason, code, text);
}

/** The reason as the summary names it: its number, else what named the entry (a tokenless wording). */
function reasonLabel(reason: number | null, entry: ReasonEntry): Localized {
  if (reason === null && entry.id === '39X')
    return { fr: 'SPF, réponse sans jeton OFR', en: 'SPF, reply without an OFR token' };
  if (reason === null)
    return {
      fr: 'réponse sans jeton OFR, reconnue à son libellé',
      en: 'reply without an OFR token, recognised by its wording',
    };
  return { fr: `code ${reason}`, en: `code ${reason}` };
}

function adviceFromEntry(entry: ReasonEntry, incident: Incident, label: Localized): Advice {
  const fr = [`${entry.title.fr} (${label.fr}).`, entry.meaning.fr, entry.action.fr];
  const en = [`${entry.title.en} (${label.en}).`, entry.meaning.en, entry.action.en];
  if (entry.wait) {
    fr.push(`Délai : ${lowerFirst(entry.wait.fr)}`);
    en.push(`How long: ${lowerFirst(entry.wait.en)}`);
  }
  if (entry.nextStep === 'contact-orange') {
    fr.push(`Dans le formulaire d’Orange, choisissez l’option « ${ORANGE_FORM_OPTION} ».`);
    en.push(`In Orange's form (in French), pick the option "${ORANGE_FORM_OPTION}".`);
  }
  if (!entry.verified) {
    fr.push('Attention : cette signification n’est pas vérifiée.');
    en.push('Caution: this meaning is unverified.');
  }
  for (const why of withheldIps(entry, incident)) {
    fr.push(why.fr);
    en.push(why.en);
  }
  return {
    nextStep: entry.nextStep,
    contactAbuseDesk: entry.nextStep === 'contact-orange',
    summary: { fr: fr.join(' '), en: en.join(' ') },
    links: linksFor(entry, incident),
  };
}

/**
 * A tokenless reply whose wording Orange gives to several reasons (shared-wording.ts): what each would
 * mean and ask, and every entry's links, since the reply does not say which applies.
 */
function sharedWordingAdvice(wording: SharedWording, incident: Incident): Advice {
  const entries = wording.ids.map(findReasonById).filter((e): e is ReasonEntry => e !== null);
  const fr = [
    `${upperFirst(wording.what.fr)} (réponse sans jeton OFR, reconnue à son libellé : code ${wording.ids.join(' ou ')}, la réponse ne dit pas lequel).`,
  ];
  const en = [
    `${upperFirst(wording.what.en)} (reply without an OFR token, recognised by its wording: reason ${wording.ids.join(' or ')}, the reply does not say which).`,
  ];
  for (const e of entries) {
    fr.push(`Si c’est le code ${e.id} (${lowerFirst(e.title.fr)}) : ${e.meaning.fr} ${e.action.fr}`);
    en.push(`If it is reason ${e.id} (${e.title.en}): ${e.meaning.en} ${e.action.en}`);
  }
  fr.push('Vérifiez l’adresse IP auprès de chacun de ces services.');
  en.push('Check the IP address with each of these services.');
  const lookup = entries.find((e) => withheldIps(e, incident).length > 0);
  for (const why of lookup ? withheldIps(lookup, incident) : []) {
    fr.push(why.fr);
    en.push(why.en);
  }
  const steps = new Set(entries.map((e) => e.nextStep));
  const nextStep = steps.size === 1 ? (entries[0]?.nextStep ?? 'unknown') : 'unknown';
  return {
    nextStep,
    contactAbuseDesk: nextStep === 'contact-orange',
    summary: { fr: fr.join(' '), en: en.join(' ') },
    links: entries.reduce<Link[]>((all, e) => mergeLinks(all, linksFor(e, incident)), []),
  };
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Why some sending IPs got no look-up link, when the entry builds links with the sending IP. */
function withheldIps(entry: ReasonEntry, incident: Incident): Localized[] {
  if (entry.lookup !== 'ip' || entry.links.length === 0) return [];
  return linkIps(incident.sendingIps, MAX_LINKED_IPS).withheld;
}

function linksFor(entry: ReasonEntry, incident: Incident): Link[] {
  const links: Link[] = [];
  for (const kind of entry.links) {
    if (entry.lookup === 'ip') {
      const ips = linkIps(incident.sendingIps, MAX_LINKED_IPS).linked;
      if (ips.length === 0) links.push(buildLink(kind, null));
      for (const ip of ips) links.push(buildLink(kind, ip));
    } else if (entry.lookup === 'domain') {
      links.push(buildLink(kind, incident.sendingDomain));
    } else {
      links.push(buildLink(kind, null));
    }
  }
  return links;
}

function withTrigger(advice: Advice, incident: Incident, trigger: TriggerRef | null): Advice {
  if (!trigger) {
    return {
      ...advice,
      summary: {
        fr: `${advice.summary.fr} Aucune erreur Orange antérieure pour cette IP ne figure dans le texte fourni : cherchez-la plus haut dans les journaux du serveur.`,
        en: `${advice.summary.en} No earlier Orange error for this IP appears in the text provided: look for it further up in the server logs.`,
      },
    };
  }
  // « (ligne 4, lundi 16 décembre 2019 à 21:58:02 UTC+01:00) »: the ticket's own dates, their zone out
  // of its parentheses (already inside these).
  const when = (lang: Lang) =>
    trigger.occurredAt ? `, ${formatIncidentDate(trigger.occurredAt, lang, true).text}` : '';
  const where = {
    fr: trigger.line > 0 ? ` (ligne ${trigger.line}${when('fr')})` : '',
    en: trigger.line > 0 ? ` (line ${trigger.line}${when('en')})` : '',
  };
  const quoted = clip(trigger.text);
  const fr = [
    `${advice.summary.fr} Erreur antérieure qui a probablement déclenché la suspension${where.fr} : « ${quoted} ».`,
  ];
  const en = [
    `${advice.summary.en} Earlier error that most likely triggered the suspension${where.en}: "${quoted}".`,
  ];
  const entry = entryFor(trigger.reason, null, trigger.text);
  let contactAbuseDesk = advice.contactAbuseDesk;
  let links = advice.links;
  if (entry && entry.id !== '99X') {
    const triggerAdvice = adviceFromEntry(entry, incident, reasonLabel(trigger.reason, entry));
    fr.push(`Pour cette erreur : ${afterColon(triggerAdvice.summary.fr)}`);
    en.push(`For that error: ${triggerAdvice.summary.en}`);
    contactAbuseDesk = contactAbuseDesk || triggerAdvice.contactAbuseDesk;
    links = mergeLinks(triggerAdvice.links, advice.links);
  }
  return { ...advice, contactAbuseDesk, summary: { fr: fr.join(' '), en: en.join(' ') }, links };
}

/**
 * A sentence put after a colon: French writes its first word in lower case (not an acronym: « SPF », « IP »).
 */
function afterColon(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

function mergeLinks(first: Link[], second: Link[]): Link[] {
  const seen = new Set<string>();
  return [...first, ...second].filter((link) => !seen.has(link.url) && seen.add(link.url));
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_RAW_REPLY ? `${flat.slice(0, MAX_RAW_REPLY)}…` : flat;
}

function unknownAdvice(incident: Incident): Advice {
  const reason = incident.orange?.reason ?? null;
  const code = incident.reply.code;
  const permanent = code !== null && code >= 500 && code < 600;
  const raw = clip(incident.reply.text);
  const label = reason === null ? { fr: '', en: '' } : { fr: ` [${reason}]`, en: ` [${reason}]` };
  const fr = [
    `Code Orange inconnu${label.fr} : la base de connaissances de l’outil ne le décrit pas.`,
    raw ? `Réponse reçue : « ${raw} ».` : 'Aucune réponse SMTP n’a été trouvée.',
    permanent
      ? 'Le rejet est définitif : si le problème persiste, transmettez la réponse complète au service abuse d’Orange.'
      : 'Laissez le serveur réessayer ; si le problème persiste, rassemblez les réponses avant de contacter Orange.',
  ];
  const en = [
    `Unknown Orange code${label.en}: the tool's knowledge base does not describe it.`,
    raw ? `Reply received: "${raw}".` : 'No SMTP reply was found.',
    permanent
      ? "The rejection is permanent: if the problem persists, send the complete reply to Orange's abuse desk."
      : 'Let the server retry; if the problem persists, gather the replies before contacting Orange.',
  ];
  return {
    nextStep: 'unknown',
    contactAbuseDesk: permanent,
    summary: { fr: fr.join(' '), en: en.join(' ') },
    links: [buildLink('orange-postmaster', null)],
  };
}

/**
 * The relays Orange's own customers send through (notes/orange.md, section 2): a refusal there is about
 * the customer's account or message, never a case for the abuse desk, which handles mail coming in.
 */
const SUBMISSION_RELAYS = ['smtp.orange.fr', 'smtpauth.orange.fr', 'smtp.wanadoo.fr'];

function isSubmissionRelay(host: string | null): boolean {
  return host !== null && SUBMISSION_RELAYS.includes(host.toLowerCase().replace(/\.$/, ''));
}

/** A refusal by Orange's submission relay that the knowledge base does not describe (no OFR token). */
function submissionRelayAdvice(incident: Incident): Advice {
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
function sendingRelayAdvice(incident: Incident): Advice {
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

function notOrangeAdvice(incident: Incident): Advice {
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
