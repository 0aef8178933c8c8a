/**
 * An Abusix Mail Intelligence access key as the app accepts it: it is put in the DNS query name
 * (`<reversed ip>.<key>.combined.mail.abusix.zone`), so it must be a single DNS label (RFC 1035: letters,
 * digits and inner hyphens, at most 63 characters); empty means no key. Kept apart from app.ts so the
 * renderer can check a key as it is typed without loading zod.
 */
export const ABUSIX_KEY = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)?$/;
