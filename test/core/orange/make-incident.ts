/** Builds realistic incidents for tests; documentation IPs and example.com names, real Orange server ids. */
import type { Incident } from '../../../core/types';

export function makeIncident(overrides: Partial<Incident> = {}): Incident {
  return {
    occurredAt: '2019-12-16T22:00:18+01:00',
    sendingIps: ['203.0.113.25'],
    sendingHosts: ['mail.example.com'],
    sendingDomain: 'example.com',
    recipientDomain: 'orange.fr',
    remoteHost: 'smtp-in.orange.fr',
    remoteIp: '193.252.22.65',
    reply: {
      code: 550,
      enhanced: null,
      text: '550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=203.0.113.25 [102]',
    },
    orange: { token: 'OFR006_102', reason: 102, server: 'mwinf5c04' },
    isOrange: true,
    format: 'smtp-reply',
    sources: {},
    assumptions: [],
    trigger: null,
    ...overrides,
  };
}

/** An Orange incident for a reason number, with a reply shaped like Orange's (code, server id, token, [NNN]). */
export function incidentForReason(reason: number, overrides: Partial<Incident> = {}): Incident {
  const code =
    reason === 104 || reason === 105 || reason === 106 || reason === 108 || reason >= 990 ? 421 : 550;
  const token = `OFR004_${reason}`;
  return makeIncident({
    reply: {
      code,
      enhanced: null,
      text: `${code} opmta1mti33nd1 smtp.orange.fr EnJyw4MoQfspR Service refuse. Service refused. ${token} [${reason}]`,
    },
    orange: { token, reason, server: 'opmta1mti33nd1' },
    ...overrides,
  });
}
