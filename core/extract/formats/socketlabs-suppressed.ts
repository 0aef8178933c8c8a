/**
 * SocketLabs' `Failed` event for a suppressed recipient: its event webhook names the kind of failure in
 * `FailureType` (`Temporary`, `Permanent` or `Suppressed`, its SocketLabs.EventWebhooks.Extensions
 * models); `Suppressed` means SocketLabs did not send (its suppression list): no server refused.
 */
import type { Json } from './json-value';

/** What a SocketLabs `Failed` event for a suppressed recipient says, or null for any other object. */
export function socketLabsSuppressed(o: {
  [key: string]: Json;
}): { esp: string; reason: string; suppressed: boolean } | null {
  // SocketLabs' own members beside its `Type`: another provider's `FailureType` is not read here.
  if (o.Type !== 'Failed' || o.FailureType !== 'Suppressed' || o.MailingId === undefined) return null;
  const reason = typeof o.Reason === 'string' && o.Reason.trim() !== '' ? o.Reason.trim() : 'Suppressed';
  return { esp: 'SocketLabs', reason, suppressed: true };
}
