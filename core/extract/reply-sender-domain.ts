/**
 * The sender's domain a remote names in its own reply, read when nothing else gives one (a notice's text
 * pasted alone). Gmail names the envelope sender's domain in its rate limit (`mail sent from your SPF domain
 * [example.com 15] has been temporarily rate limited`) and the From domain in its DMARC refusal
 * (`Unauthenticated email from example.com is not accepted due to domain's DMARC policy`), Outlook.com the
 * From domain it finds too weakly authenticated (`sending domain X doesn't meet the required ...`). A sender
 * the reply refuses by name (`<a@x>: Sender address rejected`) is the envelope's. Envelope first, as for the
 * headers. (Wordings seen in Postfix notices in crisp-oss/email-bounce-parser's fixtures and the Sisimai
 * corpus.)
 */
import { namesSender } from './envelope-address';
import { isHostName } from './header-block';

const SENDER_DOMAIN_WORDINGS: readonly RegExp[] = [
  /\byour SPF domain\s{0,4}\[([A-Za-z0-9][A-Za-z0-9.-]{0,252})[\s\]]/i,
  /\bUnauthenticated email from\s{1,4}([A-Za-z0-9][A-Za-z0-9.-]{0,252})\s{1,4}is not accepted/i,
  // Gmail's 5.7.26: `Authentication results: DKIM = did not pass SPF [example.com] with ip: [IP] = did
  // not pass`, the domain SPF was checked for being the envelope sender's.
  /\bSPF\s{0,4}\[([A-Za-z0-9][A-Za-z0-9.-]{0,252})\]\s{1,4}with\s{1,4}ip/i,
  // Its older 5.7.26: `For this message, DKIM checks did not pass and SPF check for [example.com] did
  // not pass with ip: [IP]`.
  /\bSPF check for\s{0,4}\[([A-Za-z0-9][A-Za-z0-9.-]{0,252})\]\s{1,4}d(?:id|oes) not/i,
  // Its 5.7.26 for an SPF hard fail: `The MAIL FROM domain [example.com] has an SPF record with a hard
  // fail policy (-all) but it fails to pass SPF checks` (quoted in ietf-tools/datatracker issue 5677).
  // Rackspace's DMARC refusal names the From domain: `550 5.7.1 Email rejected per DMARC policy for
  // example.org (G15)` (the same issue).
  /\bEmail rejected per DMARC policy for\s{1,4}([A-Za-z0-9][A-Za-z0-9.-]{0,252}[A-Za-z0-9])/i,
  /\bThe MAIL FROM domain\s{0,4}\[([A-Za-z0-9][A-Za-z0-9.-]{0,252})\]\s{1,4}has an SPF record/i,
  // Outlook.com's 2025 requirements for bulk senders: `550 5.7.515 Access denied, sending domain
  // EXAMPLE.COM doesn't meet the required authentication level`.
  /\bsending domain\s{1,4}([A-Za-z0-9][A-Za-z0-9.-]{0,252})\s{1,4}(?:doesn['’]t|does not) meet the required/i,
  // SparkPost's refusal of a domain its account has not set up: `550 5.7.1 Unconfigured Sending Domain
  // <example.com>`.
  /\bUnconfigured Sending Domain\s{1,4}<([A-Za-z0-9][A-Za-z0-9.-]{0,252})>/i,
  // A policy filter naming the envelope sender it checked: `553 5.7.1 Hello [IP], for your MAIL FROM
  // address <a@example.com> policy analysis reported: ...` (vger.kernel.org's, quoted by Exchange, 2022).
  /\bfor your MAIL FROM address\s{1,4}<[^<>@\s]{1,64}@([A-Za-z0-9][A-Za-z0-9.-]{0,252})>/i,
  // Postfix's DNS blocklist refusal of the envelope sender (reject_rhsbl_sender, smtpd_check.c): `554 5.7.1
  // Service unavailable; Sender address [a@example.com] blocked using dbl.spamhaus.org; ...`
  // (mailserver2/mailserver pull 90).
  /\bSender address\s{1,4}\[[^[\]<>@\s]{1,64}@([A-Za-z0-9][A-Za-z0-9.-]{0,252})\]\s{1,4}blocked using\b/i,
];

/**
 * What posters write in a reply's brackets where they hid their domain (`SPF [domain.com] with ip:
 * [ipaddress]`, `SPF check for [xyz.com]`): no sending domain. (Elsewhere `domain.com` may be read as
 * written, redaction.ts.)
 */
const STAND_IN = /^(?:domain|xyz)\.[a-z]{2,3}$/;

/** Longest part of a reply looked at: the wordings come in its first lines. */
const MAX_TEXT = 4096;

/** Addresses in angle brackets, as servers quote them. */
const BRACKETED_ADDRESS = /<([^\s<>@]{1,64}@([A-Za-z0-9.-]{1,253}[A-Za-z0-9]))>/g;

/**
 * The domain of the envelope sender a reply refuses by name (Postfix's `<a@x>: Sender address rejected:
 * ...`, a filter's `<a@x> sender rejected AUP#CDRBL`), or null.
 */
function refusedSenderDomain(text: string): string | null {
  if (!/sender/i.test(text)) return null;
  for (const m of text.matchAll(BRACKETED_ADDRESS)) {
    if (m[2] && namesSender(text, m[0])) return m[2].toLowerCase();
  }
  return null;
}

/**
 * Amazon SES's refusal of identities not verified: `554 Message rejected: Email address is not verified.
 * The following identities failed the check in region EU-WEST-2: Jeremy from Exercism
 * <hello@mail.exercism.io>, hello@mail.exercism.io` (exercism/website issue 6085). An account still in
 * SES's sandbox is refused its recipients so too, so an identity listed is no sender by itself; the
 * same address listed as the From header gives it (with its display name) and bare (the envelope's
 * Source) is the sender's.
 */
const SES_IDENTITIES =
  /\bThe following identities failed the check in region [A-Za-z0-9-]{2,30}:\s{0,4}([^\n]{3,2000})/i;
const NAMED_IDENTITY = /^[^<>@]{1,200}<([^\s<>@]{1,64}@[A-Za-z0-9.-]{1,253}[A-Za-z0-9])>$/;
const BARE_IDENTITY = /^([^\s<>@]{1,64}@[A-Za-z0-9.-]{1,253}[A-Za-z0-9])$/;

function sesSenderDomain(text: string): string | null {
  const list = SES_IDENTITIES.exec(text)?.[1];
  if (!list) return null;
  const named = new Set<string>();
  const bare = new Set<string>();
  for (const item of list.split(',')) {
    const identity = item.trim().replace(/\.$/, '');
    const inName = NAMED_IDENTITY.exec(identity)?.[1];
    if (inName) named.add(inName.toLowerCase());
    const alone = BARE_IDENTITY.exec(identity)?.[1];
    if (alone) bare.add(alone.toLowerCase());
  }
  for (const address of named) if (bare.has(address)) return address.slice(address.lastIndexOf('@') + 1);
  return null;
}

/** The sending domain the reply names, lower-cased, or null. */
export function replySenderDomain(replyText: string): string | null {
  const text = replyText.slice(0, MAX_TEXT);
  const refused = refusedSenderDomain(text);
  if (refused && isHostName(refused)) return refused;
  const ses = sesSenderDomain(text);
  if (ses && isHostName(ses)) return ses;
  for (const wording of SENDER_DOMAIN_WORDINGS) {
    const domain = wording.exec(text)?.[1]?.replace(/\.$/, '').toLowerCase();
    if (domain && isHostName(domain) && !STAND_IN.test(domain)) return domain;
  }
  return null;
}
