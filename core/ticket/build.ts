/**
 * The message for Orange's contact form: plain text, French by default (the form is French-only), with
 * the English version for the sender's records. The five items Orange asks for always appear, either
 * verbatim or as an explicit « [à compléter : ...] » marker listed in `missing`.
 */
import type { FieldName, Incident, Lang, Localized, TicketContext } from '../types';
import { missingRequired, validateIncident } from '../validate/incident';
import { FIELD_LABELS, REQUIRED_FIELDS } from '../validate/verdict';
import { type MessageKey, t, tn } from './catalog';
import { formatIncidentDate } from './date';
import { planTicket, type TicketPlan, ticketIncidents } from './mode';

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
}

/** Incidents written out in full; the others are counted in one sentence. */
export const MAX_LISTED_INCIDENTS = 10;
const MAX_SUBJECT_IPS = 2;
const MAX_SUBJECT_TOKENS = 3;

const LANGS: readonly Lang[] = ['fr', 'en'];

function unique(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const trimmed = value.trim();
    const key = trimmed.toLowerCase();
    if (!trimmed || seen.has(key)) continue;
    seen.add(key);
    out.push(trimmed);
  }
  return out;
}

function marker(lang: Lang, field: FieldName): string {
  return t(lang, 'missing', { label: FIELD_LABELS[field][lang] });
}

/** `a`, `a et b`, `a, b et c` (French) / `a and b`, `a, b and c` (English). */
function joinWords(lang: Lang, words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')}${t(lang, 'list.and')}${words[words.length - 1]}`;
}

/** The blocklists after « auprès » (with French elision: « d'Abusix et de Spamhaus »), or in English. */
function listNames(lang: Lang, lists: readonly string[]): string {
  if (lang === 'en') return joinWords('en', lists);
  return joinWords(
    'fr',
    lists.map((name) => (/^[aeiouyh]/i.test(name) ? `d'${name}` : `de ${name}`)),
  );
}

function codesPart(lang: Lang, reasons: readonly number[]): string {
  if (reasons.length === 0) return '';
  const key: MessageKey = reasons.length > 1 ? 'codes.other' : 'codes.one';
  return t(lang, key, { codes: joinWords(lang, reasons.map(String)) });
}

interface Facts {
  listed: Incident[];
  more: number;
  ips: string[];
  hosts: string[];
  domains: string[];
  missing: FieldName[];
}

function gatherFacts(incidents: readonly Incident[]): Facts {
  const listed = incidents.slice(0, MAX_LISTED_INCIDENTS);
  const ips = unique(incidents.flatMap((i) => i.sendingIps));
  const hosts = unique(incidents.flatMap((i) => i.sendingHosts));
  const domains = unique(incidents.map((i) => i.sendingDomain ?? ''));
  const absent = new Set<FieldName>();
  if (incidents.length === 0) for (const field of REQUIRED_FIELDS) absent.add(field);
  for (const incident of listed) {
    for (const field of missingRequired(incident)) absent.add(field);
  }
  if (ips.length > 0) absent.delete('sendingIps');
  if (hosts.length > 0) absent.delete('sendingHosts');
  if (domains.length > 0) absent.delete('sendingDomain');
  return {
    listed,
    more: incidents.length - listed.length,
    ips,
    hosts,
    domains,
    missing: REQUIRED_FIELDS.filter((field) => absent.has(field)),
  };
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

/**
 * A delisting follow-up whose only list is Cloudmark's (reason 102): Cloudmark is the filter Orange
 * uses, and one asks it to reset an address's reputation, not to remove it from a list.
 */
function cloudmarkReset(plan: TicketPlan): boolean {
  return plan.mode === 'afterDelisting' && !plan.domainListed && plan.lists.join() === 'Cloudmark';
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

function situation(lang: Lang, plan: TicketPlan, facts: Facts): string {
  const codes = codesPart(lang, plan.reasons);
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
): string | null {
  const lines: string[] = [];
  const add = (key: MessageKey, value: string | undefined) => {
    const trimmed = value?.trim();
    if (trimmed) lines.push(t(lang, key, { value: trimmed }));
  };
  add('context.company', context.company);
  add('context.dailyVolume', dailyVolume(lang, context.dailyVolume));
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
): string {
  const paragraphs = [
    t(lang, 'greeting'),
    situation(lang, plan, facts),
    ...triggerParagraphs(lang, facts),
    t(lang, 'itemsIntro'),
    itemsBlock(lang, facts, items),
    contextBlock(lang, input.context, input.preflightLine),
    request(lang, plan, facts),
    `${t(lang, 'closing.available')}\n${t(lang, 'closing.thanks')}`,
    signature(lang, input.context),
  ];
  return `${paragraphs.filter((p): p is string => Boolean(p)).join('\n\n')}\n`;
}

function both(
  key: MessageKey,
  vars: (lang: Lang) => Record<string, string | number> = () => ({}),
): Localized {
  return { fr: t('fr', key, vars('fr')), en: t('en', key, vars('en')) };
}

/**
 * A warning: shown in the interface, never pasted into Orange's form, so its French takes the
 * interface's typography (’ for elisions) instead of the ticket's keyboard apostrophe.
 */
function warning(
  key: string,
  vars: (lang: Lang) => Record<string, string | number> = () => ({}),
  count?: number,
): Localized {
  const text =
    count === undefined
      ? both(key as MessageKey, vars)
      : { fr: tn('fr', key, count, vars('fr')), en: tn('en', key, count, vars('en')) };
  return { fr: text.fr.replace(/(\p{L})'(?=\p{L})/gu, '$1’'), en: text.en };
}

/** The name of a missing item; the date's says whose when several incidents are listed. */
function missingLabel(lang: Lang, field: FieldName, facts: Facts): string {
  if (field !== 'occurredAt' || facts.listed.length < 2) return FIELD_LABELS[field][lang];
  const undated = facts.listed.filter((i) => !i.occurredAt?.trim()).length;
  return t(lang, undated === facts.listed.length ? 'missing.datesAll' : 'missing.datesSome');
}

/**
 * An address a poster masked in the reply the ticket quotes (`OFR006_103 X.X.X.X [103]`, Cloudmark's
 * `?ip=xxx.xxx.xxx.xxx`, `IP=***.***.***.***`, a run of dots in place of a name): the ticket would quote
 * it so. The first one, or null.
 */
const MASKED_ADDRESS =
  /(?<![\w.])(?:[xX]{1,3}|\*{1,3})(?:\.(?:[xX]{1,3}|\*{1,3})){3}(?![\w.])|(?<=[=\s([])\.{6,}(?=[\s\])]|$)/;

function maskedInReplies(facts: Facts): string | null {
  for (const incident of facts.listed) {
    const found = MASKED_ADDRESS.exec(incident.reply.text)?.[0];
    if (found) return found;
  }
  return null;
}

/** The notes of a date read in a zone the text did not give (the settings' zone, or UTC). */
const ASSUMED_ZONE = new Set([
  'date.no-zone',
  'assumed-zone',
  'assumed-year-and-zone',
  'assumed-year-from-message',
]);
/** The notes of a log line's year assumed (against now, or the date of the message quoting it). */
const ASSUMED_YEAR = new Set(['assumed-year-and-zone', 'assumed-year-from-message']);

function collectWarnings(input: TicketInput, plan: TicketPlan, facts: Facts, leftOut: number): Localized[] {
  const warnings: Localized[] = [];
  if (facts.missing.length > 0) {
    warnings.push(
      warning('warn.missing', (lang) => ({
        list: joinWords(
          lang,
          facts.missing.map((f) => missingLabel(lang, f, facts)),
        ),
      })),
    );
  }
  const assumed: string[] = [];
  // A syslog line gives no year either: the ticket's date says the year it was given (log time.ts).
  let yearAssumed = false;
  for (const incident of facts.listed) {
    if (!incident.occurredAt?.trim()) continue;
    const kind = formatIncidentDate(incident.occurredAt, 'fr').kind;
    if (kind === 'no-zone')
      warnings.push(warning('warn.noZone', () => ({ date: incident.occurredAt ?? '' })));
    if (kind === 'unreadable')
      warnings.push(warning('warn.badDate', () => ({ date: incident.occurredAt ?? '' })));
    if (kind === 'full' && incident.assumptions.some((a) => ASSUMED_ZONE.has(a.code))) {
      assumed.push(incident.occurredAt);
      yearAssumed ||= incident.assumptions.some((a) => ASSUMED_YEAR.has(a.code));
    }
  }
  // One warning: the date when one incident's zone was assumed, their number when several were.
  const [first] = assumed;
  const [one, several] = yearAssumed
    ? (['warn.assumedYearAndZone', 'warn.assumedYearsAndZones'] as const)
    : (['warn.assumedZone', 'warn.assumedZones'] as const);
  if (assumed.length === 1 && first)
    warnings.push(warning(one, (lang) => ({ date: formatIncidentDate(first, lang).text })));
  if (assumed.length > 1) warnings.push(warning(several, () => ({ n: assumed.length })));
  const masked = maskedInReplies(facts);
  if (masked) warnings.push(warning('warn.maskedReply', () => ({ masked })));
  if (cloudmarkReset(plan)) warnings.push(warning('warn.afterCloudmarkReset'));
  else if (plan.mode === 'afterDelisting')
    warnings.push(warning('warn.afterDelisting', (lang) => ({ lists: listNames(lang, plan.lists) })));
  if (plan.mode === 'afterFix') warnings.push(warning('warn.afterFix'));
  if (plan.mode === 'suspension') warnings.push(warning('warn.afterPause'));
  const count = facts.listed.length + facts.more;
  const howMany = (n: number) => (count === 1 ? 'one' : n === count ? 'all' : 'some');
  if (leftOut > 0) warnings.push(warning('warn.leftOut', () => ({ n: leftOut }), leftOut));
  if (plan.notAbuseDeskCases > 0)
    warnings.push(warning(`warn.notAbuseDesk.${howMany(plan.notAbuseDeskCases)}` as MessageKey));
  if (plan.notOrange > 0) warnings.push(warning(`warn.notOrange.${howMany(plan.notOrange)}` as MessageKey));
  // A suspension's own warning already says to pause first.
  if (plan.allWait && plan.mode !== 'suspension') warnings.push(warning('warn.wait'));
  warnings.push(...validationWarnings(input, facts));
  return dedupe(warnings);
}

/** Problems with values that are present (missing ones are reported above). */
function validationWarnings(input: TicketInput, facts: Facts): Localized[] {
  const out: Localized[] = [];
  const fields: FieldName[] = ['occurredAt', 'sendingIps', 'sendingHosts', 'sendingDomain', 'reply'];
  for (const incident of facts.listed) {
    const verdicts = validateIncident(incident, input.now ? { now: input.now } : {});
    const absent = new Set(missingRequired(incident));
    for (const field of fields) {
      const verdict = verdicts[field];
      if (verdict.level !== 'ok' && !absent.has(field)) out.push(verdict.message);
    }
  }
  return out;
}

function dedupe(warnings: Localized[]): Localized[] {
  const seen = new Set<string>();
  return warnings.filter((w) => !seen.has(w.en) && seen.add(w.en));
}

/** The ticket for Orange's form in `input.lang`. */
export function buildTicket(input: TicketInput): Ticket {
  // Only the refusals the desk deals with, when there are some among others (mode.ts).
  const incidents = ticketIncidents(input.incidents);
  const facts = gatherFacts(incidents);
  const plan = planTicket(incidents);
  const items = buildItems(input.lang, facts);
  return {
    subject: subjectLine(input.lang, plan, facts),
    body: bodyText(input.lang, { ...input, incidents }, plan, facts, items),
    items,
    missing: facts.missing,
    warnings: collectWarnings(input, plan, facts, input.incidents.length - incidents.length),
  };
}

/** Both versions at once: French for the form, English for the records. */
export function buildTickets(input: Omit<TicketInput, 'lang'>): Record<Lang, Ticket> {
  const [fr, en] = LANGS.map((lang) => buildTicket({ ...input, lang })) as [Ticket, Ticket];
  return { fr, en };
}
