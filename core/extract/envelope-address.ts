/**
 * Whose address a line names, by the words just before it: the sender's (`from=<...>`, `From: <...>`,
 * msmtp's `envelope from address ...`, `MAIL FROM:<...>`), an address to write to (`contact ...`,
 * `forward this error to ...`), or else, the first of the others, the recipient's. A log line often
 * names the sender before the recipient (Cisco's `From: <a@x> To: <b@y>`, ZoneMTA's `from=a@x to=b@y`):
 * the first address is not always the recipient's.
 */

// A local part may be redacted (`<…@example.org>`, `***@example.org`, `???@example.org`): the domain
// still names the recipient. It may be written in any script (SMTPUTF8: `<自分のアドレス@gmail.com>`).
const ADDRESS = /<?([\p{L}\p{N}._%+=/'*?\u2026-]{1,64}@[A-Za-z0-9.-]{1,253}[A-Za-z0-9])>?/uy;
const NON_ASCII_LETTER = /[\p{L}\p{N}]/u;

/**
 * Words naming the sender right before an address (also a header's `From: "Name" <a@x>`, Mimecast's
 * `Blocked Senders: a@x` and `Anti-Spoofing policy: a@x`, which name the sender it refused; Sendmail's
 * `Too many hops 26 (25 max): from a@x via localhost, to b@y`; groups.io's `510 5.1.1 Your email address,
 * a@x, is not subscribed to that group`, quoted by Gmail in xen-devel's archive of 2025; Postfix's login
 * check naming the account that sent: `Sender address rejected: not owned by user admin@example.org`;
 * SmarterMail's delivery log names the sender of each delivery, `[2016.10.28] 09:16:15 [06435] Delivery
 * started for a@x at 09:16:15`, `[06435] Sending remote mail for a@x`, `[06435] Delivery for a@x to b@y has
 * completed (Bounced)`); Postfix's DNS blocklist refusal of the sender, `Service unavailable; Sender address
 * [a@x] blocked using dbl.spamhaus.org` (smtpd_check.c's wording, mailserver2/mailserver pull 90), the
 * address in brackets).
 */
const SENDER_BEFORE =
  /(?:\bfrom=|\bFrom:\s{0,4}|\bMAIL FROM:\s{0,4}|\benvelope[- ]from(?:\s+address)?[=:]?\s{0,4}|\bfrom\s+address\s{1,4}|\bsenders?(?:\s+address)?[=:]?\s{0,4}|\bAnti-Spoofing policy:\s{0,4}|\bReturn-Path:\s{0,4}|\bsmtp\.mailfrom=|\bmessage from\s{0,4}\(|\bFrom:\s{0,4}(?:"[^"\n]{0,30}"|[^"<>@:\n]{1,30}?)\s{1,2}|\bhops \d{1,3} \(\d{1,3} max\):\s{0,4}from\s{1,4}|\bYour e-?mail address,?\s{1,2}|\bnot owned by user\s{1,2}|\[\d{1,12}\] (?:Delivery(?: started| finished)?|Sending remote mail) for\s{1,2})[<"'[]?$/i;

/**
 * Outlook's send error names the account that was sending (`Task 'a@x - Sending' reported error
 * (0x800CCC78) : '... The server responded: 550 ...'`, in French `La tâche 'a@x - Envoi' a signalé une
 * erreur`, also in guillemets): the account's name is most often its address, the sender's, never the
 * recipient's.
 */
const OUTLOOK_TASK_BEFORE = /\b(?:Task|t[âa]che)\s{1,2}(?:'|\u00ab[\s\u00a0]{0,2})?$/i;
const OUTLOOK_TASK_AFTER = /^>?\s{1,2}-\s{1,2}(?:Sending|Envoi)\b/i;

/**
 * Mailgun's log writes `sender -> recipient` (`Failed: postmaster@mg.example.org -> user@example.net
 * 'Subject'`), its dashboard `sender → recipient`.
 */
const ARROW_AFTER = /^\s{0,4}(?:->|\u2192)(?:\s|$)/;
/**
 * A message id's label before it (`Message-ID: <`, a JSON record's `"messageid": "`, Odoo's log line
 * `Mail with ID 1187 and Message-Id '<...>' successfully sent`): no mailbox.
 */
const MESSAGE_ID_BEFORE =
  /(?:message[-_ ]?id|msg[-_]?id)\b["']?\s{0,4}(?:[:=]>?)?\s{0,4}["'<]{0,2}[^\s"'<>@]{0,64}$/i;
/**
 * The mail system's own address, which signs the notice (`"Mail Delivery Subsystem
 * <mailer-daemon@googlemail.com>":` quoted above Gmail's words in tutanota issue 7713): never a recipient.
 */
const MAIL_SYSTEM = /^mailer-daemon@/i;
/**
 * A URL's user and password before its host (`mailtos://user:****@smtp.orange.fr/...`, the mail URL
 * Apprise logs as `Loaded E-Mail URL:`, dgtlmoon/changedetection.io issue 3282): `****@smtp.orange.fr`
 * is the password and the server sent through, no mailbox.
 */
const URL_PASSWORD_BEFORE = /[A-Za-z][A-Za-z0-9+.-]{0,20}:\/\/[^\s/@:]{1,64}:$/;
/** A reply refusing the address as the sender: `<a@x>: Sender address rejected`, `<a@x> sender rejected`. */
const SENDER_REFUSED_AFTER = /^>?\s{0,2}:?\s{0,4}sender(?: address)? rejected\b/i;

/** A log's field name run into the address it names (`from=a@x`, `to=b@y`); group 1 for the sender's. */
// (Also the sending identity of an SES refusal's resource name, `...:identity/a@x`, a sender.)
const FIELD_KEY =
  /^(?:(from|sender|mailfrom|envelope-from)=|(identity)\/|(?:to|rcpt|recipient|orig_to)=)(?=[^=@/]+@)/i;

/**
 * Words naming an address as one to write to (`contact tosa@rx.t-online.de`, `forward this error to
 * abuse_rbl@abuse-att.net`, `forward this message to delist@messaging.microsoft.com`), not as the
 * recipient refused; or as one that may be either side's (Amazon SES's `The following identities failed
 * the check in region US-EAST-1: x@y`: the sender, or in its sandbox a recipient, not verified).
 */
const CONTACT_BEFORE =
  /(?:contact|write to|forward (?:this (?:message|e-?mail|error|notice) |it )?to|mailto:|e-?mail us(?: at)?|send (?:an? |your )?(?:e-?mail|message|request|questions?|inquir(?:y|ies)|complaints?) to|identities failed the check in region [A-Za-z0-9-]{1,30}:)\s{0,4}<?$/i;

/** Addresses looked at in one text, and `@` tried: enough for any line, bounded for a hostile one. */
const MAX_ADDRESSES = 8;
const MAX_TRIED = 16;

/** True for the characters of an address's local part in `ADDRESS`: `[\p{L}\p{N}._%+=/'*?…-]`. */
function isLocalChar(c: number): boolean {
  const lower = c | 32;
  return (
    (lower >= 97 && lower <= 122) ||
    (c >= 48 && c <= 57) ||
    c === 46 ||
    c === 42 ||
    c === 63 ||
    c === 0x2026 ||
    c === 95 ||
    c === 37 ||
    c === 43 ||
    c === 61 ||
    c === 47 ||
    c === 39 ||
    c === 45 ||
    (c >= 0xaa && NON_ASCII_LETTER.test(String.fromCharCode(c)))
  );
}

type Role = 'sender' | 'contact' | 'id' | 'system' | 'url' | 'other';

interface Named {
  address: string;
  role: Role;
}

/**
 * The addresses of the text with what the words before each make of it, in order. The pattern runs only
 * from the start of the run of local-part characters before each `@` (one character earlier for a `<`),
 * so a long text costs O(n), not O(64 n).
 */
function namedAddresses(text: string): Named[] {
  const out: Named[] = [];
  let from = 0;
  for (let tried = 0; out.length < MAX_ADDRESSES && tried < MAX_TRIED; tried++) {
    const at = text.indexOf('@', from);
    if (at < 0) break;
    const floor = Math.max(from, at - 66);
    let start = at;
    while (start > floor && isLocalChar(text.charCodeAt(start - 1))) start--;
    if (start > floor && text.charCodeAt(start - 1) === 60 /* < */) start--;
    ADDRESS.lastIndex = start;
    const m = ADDRESS.exec(text);
    if (!m?.[1]) {
      from = at + 1;
      continue;
    }
    // `=` may be in a local part (VERP's `bounce-user=x@y`): a log's `from=a@x` runs into the address.
    const key = FIELD_KEY.exec(m[1]);
    const address = key ? m[1].slice(key[0].length) : m[1];
    const before = text.slice(Math.max(0, start - 40), start);
    const after = text.slice(ADDRESS.lastIndex, ADDRESS.lastIndex + 32);
    const role: Role =
      key?.[1] !== undefined ||
      key?.[2] !== undefined ||
      (!key &&
        (SENDER_BEFORE.test(before) ||
          ARROW_AFTER.test(after) ||
          SENDER_REFUSED_AFTER.test(after) ||
          (OUTLOOK_TASK_BEFORE.test(before) && OUTLOOK_TASK_AFTER.test(after))))
        ? 'sender'
        : !key && CONTACT_BEFORE.test(before)
          ? 'contact'
          : MESSAGE_ID_BEFORE.test(before)
            ? 'id'
            : URL_PASSWORD_BEFORE.test(before)
              ? 'url'
              : MAIL_SYSTEM.test(address)
                ? 'system'
                : 'other';
    out.push({ address, role });
    from = ADDRESS.lastIndex;
  }
  return out;
}

/** The recipient a text names: its first address not labelled as the sender's or as one to write to. */
export function recipientIn(text: string): string | null {
  if (!text.includes('@')) return null;
  return namedAddresses(text).find((a) => a.role === 'other')?.address ?? null;
}

/** The sender a text labels as such (`from=<...>`, `From: <...>`, `envelope from address ...`), if any. */
export function senderIn(text: string): string | null {
  if (!text.includes('@')) return null;
  return namedAddresses(text).find((a) => a.role === 'sender')?.address ?? null;
}

/** Whether the text names `address` as one to write to rather than as a recipient. */
export function isContact(text: string, address: string): boolean {
  const at = text.indexOf(address);
  return at > 0 && CONTACT_BEFORE.test(text.slice(Math.max(0, at - 60), at));
}

/**
 * Words around an address that make it the sender's, tested on the first address of a notice's
 * paragraph (body-replies.ts) beside what recipientIn already skips: after it (`<a@b>: Sender address
 * rejected`), or before it with up to three words between (`MAIL FROM:<a@b>`, `envelope sender not
 * allowed a@b`), and the Exim-style `F=[a@b]` / `F=<a@b>` a filter's reply quotes beside `T=[recipient]`.
 */
const SENDER_AFTER = /^>?\s{0,2}(?:\.\.\.\s{0,2})?:?\s{0,4}(?:Sender|Exp[ée]diteur|Emetteur)\b/i;
const SENDER_AROUND_BEFORE =
  /(?:(?:MAIL\s{1,4}FROM|Sender|Exp[ée]diteur|Emetteur)(?:\s{1,4}[A-Za-z]{1,12}){0,3}\s{0,4}[:=]?\s{0,4}<?|(?:^|[\s-])F=[[<]?)$/i;

export function namesSender(line: string, address: string): boolean {
  const at = line.indexOf(address);
  if (at < 0) return false;
  return (
    SENDER_AFTER.test(line.slice(at + address.length, at + address.length + 40)) ||
    SENDER_AROUND_BEFORE.test(line.slice(Math.max(0, at - 48), at))
  );
}
