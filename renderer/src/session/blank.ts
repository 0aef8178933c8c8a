/** An incident with nothing filled in, for entering the fields by hand. */
import type { Incident } from '../../../core/types';

export function blankIncident(): Incident {
  return {
    occurredAt: null,
    sendingIps: [],
    sendingHosts: [],
    sendingDomain: null,
    recipientDomain: 'orange.fr',
    remoteHost: null,
    remoteIp: null,
    reply: { code: null, enhanced: null, text: '' },
    orange: null,
    isOrange: true,
    format: 'unknown',
    sources: {},
    assumptions: [],
    trigger: null,
  };
}
