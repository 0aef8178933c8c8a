/** The ticket's required items one by one, for forms that have a separate field for each. */
import type { Incident, Lang } from '../../../core/types';
import { formatOccurredAt } from '../i18n/format';

export type ItemKey = 'occurredAt' | 'sendingIps' | 'sendingHosts' | 'sendingDomain' | 'reply';
export interface TicketItem {
  key: ItemKey;
  value: string;
}

const unique = (values: string[]) => [...new Set(values.filter((v) => v.trim() !== ''))];

export function ticketItems(incidents: Incident[], lang: Lang): TicketItem[] {
  const dates = unique(
    incidents.map((i) => (i.occurredAt ? (formatOccurredAt(i.occurredAt, lang) ?? i.occurredAt) : '')),
  );
  const items: TicketItem[] = [
    { key: 'occurredAt', value: dates.join('\n') },
    { key: 'sendingIps', value: unique(incidents.flatMap((i) => i.sendingIps)).join(', ') },
    { key: 'sendingHosts', value: unique(incidents.flatMap((i) => i.sendingHosts)).join(', ') },
    { key: 'sendingDomain', value: unique(incidents.map((i) => i.sendingDomain ?? '')).join(', ') },
    { key: 'reply', value: unique(incidents.map((i) => i.reply.text)).join('\n') },
  ];
  return items;
}
