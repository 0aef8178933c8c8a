/**
 * Elastic Email's recipient event (`RecipientEvent` of its v4 API, `GET /v4/events`, as its SDKs' models
 * document it): `FromEmail`, `To`, `EventType` (`Bounce`, `FailedAttempt`...), `EventDate`, `Message`
 * ("Error message if sending has failed (FailedAttempt or Bounce)") and `IPAddress` ("IP which this email
 * was sent through"). Its capitalised `Message` and `To` are read only in this shape: elsewhere a
 * `Message` is an SNS envelope's JSON string, a `To` a header of anyone's.
 */
import type { Obj } from './json-value';

const text = (o: Obj, key: string): string | null => {
  const v = o[key];
  return typeof v === 'string' && v.trim() ? v : null;
};

/** True for an object with the keys of Elastic Email's recipient event. */
export function isElasticEmailEvent(o: Obj): boolean {
  return text(o, 'EventType') !== null && text(o, 'EventDate') !== null && text(o, 'FromEmail') !== null;
}

/** The recipient and the sending IP of Elastic Email's recipient event; nulls for any other object. */
export function elasticEmailAddresses(o: Obj): { recipient: string | null; sendingIp: string | null } {
  if (!isElasticEmailEvent(o)) return { recipient: null, sendingIp: null };
  return { recipient: text(o, 'To'), sendingIp: text(o, 'IPAddress') };
}
