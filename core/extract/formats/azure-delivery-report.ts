import type { EventFacts } from './event-facts';
import { child, type Obj, str } from './json-value';

/**
 * Azure Communication Services' `Failed` delivery report whose `statusMessage` is the remote's words
 * without their code (`[HM08] Message rejected due to local policy...`, iCloud's, as a listmonk write-up
 * of 2025 shows the event): an incident whose reply has no code, rather than nothing.
 */
export function azureFailure(o: Obj, base: EventFacts): EventFacts[] {
  const details = child(o, 'deliveryStatusDetails');
  const words = str(details, 'statusMessage');
  if (!details || !words || str(o, 'status') !== 'Failed') return [];
  return [
    {
      ...base,
      replyText: words,
      replyWritten: words,
      remoteHost: str(details, 'recipientMailServerHostName'),
    },
  ];
}
