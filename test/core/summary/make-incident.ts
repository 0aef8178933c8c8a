/**
 * Builds incidents as the log scanner reports them, from realistic Postfix lines and Orange replies
 * (reply texts as seen in real bounces, see ../shared/notes/orange.md; documentation IPs only).
 */
import type { Incident, TriggerRef } from '../../../core/types';

export const REPLY_102 = (ip: string) =>
  `550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=${ip} [102]`;
export const REPLY_999 =
  '421 mwinf5c77 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR_999 [999]';
export const REPLY_104 =
  '421 mwinf5c10 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR005_104 [104]';
export const REPLY_506 = '550 5.2.0 mwinf5c21 ME Mail rejete. Mail rejected. ofr_506 [506]';
export const REPLY_GMAIL =
  '550-5.7.1 [203.0.113.7] Our system has detected that this message is likely unsolicited mail. To reduce the amount of spam sent to Gmail, this message has been blocked.';

interface Spec {
  at: string | null;
  ip: string | null;
  reply: string;
  line: number;
  orange?: boolean;
  remoteHost?: string;
  recipientDomain?: string;
  trigger?: TriggerRef | null;
  host?: string;
  domain?: string;
}

function parseOrange(reply: string): Incident['orange'] {
  const token = /\b(ofr\w{0,8})\s/i.exec(reply)?.[1]?.toUpperCase() ?? null;
  const reason = /\[(\d{3})\]\s*$/.exec(reply)?.[1];
  const server = /\b(mwinf5c\d\d|opmta1mti\w{1,10})\b/.exec(reply)?.[1] ?? null;
  return { token, reason: reason ? Number(reason) : null, server };
}

export function postfixLine(spec: Spec): string {
  const host = spec.remoteHost ?? 'smtp-in.orange.fr';
  const status = spec.reply.startsWith('4') ? 'deferred' : 'bounced';
  return `${spec.at ?? 'Mar 16 02:27:29'} mta1 postfix-out/smtp[50${spec.line}]: 4PcV4K5F${spec.line}: to=<jean.dupont@${spec.recipientDomain ?? 'orange.fr'}>, relay=${host}[193.252.22.65]:25, delay=0.5, delays=0.1/0/0.3/0.1, dsn=4.0.0, status=${status} (host ${host}[193.252.22.65] said: ${spec.reply} (in reply to MAIL FROM command))`;
}

export function incident(spec: Spec): Incident {
  const isOrange = spec.orange ?? true;
  const code = Number(spec.reply.slice(0, 3));
  const text = postfixLine(spec);
  const ref = { line: spec.line, text };
  return {
    occurredAt: spec.at,
    sendingIps: spec.ip ? [spec.ip] : [],
    sendingHosts: [spec.host ?? 'mta1.example.com'],
    sendingDomain: spec.domain ?? 'example.com',
    recipientDomain: spec.recipientDomain ?? 'orange.fr',
    remoteHost: spec.remoteHost ?? 'smtp-in.orange.fr',
    remoteIp: isOrange ? '193.252.22.65' : '198.51.100.20',
    reply: {
      code,
      enhanced: /^\d{3}[ -](\d\.\d{1,3}\.\d{1,3})/.exec(spec.reply)?.[1] ?? null,
      text: spec.reply,
    },
    orange: isOrange ? parseOrange(spec.reply) : null,
    isOrange,
    format: 'postfix',
    sources: { reply: ref, occurredAt: ref, ...(spec.ip ? { sendingIps: ref } : {}) },
    assumptions: [],
    trigger: spec.trigger ?? null,
  };
}

/** The value, or a test failure when it is missing (instead of a non-null assertion). */
export function defined<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
}
