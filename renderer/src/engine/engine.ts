/** The engine the app uses: core/'s functions behind the UI's Engine interface. */
import { extract } from '../../../core/extract';
import { adviseInSteps } from '../../../core/orange/advice';
import { refusedElsewhere } from '../../../core/orange/other-provider';
import { buildTicket } from '../../../core/ticket';
import type { Incident } from '../../../core/types';
import { checkIncident, validateHostname, validateIp, validateReplyCode } from '../../../core/validate';
import type { Engine, IncidentChecks } from './types';

export function checkForForm(incident: Incident, now = new Date()): IncidentChecks {
  const { fields, missing } = checkIncident(incident, { now });
  return {
    fields: { ...fields, replyCode: validateReplyCode(incident.reply.code, incident.reply.enhanced) },
    sendingIps: incident.sendingIps.map((ip) => validateIp(ip)),
    sendingHosts: incident.sendingHosts.map((host) => validateHostname(host, !refusedElsewhere(incident))),
    missing,
  };
}

export const coreEngine: Engine = {
  extract,
  advise: (incident, all) => adviseInSteps(incident, { incidents: all }),
  check: (incident) => checkForForm(incident),
  ticket: (request) => buildTicket(request),
};
