/**
 * The message for Orange's contact form: plain text, French by default (the form is French-only), with
 * the English version for the sender's records. The five items Orange asks for always appear, either
 * verbatim or as an explicit « [à compléter : ...] » marker listed in `missing`.
 */
import type { FieldName, Incident, Lang, Localized, TicketContext } from '../types';
import { FIELD_LABELS } from '../validate/verdict';
import { type MessageKey, t, tn } from './catalog';
import { formatIncidentDate } from './date';
import { type Facts, gatherFacts, unique } from './facts';
import { cloudmarkReset, planTicket, type TicketPlan, ticketIncidents } from './mode';
import { notForOrange } from './not-for-orange';
import { collectWarnings } from './warnings';
import { joinWords, listNames } from './wording';

export { MAX_LISTED_INCIDENTS } from './facts';

export interface TicketInput {
  incidents: Incident[];
  context: TicketContext;
  lang: Lang;
  /** One line summing up the pre-flight checks, already in `lang`. */
  preflightLine?: string | null;
  now?: Date;
}

/** Each required item as text, to copy on its own. */
export interface TicketItems {
  date: string;
  ips: string;
  hosts: string;
  domain: string;
  reply: string;
}

export interface Ticket {
  subject: string;
  body: string;
  items: TicketItems;
  missing: FieldName[];
  warnings: Localized[];
  /**
   * When no refusal the ticket speaks of is Orange's: the notice saying Orange's abuse desk cannot help
   * (also first among the warnings); the text is then worded without putting the refusal on Orange.
   */
  notForOrange: Localized | null;
}

const MAX_SUBJECT_IPS = 2;
const MAX_SUBJECT_TOKENS = 3;

const LANGS: readonly Lang[] = ['fr', 'en'];

function marker(lang: Lang, field: FieldName): string {
  return t(lang, 'missing', { label: FIELD_LABELS[field][lang] });
}

function codesPart(lang: Lang, reasons: readonly number[]): string {
  if (reasons.length === 0) return '';
  const key: MessageKey = reasons.length > 1 ? 'codes.other' : 'codes.one';
  return t(lang, key, { codes: joinWords(lang, reasons.map(String)) });
}

function dateText(lang: Lang, incident: Incident): string {
  if (!incident.occurredAt?.trim()) return marker(lang, 'occurredAt');
  const formatted = formatIncidentDate(incident.occurredAt, lang);
  if (formatted.kind === 'no-zone')
    return `${formatted.text} ${t(lang, 'missing', { label: t(lang, 'missing.zone') })}`;
  return formatted.text;
}

function replyText(lang: Lang, incident: Incident): string {
  const text = incident.reply.text.trim();
  return text || marker(lang, 'reply');
}

function listOrMarker(lang: Lang, values: readonly string[], field: FieldName): string {
  return values.length > 0 ? values.join(', ') : marker(lang, field);
}

function buildItems(lang: Lang, facts: Facts): TicketItems {
  const dates = facts.listed.map((i) => dateText(lang, i));
  const replies = facts.listed.map((i) => replyText(lang, i));
  return {
    date: dates.length > 0 ? dates.join('\n') : marker(lang, 'occurredAt'),
    ips: listOrMarker(lang, facts.ips, 'sendingIps'),
    hosts: listOrMarker(lang, facts.hosts, 'sendingHosts'),
    domain: listOrMarker(lang, facts.domains, 'sendingDomain'),
    reply: replies.length > 0 ? replies.join('\n') : marker(lang, 'reply'),
  };
}

function subjectLine(lang: Lang, plan: TicketPlan, facts: Facts): string {
  const parts = [
    t(lang, cloudmarkReset(plan) ? 'subject.afterCloudmarkReset' : (`subject.${plan.mode}` as MessageKey)),
  ];
  if (facts.ips.length > 0) {
    const shown = facts.ips.slice(0, MAX_SUBJECT_IPS).join(', ');
    const rest = facts.ips.length - MAX_SUBJECT_IPS;
    parts.push(`IP ${rest > 0 ? tn(lang, 'subject.moreIps', rest, { ips: shown }) : shown}`);
  }
  if (facts.domains.length > 0) parts.push(facts.domains.join(', '));
  const tokens = unique(facts.listed.map((i) => i.orange?.token ?? '')).slice(0, MAX_SUBJECT_TOKENS);
  if (tokens.length > 0) parts.push(tokens.join(', '));
  return parts.join(' - ');
}

function situation(lang: Lang, plan: TicketPlan, facts: Facts, notOrange: boolean): string {
  const codes = codesPart(lang, plan.reasons);
  // Another provider's refusal: said without « your server », nor Orange's addresses.
  if (notOrange) return tn(lang, 'situation.notOrange', replyCount(facts), { codes });
  const ipCount = Math.max(1, facts.ips.length);
  const lists = listNames(lang, plan.lists);
  switch (plan.mode) {
    case 'liftBlock':
      return tn(lang, 'situation.liftBlock', ipCount, { codes });
    case 'connectionLimits':
      return tn(lang, 'situation.connectionLimits', ipCount, { codes });
    case 'suspension':
      return tn(lang, 'situation.suspension', ipCount, { codes });
    case 'temporaryRejection':
      return tn(lang, 'situation.temporaryRejection', ipCount, { codes });
    case 'afterDelisting':
      if (cloudmarkReset(plan)) return tn(lang, 'situation.afterCloudmarkReset', ipCount, { codes });
      return plan.domainListed
        ? t(lang, 'situation.afterDelistingDomain', { codes, lists })
        : tn(lang, 'situation.afterDelistingIp', ipCount, { codes, lists });
    case 'generic':
      return tn(lang, 'situation.generic', replyCount(facts), { codes });
    default:
      return t(lang, `situation.${plan.mode}` as MessageKey, { codes });
  }
}

/** How many different replies the ticket quotes (one sentence speaks of "the reply", or "the replies"). */
function replyCount(facts: Facts): number {
  return new Set(facts.listed.map((i) => i.reply.text)).size;
}

function request(lang: Lang, plan: TicketPlan, facts: Facts): string {
  if (plan.mode === 'generic') return tn(lang, 'request.generic', replyCount(facts));
  // A refusal at the end of DATA (505) says nothing of a rate: its cause alone is asked, not limits.
  if (plan.mode === 'temporaryRejection' && !plan.reasons.includes(408))
    return t(lang, 'request.temporaryRejectionAfterData');
  return t(lang, `request.${plan.mode}` as MessageKey);
}

function triggerParagraphs(lang: Lang, facts: Facts): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const incident of facts.listed) {
    const trigger = incident.trigger;
    const text = trigger?.text.trim();
    if (!trigger || !text || seen.has(text)) continue;
    seen.add(text);
    const date = trigger.occurredAt
      ? t(lang, 'trigger.date', { date: dateText(lang, { ...incident, occurredAt: trigger.occurredAt }) })
      : '';
    const codes = codesPart(lang, incident.orange?.reason != null ? [incident.orange.reason] : []);
    // The listed incident read from the trigger's own line, else one whose reply the line holds (two
    // refusals may have the same words: the line tells which came first).
    const atLine = facts.listed.findIndex(
      (other) => other !== incident && other.sources.reply?.line === trigger.line,
    );
    const listedAt =
      atLine >= 0
        ? atLine
        : facts.listed.findIndex(
            (other) =>
              other !== incident && other.reply.text.trim() !== '' && text.includes(other.reply.text.trim()),
          );
    if (listedAt >= 0) {
      out.push(t(lang, 'trigger.listed', { codes, n: listedAt + 1 }));
      continue;
    }
    out.push(`${t(lang, 'trigger', { date, codes })}\n${text}`);
  }
  return out;
}

/** Whether every listed refusal is Orange's: else its reply is only « reçue », not « d'Orange ». */
function allOrange(facts: Facts): boolean {
  return facts.listed.every((i) => i.isOrange);
}

function replyLabel(facts: Facts): string {
  return allOrange(facts) ? 'label.reply' : 'label.replyReceived';
}

/** The notes of extraction saying Exchange Online (Microsoft 365) delivered the message (exchange-online-relay.ts). */
const MICROSOFT_365_NOTES = new Set(['sender.exchange-online-relay', 'sender.microsoft-shared-outbound']);

/**
 * The sentence telling the desk that the messages left through Microsoft 365's shared outbound servers, so
 * that it does not take Microsoft's address for one of the sender's own; only when a listed incident's
 * notes say so.
 */
function sharedOutbound(lang: Lang, facts: Facts): string | null {
  const shared = facts.listed.some((i) => i.assumptions.some((a) => MICROSOFT_365_NOTES.has(a.code)));
  return shared ? tn(lang, 'sharedOutbound', facts.ips.length) : null;
}

function itemsBlock(lang: Lang, facts: Facts, items: TicketItems): string {
  const many = facts.listed.length > 1;
  const head = [
    `${tn(lang, 'label.ips', facts.ips.length)} : ${items.ips}`,
    `${tn(lang, 'label.hosts', facts.hosts.length)} : ${items.hosts}`,
    `${tn(lang, 'label.domain', facts.domains.length)} : ${items.domain}`,
  ].map((line) => frenchColon(lang, line));
  if (!many) {
    return [
      frenchColon(lang, `${tn(lang, 'label.date', 1)} : ${items.date}`),
      ...head,
      frenchColon(lang, `${tn(lang, replyLabel(facts), 1)} :`),
      items.reply,
    ].join('\n');
  }
  const blocks = facts.listed.map((incident, index) => {
    const ips = unique(incident.sendingIps);
    const ipNote =
      facts.ips.length > 1 && ips.length > 0 ? t(lang, 'incident.ip', { ip: ips.join(', ') }) : '';
    return `${index + 1}. ${dateText(lang, incident)}${ipNote}\n${replyText(lang, incident)}`;
  });
  const more = facts.more > 0 ? [tn(lang, 'moreIncidents', facts.more)] : [];
  const label: MessageKey = allOrange(facts) ? 'label.incidents' : 'label.incidentsReceived';
  return [head.join('\n'), frenchColon(lang, `${t(lang, label)} :`), ...blocks, ...more].join('\n\n');
}

/** The label/value separator: « : » after a non-breaking space in French, « : » glued in English. */
function frenchColon(lang: Lang, line: string): string {
  const at = line.indexOf(' :');
  if (at < 0) return line;
  return lang === 'fr'
    ? `${line.slice(0, at)}\u00a0:${line.slice(at + 2)}`
    : `${line.slice(0, at)}:${line.slice(at + 2)}`;
}

/**
 * A daily volume typed as a bare number (`20000`, `20 000`) written as a French or English reader
 * expects it, with its unit: « 20 000 messages » (a no-break space, which Latin-1 has), `20,000
 * messages`; anything else as typed.
 */
function dailyVolume(lang: Lang, value: string | undefined): string | undefined {
  const digits = value?.trim().replace(/[\s\u00a0\u202f.,']/g, '');
  if (!digits || !/^\d{1,12}$/.test(digits) || !/^\d[\d\s\u00a0\u202f.,']*$/.test(value?.trim() ?? ''))
    return value;
  const grouped = Number(digits)
    .toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-US')
    .replace(/[\u202f\u00a0]/g, '\u00a0');
  return `${grouped} messages`;
}

function contextBlock(
  lang: Lang,
  context: TicketContext,
  preflightLine: string | null | undefined,
  notOrange: boolean,
): string | null {
  const lines: string[] = [];
  const add = (key: MessageKey, value: string | undefined) => {
    const trimmed = value?.trim();
    if (trimmed) lines.push(t(lang, key, { value: trimmed }));
  };
  add('context.company', context.company);
  // The volume typed is the volume sent to Orange: no figure for another provider.
  if (!notOrange) add('context.dailyVolume', dailyVolume(lang, context.dailyVolume));
  add('context.collectionMethod', context.collectionMethod);
  if (context.signalSpamMember === true) lines.push(t(lang, 'context.signalSpamYes'));
  if (context.signalSpamMember === false) lines.push(t(lang, 'context.signalSpamNo'));
  add('context.actionsTaken', context.actionsTaken);
  add('context.preflight', preflightLine ?? undefined);
  if (lines.length === 0) return null;
  return [t(lang, 'context.intro'), ...lines].join('\n');
}

function signature(lang: Lang, context: TicketContext): string {
  const lines = [t(lang, 'closing.regards')];
  for (const value of [context.contactName, context.company]) {
    const trimmed = value?.trim();
    if (trimmed) lines.push(trimmed);
  }
  return lines.join('\n');
}

function bodyText(
  lang: Lang,
  input: TicketInput,
  plan: TicketPlan,
  facts: Facts,
  items: TicketItems,
  notOrange: boolean,
): string {
  const paragraphs = [
    t(lang, 'greeting'),
    situation(lang, plan, facts, notOrange),
    ...triggerParagraphs(lang, facts),
    t(lang, notOrange ? 'itemsIntro.notOrange' : 'itemsIntro'),
    itemsBlock(lang, facts, items),
    sharedOutbound(lang, facts),
    contextBlock(lang, input.context, input.preflightLine, notOrange),
    request(lang, plan, facts),
    `${t(lang, 'closing.available')}\n${t(lang, 'closing.thanks')}`,
    signature(lang, input.context),
  ];
  return `${paragraphs.filter((p): p is string => Boolean(p)).join('\n\n')}\n`;
}

/** The ticket for Orange's form in `input.lang`. */
export function buildTicket(input: TicketInput): Ticket {
  // Only the refusals the desk deals with, when there are some among others (mode.ts).
  const incidents = ticketIncidents(input.incidents);
  const facts = gatherFacts(incidents);
  const plan = planTicket(incidents);
  const items = buildItems(input.lang, facts);
  const notice = notForOrange(facts.listed);
  return {
    subject: subjectLine(input.lang, plan, facts),
    body: bodyText(input.lang, { ...input, incidents }, plan, facts, items, notice !== null),
    items,
    missing: facts.missing,
    warnings: collectWarnings(input, plan, facts, input.incidents.length - incidents.length, notice),
    notForOrange: notice,
  };
}

/** Both versions at once: French for the form, English for the records. */
export function buildTickets(input: Omit<TicketInput, 'lang'>): Record<Lang, Ticket> {
  const [fr, en] = LANGS.map((lang) => buildTicket({ ...input, lang })) as [Ticket, Ticket];
  return { fr, en };
}
