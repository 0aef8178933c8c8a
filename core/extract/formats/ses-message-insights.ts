/**
 * Amazon SES's message insights (`GetMessageInsights` of its v2 API, `aws sesv2 get-message-insights`):
 * `{"FromEmailAddress", "Insights": [{"Destination", "Events": [{"Timestamp", "Type": "BOUNCE", "Details":
 * {"Bounce": {"BounceType", "BounceSubType", "DiagnosticCode"}}}]}]}`. The bounce sits four objects deep
 * in the message it describes: its recipient, sender and time are read from those objects by name, not
 * from whatever the nearest objects around it hold.
 */
import type { Obj } from './json-value';

const text = (o: Obj | undefined, key: string): string | null => {
  const v = o?.[key];
  return typeof v === 'string' && v.trim() ? v : null;
};

/**
 * The recipient (`Destination`), the sender (`FromEmailAddress`, "the from address used to send the
 * message") and the event's `Timestamp` of a bounce in SES's message insights; null for any other object.
 * `parents` are the objects around the bounce, nearest first: `Details`, the event, the insight, the message.
 */
export function sesInsightsFacts(
  bounce: Obj,
  parents: readonly Obj[],
): { recipient: string | null; sender: string | null; time: string | null } | null {
  const [details, event, insight, message] = parents;
  if (!details || details.Bounce !== bounce || !event || !insight || !message) return null;
  if (text(event, 'Type') === null || !Array.isArray(insight.Events) || !Array.isArray(message.Insights))
    return null;
  return {
    recipient: text(insight, 'Destination'),
    sender: text(message, 'FromEmailAddress'),
    time: text(event, 'Timestamp'),
  };
}
