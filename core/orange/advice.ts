/**
 * Advice for one incident: the next step, whether to write to Orange's abuse desk, a summary in both
 * languages and the useful links. Built from the knowledge base in reasons/; pure.
 */
import type { SharedWording } from '../extract/shared-orange-wording';
import { formatIncidentDate } from '../ticket/date';
import type { Advice, Incident, Lang, Link, Localized, TriggerRef } from '../types';
import {
  clip,
  isSubmissionRelay,
  notOrangeAdvice,
  sendingRelayAdvice,
  submissionRelayAdvice,
} from './advice-elsewhere';
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

export interface AdviceContext {
  /** Every incident of the same paste, in order, to find what triggered a 999 when extraction did not. */
  incidents?: Incident[];
}

/**
 * An advice with its summary cut into steps: what the code means, what to do, how long to wait, the
 * trigger of a 999 and what to do about it... The summary is the steps run together; the app shows them
 * apart (a 999's advice made one paragraph of ten sentences).
 */
export interface SteppedAdvice extends Advice {
  steps: Localized[];
}

export function advise(incident: Incident, context?: AdviceContext): Advice {
  const { steps: _steps, ...advice } = adviseInSteps(incident, context);
  return advice;
}

/** An advice whose summary is one step only. */
const oneStep = (advice: Advice): SteppedAdvice => ({ ...advice, steps: [advice.summary] });

/** The summary of steps: each language's steps run together. */
const runTogether = (steps: Localized[]): Localized => ({
  fr: steps.map((step) => step.fr).join(' '),
  en: steps.map((step) => step.en).join(' '),
});

export function adviseInSteps(incident: Incident, context?: AdviceContext): SteppedAdvice {
  // The sender's own relay refused (not Orange's submission relay, which its knowledge base describes:
  // named by its host, or by the OFR token only Orange's servers write, as in `550 5.7.0 mwinf5d30 ME
  // Authentication failed. OFR 305` quoted without the host).
  if (!isSubmissionRelay(incident.remoteHost) && !incident.orange?.token && isSendingRelayRefusal(incident))
    return oneStep(sendingRelayAdvice(incident));
  if (!incident.isOrange) return oneStep(notOrangeAdvice(incident));
  const entry = entryFor(incident.orange?.reason ?? null, incident.reply.code, incident.reply.text);
  if (!entry && isSubmissionRelay(incident.remoteHost)) return oneStep(submissionRelayAdvice(incident));
  const shared = entry ? null : sharedWordingFor(incident);
  if (shared) return oneStep(sharedWordingAdvice(shared, incident));
  if (!entry) return oneStep(unknownAdvice(incident));
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

function adviceFromEntry(entry: ReasonEntry, incident: Incident, label: Localized): SteppedAdvice {
  const steps: Localized[] = [
    {
      fr: `${entry.title.fr} (${label.fr}). ${entry.meaning.fr}`,
      en: `${entry.title.en} (${label.en}). ${entry.meaning.en}`,
    },
    entry.action,
  ];
  const fr: string[] = [];
  const en: string[] = [];
  /** What was gathered in `fr` and `en` since the last step, as one step. */
  const step = () => {
    if (fr.length > 0) steps.push({ fr: fr.join(' '), en: en.join(' ') });
    fr.length = 0;
    en.length = 0;
  };
  if (entry.wait) {
    fr.push(`Délai : ${lowerFirst(entry.wait.fr)}`);
    en.push(`How long: ${lowerFirst(entry.wait.en)}`);
    step();
  }
  if (entry.nextStep === 'contact-orange') {
    fr.push(`Dans le formulaire d’Orange, choisissez l’option « ${ORANGE_FORM_OPTION} ».`);
    en.push(`In Orange's form (in French), pick the option "${ORANGE_FORM_OPTION}".`);
    step();
  }
  if (!entry.verified) {
    fr.push('Attention : cette signification n’est pas vérifiée.');
    en.push('Caution: this meaning is unverified.');
    step();
  }
  // The IPs left without a link: one step (the reason for each, then what follows from it).
  for (const why of withheldIps(entry, incident)) {
    fr.push(why.fr);
    en.push(why.en);
  }
  step();
  return {
    nextStep: entry.nextStep,
    contactAbuseDesk: entry.nextStep === 'contact-orange',
    summary: runTogether(steps),
    links: linksFor(entry, incident),
    steps,
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

function withTrigger(advice: SteppedAdvice, incident: Incident, trigger: TriggerRef | null): SteppedAdvice {
  if (!trigger) {
    const steps = [
      ...advice.steps,
      {
        fr: 'Aucune erreur Orange antérieure pour cette IP ne figure dans le texte fourni : cherchez-la plus haut dans les journaux du serveur.',
        en: 'No earlier Orange error for this IP appears in the text provided: look for it further up in the server logs.',
      },
    ];
    return { ...advice, summary: runTogether(steps), steps };
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
  const steps: Localized[] = [
    ...advice.steps,
    {
      fr: `Erreur antérieure qui a probablement déclenché la suspension${where.fr} : « ${quoted} ».`,
      en: `Earlier error that most likely triggered the suspension${where.en}: "${quoted}".`,
    },
  ];
  const entry = entryFor(trigger.reason, null, trigger.text);
  let contactAbuseDesk = advice.contactAbuseDesk;
  let links = advice.links;
  if (entry && entry.id !== '99X') {
    const triggerAdvice = adviceFromEntry(entry, incident, reasonLabel(trigger.reason, entry));
    // What to do about that error: its own steps, the first one introduced.
    const [first, ...rest] = triggerAdvice.steps;
    if (first)
      steps.push(
        { fr: `Pour cette erreur : ${afterColon(first.fr)}`, en: `For that error: ${first.en}` },
        ...rest,
      );
    contactAbuseDesk = contactAbuseDesk || triggerAdvice.contactAbuseDesk;
    links = mergeLinks(triggerAdvice.links, advice.links);
  }
  return { ...advice, contactAbuseDesk, summary: runTogether(steps), links, steps };
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
