/**
 * TEMPORARY stand-ins for the parts of core/ still being written by other work (extract, advice,
 * validation, ticket). Replaced in engine.ts as each one lands; nothing else imports this file.
 */
import { parseReply } from '../../../core/extract/reply';
import type { ExtractionResult, Incident } from '../../../core/types';
import type { TicketRequest, TicketText } from './types';

export async function extractStandIn(text: string): Promise<ExtractionResult> {
  const incidents: Incident[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, i) => {
    if (!/OFR|\[\d{3}\]/i.test(line)) return;
    const parsed = parseReply(line);
    if (!parsed.isOrangeReply) return;
    const source = { line: i + 1, text: line };
    incidents.push({
      occurredAt: null,
      sendingIps: parsed.linkIps,
      sendingHosts: [],
      sendingDomain: null,
      recipientDomain: null,
      remoteHost: null,
      remoteIp: null,
      reply: parsed.reply,
      orange: parsed.orange,
      isOrange: true,
      format: 'smtp-reply',
      sources: { reply: source, orange: source, ...(parsed.linkIps.length ? { sendingIps: source } : {}) },
      assumptions: [],
      trigger: null,
    });
  });
  return { incidents, warnings: [] };
}

export function ticketStandIn({ incidents, lang }: TicketRequest): TicketText {
  const first = incidents[0];
  const lines = incidents.map((i) =>
    [
      i.occurredAt ?? '',
      i.sendingIps.join(', '),
      i.sendingHosts.join(', '),
      i.sendingDomain ?? '',
      i.reply.text,
    ].join('\n'),
  );
  return {
    subject: lang === 'fr' ? `Blocage ${first?.orange?.token ?? ''}` : `Block ${first?.orange?.token ?? ''}`,
    body: lines.join('\n\n'),
  };
}
