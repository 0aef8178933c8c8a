/**
 * The warnings shown beside a ticket: items missing, dates read in an assumed zone or year, masked
 * addresses in the quoted reply, what to do before writing, and the values that fail validation.
 */

import type { FieldName, Lang, Localized } from '../types';
import { missingRequired, validateIncident } from '../validate/incident';
import { FIELD_LABELS } from '../validate/verdict';
import type { TicketInput } from './build';
import { type MessageKey, t, tn } from './catalog';
import { formatIncidentDate } from './date';
import type { Facts } from './facts';
import { cloudmarkReset, type TicketPlan } from './mode';
import { joinWords, listNames } from './wording';

function both(
  key: MessageKey,
  vars: (lang: Lang) => Record<string, string | number> = () => ({}),
): Localized {
  return { fr: t('fr', key, vars('fr')), en: t('en', key, vars('en')) };
}

/**
 * A warning: shown in the interface, never pasted into Orange's form, so its French takes the
 * interface's typography (’ for elisions, a no-break space before : ; ? ! and », after «) instead of the
 * ticket's keyboard apostrophe and plain spaces.
 */
export function warning(
  key: string,
  vars: (lang: Lang) => Record<string, string | number> = () => ({}),
  count?: number,
): Localized {
  const text =
    count === undefined
      ? both(key as MessageKey, vars)
      : { fr: tn('fr', key, count, vars('fr')), en: tn('en', key, count, vars('en')) };
  const fr = text.fr
    .replace(/(\p{L})'(?=\p{L})/gu, '$1’')
    .replace(/ (?=[:;?!»])/g, '\u00a0')
    .replace(/« /g, '«\u00a0');
  return { fr, en: text.en };
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

export function collectWarnings(
  input: TicketInput,
  plan: TicketPlan,
  facts: Facts,
  leftOut: number,
  notice: Localized | null = null,
): Localized[] {
  // Refusals that are not Orange's: that comes first, and says more than the warning it replaces.
  const warnings: Localized[] = notice ? [notice] : [];
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
  if (plan.notOrange > 0 && !notice)
    warnings.push(warning(`warn.notOrange.${howMany(plan.notOrange)}` as MessageKey));
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
