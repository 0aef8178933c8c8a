/**
 * A verdict for every field of an incident, and the list of required items still missing. A ticket can
 * be written with warnings or errors, never silently without a required item.
 */
import { refusedElsewhere } from '../orange/other-provider';
import { reasonForReply } from '../orange/reason-lookup';
import type { FieldName, Incident, Verdict, VerdictLevel } from '../types';
import { validateDate } from './date';
import { validateDomain } from './domain';
import { validateHostname } from './hostname';
import { validateIp } from './ip';
import { checkRecipientDomain, checkRemoteHost, checkRemoteIp } from './remote';
import { validateReplyCode } from './reply';
import { missing, ok, REQUIRED_FIELDS, warning, worstLevel } from './verdict';

export interface ValidateOptions {
  now?: Date;
}

export interface IncidentValidation {
  fields: Record<FieldName, Verdict>;
  /** Required items absent from the incident, in Orange's order. */
  missing: FieldName[];
  /** The worst verdict over all fields. */
  level: VerdictLevel;
}

export function validateIncident(
  incident: Incident,
  options: ValidateOptions = {},
): Record<FieldName, Verdict> {
  const now = options.now ?? new Date();
  // Another provider's refusal: a missing item is not said to be asked for by Orange.
  const orange = !refusedElsewhere(incident);
  return {
    occurredAt: incident.occurredAt ? validateDate(incident.occurredAt, now) : missing('occurredAt', orange),
    sendingIps: validateList(incident.sendingIps, 'sendingIps', validateIp, orange),
    sendingHosts: validateList(
      incident.sendingHosts,
      'sendingHosts',
      (host) => validateHostname(host, orange),
      orange,
    ),
    sendingDomain: incident.sendingDomain?.trim()
      ? validateDomain(incident.sendingDomain)
      : missing('sendingDomain', orange),
    // Another provider's refusal: its server, IP and domain are not expected to be Orange's.
    recipientDomain: checkRecipientDomain(incident.recipientDomain, orange),
    remoteHost: checkRemoteHost(incident.remoteHost, orange),
    remoteIp: checkRemoteIp(incident.remoteIp, orange),
    reply: checkReply(incident, orange),
    orange: checkOrange(incident),
  };
}

/** Required items absent from the incident (empty strings and empty lists count as absent). */
export function missingRequired(incident: Incident): FieldName[] {
  const present: Record<string, boolean> = {
    occurredAt: Boolean(incident.occurredAt?.trim()),
    sendingIps: incident.sendingIps.some((ip) => ip.trim()),
    sendingHosts: incident.sendingHosts.some((host) => host.trim()),
    sendingDomain: Boolean(incident.sendingDomain?.trim()),
    reply: Boolean(incident.reply.text.trim()),
  };
  return REQUIRED_FIELDS.filter((field) => !present[field]);
}

/** Every field's verdict, the missing required items and the overall level. */
export function checkIncident(incident: Incident, options: ValidateOptions = {}): IncidentValidation {
  const fields = validateIncident(incident, options);
  return {
    fields,
    missing: missingRequired(incident),
    level: worstLevel(Object.values(fields).map((v) => v.level)),
  };
}

function validateList(
  values: readonly string[],
  field: FieldName,
  check: (value: string) => Verdict,
  orange: boolean,
): Verdict {
  const filled = values.map((v) => v.trim()).filter(Boolean);
  if (filled.length === 0) return missing(field, orange);
  const verdicts = filled.map(check);
  const level = worstLevel(verdicts.map((v) => v.level));
  if (level === 'ok') return ok();
  const problems = verdicts.filter((v) => v.level !== 'ok');
  return {
    level,
    message: {
      fr: problems.map((v) => v.message.fr).join(' '),
      en: problems.map((v) => v.message.en).join(' '),
    },
  };
}

function checkReply(incident: Incident, orange: boolean): Verdict {
  if (!incident.reply.text.trim()) return missing('reply', orange);
  return validateReplyCode(incident.reply.code, incident.reply.enhanced);
}

function checkOrange(incident: Incident): Verdict {
  if (!incident.isOrange) {
    return warning(
      'Cette réponse ne semble pas venir d’Orange : cet outil ne traite que les rejets d’Orange.',
      'This reply does not seem to come from Orange: this tool only handles Orange rejections.',
    );
  }
  const reason = incident.orange?.reason ?? null;
  const entry = reasonForReply(reason, incident.reply.code, incident.reply.text);
  if (entry) return ok();
  if (reason === null) {
    return warning(
      'La réponse ne contient pas de jeton OFR ni de code [NNN] : recopiez la réponse complète d’Orange.',
      "The reply carries no OFR token nor [NNN] code: copy Orange's complete reply.",
    );
  }
  return warning(
    `Le code ${reason} n’est pas décrit dans la base de connaissances : la réponse sera transmise telle quelle.`,
    `Code ${reason} is not described in the knowledge base: the reply will be passed on as it is.`,
  );
}
