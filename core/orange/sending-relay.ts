/**
 * Refusals by the sender's own relay or sending service, not by a recipient's server: a login refused (535,
 * Microsoft 365's 5.7.57 and 5.7.139), a sender address the service does not allow (Amazon SES's
 * `Email address is not verified`, SendGrid's `verified Sender Identity`, Microsoft's SendAsDenied 5.7.60,
 * Exchange's `Client does not have permissions to send as this sender`), an account its own provider holds
 * back (Microsoft 365's 5.7.708, Mailgun's sandbox `Domain sandbox... is not allowed to send`), a connection
 * from outside an account's allowed addresses (smtp2go's `550 that IP address is not allowed to send`), a
 * relay refusing to relay, or any refusal by a known submission or relay endpoint
 * (`email-smtp.eu-west-1.amazonaws.com`, `smtp.office365.com`, `smtp.gmail.com`...). The message never left
 * the sender's side: nothing for Orange's abuse desk, even when it was addressed to Orange. Codes and
 * wordings as the services document them and as they appear in real pastes (GitHub issues, 2016-2025).
 */
import { outlookOutgoingServer } from '../extract/client-quote';
import { isOrangeHost } from '../extract/reply';
import type { Incident } from '../types';

/**
 * The submission and relay endpoints of the big sending services and mailbox providers, French ones
 * included: the servers their customers send through, never their inbound MX (Free's are mx1/mx2.free.fr,
 * La Poste's smtp-in.laposte.net, OVH's mx*.mail.ovh.net, Gandi's spool.mail.gandi.net).
 */
const RELAY_HOST =
  /^(?:email-smtp(?:-fips)?\.[a-z0-9-]{2,30}\.amazonaws\.com|smtp\.sendgrid\.net|smtp(?:\.eu)?\.mailgun\.org|smtp\.office365\.com|smtp-mail\.outlook\.com|smtp\.gmail\.com|smtp-relay\.gmail\.com|smtp-relay\.(?:sendinblue|brevo)\.com|in(?:-v3)?\.mailjet\.com|smtp\.postmarkapp\.com|smtp\.sparkpostmail\.com|mail\.smtp2go\.com|smtp\.mandrillapp\.com|smtp\.(?:free\.fr|sfr\.fr|laposte\.net|bbox\.fr)|ssl0\.ovh\.net|mail\.gandi\.net|mail\.infomaniak\.com|smtp\.ionos\.(?:fr|com|de)|smtp\.mail\.yahoo\.com)\.?$/i;

/**
 * The remote reached on a submission port (`relay=smtp.free.fr[2a01:e0c:1::25]:587`, Postfix relaying
 * through the sender's provider in nextcloud/server issue 31919; Exim's `H=host [IP]:465`): the sender's
 * own relay, since MX servers take mail on port 25 only.
 */
const SUBMISSION_PORT = /\[[0-9A-Fa-f:.]{2,45}\]:(?:587|465)(?!\d)/;

/** True when the line naming the remote shows it was reached on a submission port. */
function reachedOnSubmissionPort(incident: Incident): boolean {
  const line = incident.sources.remoteHost?.text ?? incident.sources.remoteIp?.text ?? '';
  return SUBMISSION_PORT.test(line.slice(0, 2000));
}

/**
 * Enhanced codes that only a sender's own service writes (Microsoft 365's client submission and outbound).
 */
const OWN_SERVICE_STATUS = new Set(['5.7.57', '5.7.139', '5.7.60', '5.7.708', '5.7.705', '5.7.750']);

/**
 * Wordings of a login or a sender refused by the sender's own service; also a sender address that does not
 * match the account logged in (`551 Sender address is not valid for your login. Check your email
 * program settings.`, Frappe's error log in frappe/erpnext issue 7056; `501 Mail from address must be same as
 * authorization user.`, 163.com's and QQ's submission, Ghost's, gomail's and ssmtp's pastes; 163.com's
 * `553 Mail from must equal authorized user`, an elastalert user's smtplib error). Microsoft 365's
 * `550 5.1.8 Access denied, bad outbound sender` is its outbound spam filter blocking the sending account (a
 * restricted user, "Remove blocked users from the Restricted entities page"), not a recipient's refusal:
 * 5.1.8 alone is not, since other servers refuse a sender's domain with it (`550 5.1.8 <x>: Sender address
 * rejected: Domain not found`). Microsoft's German, Dutch and French articles translate the reply they quote
 * (`Zugriff verweigert, ungültiger ausgehender Absender`, `Toegang geweigerd, slechte uitgaande afzender`,
 * `accès refusé, expéditeur sortant incorrect`, also read without its accents). Postfix's
 * `reject_sender_login_mismatch` (postconf(5)) says `Sender address rejected: not owned by user x` only to a
 * client logged in (one that is not is told `not logged in`), so on a submission server; Yandex's submission
 * says `553 5.7.1 Sender address rejected: not owned by auth user.` (FluentSMTP's log in
 * WPManageNinja/fluent-smtp issue 62; Titan's and Namecheap's pastes in the public code index).
 * `If MAIL FROM is local then you must authenticate` (.NET's error in andrewdavey/postal issue 127) is a
 * server that hosts the sender's own domain wanting a login for it (MDaemon documents such a rule,
 * "Authentication is always required when mail is from local accounts").
 */
const OWN_SERVICE_WORDS =
  /\b(?:Authentication (?:unsuccessful|failed|credentials invalid)|Client (?:was )?not authenticated|SmtpClientAuthentication is disabled|Username and Password not accepted|Email address is not verified|verified Sender Identity|Domain [^\s:]{1,253} is not allowed to send|Sending suspended for this account|SendAsDenied|that IP address is not allowed to send|Sender address is not valid for your login|Mail from address must be same as authorization user|Mail from must equal authorized user|Access denied, bad outbound sender|Zugriff verweigert, ungültiger ausgehender Absender|Toegang geweigerd, slechte uitgaande afzender|acc[eè]s refus[eé], exp[eé]diteur sortant incorrect|Sender address rejected: not owned by (?:auth )?user|If MAIL FROM is local then you must authenticate)/i;

/**
 * Symfony Mailer's and Swift Mailer's error for a login refused, whatever the code the server answered
 * AUTH with (`Failed to authenticate on SMTP server with username "x" using the following authenticators:
 * "LOGIN", "PLAIN". Authenticator "LOGIN" returned "Expected response code "235" but got code "501", ...`,
 * Symfony's EsmtpTransport; Hi.Events issue 88): the application's own words that it was a login, on the
 * line the reply was read from.
 */
const APPLICATION_LOGIN_FAILED = /\bFailed to authenticate on SMTP server\b/;

/**
 * Google Workspace's SMTP relay (smtp-relay.gmail.com) refusing a sender it cannot tie to the customer's
 * account: `550-5.7.1 Invalid credentials for relay [IP]. The IP address you've registered in your G Suite
 * SMTP Relay service doesn't match domain of the account ...` (Google's "SMTP relay" help, #invalidcred;
 * a JavaMail stack trace in TreeBASE/treebase issue 273). The customer's own relay, never an inbound MX.
 */
const WORKSPACE_RELAY_CREDENTIALS = /\bInvalid credentials for relay\b/i;

/**
 * A login failing on the server's side, as RFC 4954 words AUTH's 454 (`454 4.7.0 Temporary
 * authentication failure: generic failure`, Zammad's notice in zammad/zammad issue 2133): a login, so the
 * sender's own server. The same words with another code are a receiving server's (a DMARC check's
 * `451 Temporary authentication failure` at the end of DATA, a Go inbound server in the public code index).
 */
const AUTH_454 = /^454[ -](?:4\.7\.0[ -])?\s{0,4}Temporary authentication failure\b/i;

/**
 * A relay refusing to pass the message on (Postfix's `454 4.7.1 <x@orange.fr>: Relay access denied`,
 * Exchange's `550 5.7.1 Unable to relay for x@orange.fr`, Sendmail's `550 5.7.1 ... Relaying denied`,
 * Exim's `550 relay not permitted`): the sender's own smarthost or submission server, which Orange's
 * receiving servers never are for mail to Orange's own domains.
 */
const RELAY_DENIED =
  /\b(?:Relay(?:ing)? (?:access )?(?:denied|not permitted|not allowed|prohibited)|Unable to relay|not permitted to relay|We do not relay)\b/i;

/**
 * Sendmail's `Relaying denied` as Microsoft's articles translate it in the Outlook error they quote (KB
 * 290842 and "I get a 550, 553 or relay prohibited error" in French, German, Spanish, Italian and Dutch:
 * `Réponse du serveur : '550 <personne@exemple.com>... Relais refusé'`, `Relay verweigert`,
 * `Retransmisión denegada`, `Inoltro negato`, `Doorsturen geweigerd`), from where users copy it. (No
 * `\b` after `é`, which is no word character to JavaScript.)
 */
const RELAY_DENIED_TRANSLATED =
  /\b(?:Relais refus[ée]|Relay(?:ing)? verweigert|Retransmisi[óo]n denegada|Inoltro negato|Doorsturen geweigerd)(?![A-Za-zÀ-ÿ])/i;

/**
 * Exchange's submission refusing the account's sender address (`550 5.7.1 Client does not have
 * permissions to send as this sender`, Zammad's outgoing account in zammad/zammad issue 1247). An
 * Exchange receiving anonymous mail under its own domain says the same: like a relay refusal, it is the
 * sender's side only where nothing names another server.
 */
const SEND_AS_REFUSED = /\bClient does not have permissions? to send as this sender\b/i;

/** True when the refusal came from the sender's own relay or sending service (see above). */
export function isSendingRelayRefusal(incident: Incident): boolean {
  const { code, enhanced, text } = incident.reply;
  // (Not a reply of Orange's that the relay quotes: its address check forwarding Orange's refusal.)
  if (
    ((incident.remoteHost && RELAY_HOST.test(incident.remoteHost)) || reachedOnSubmissionPort(incident)) &&
    (code === null || code >= 400) &&
    !incident.orange?.token
  )
    return true;
  if (code === 535) return true;
  if (enhanced && OWN_SERVICE_STATUS.has(enhanced)) return true;
  // The wordings open the reply (after its codes); words further on may be another line run into it.
  const head = text.slice(0, HEAD);
  if (
    OWN_SERVICE_WORDS.test(head) ||
    AUTH_454.test(head) ||
    WORKSPACE_RELAY_CREDENTIALS.test(head) ||
    (code === 530 && /\bAuthentication Required\b/i.test(head)) ||
    APPLICATION_LOGIN_FAILED.test(incident.sources.reply?.text.slice(0, 4000) ?? '')
  )
    return true;
  const relayDenied = RELAY_DENIED.test(head) || RELAY_DENIED_TRANSLATED.test(head);
  return (relayDenied || SEND_AS_REFUSED.test(head)) && refusedBySendersSide(incident);
}

/**
 * Whether a relay refusal came from the sender's side. For mail to Orange, a server that is not
 * Orange's refusing to relay is on the sender's side (Orange's receiving servers are Orange's). For
 * another provider's recipient, only when no server is named by its domain (an application's error
 * quoting its smarthost's reply alone; Sendmail's submission program's `relay=csf-mail`): a server named
 * so may be the recipient's MX refusing to relay for a domain it does not host. Nor when a DSN gave the
 * reply: the MTA that wrote it had accepted the message, wherever it was.
 */
function refusedBySendersSide(incident: Incident): boolean {
  const host = incident.remoteHost;
  // Orange's own hosts: a refusal they write is Orange's, whatever its words.
  if (incident.orange !== null || (host !== null && isOrangeHost(host))) return false;
  if (incident.isOrange) return true;
  // An ESP's event about a recipient: the ESP handed the message to the recipient's server and writes
  // down its reply (Mandrill's `deferral` event: `"diag": "454 4.7.1 <x@example.com>: Relay access
  // denied"`, the recipient's MX refusing a domain it does not host), not its own relay's.
  if (incident.format === 'json-event' && incident.recipientDomain !== null) return false;
  // Outlook's send error names the account's outgoing server (`Server: 'smtp.example.com'`): Outlook
  // talks to no other, so that server is the sender's own whatever its name.
  if (host !== null)
    return !host.includes('.') || outlookOutgoingServer(incident.sources.remoteHost?.text ?? '') === host;
  // A DSN's reply with no remote named: the MTA that wrote it had taken the message in, and nothing tells
  // whose it is (the recipient's inner Exchange behind its MX in Zammad's mail18.box:
  // `Reporting-MTA: dns;h2o-exchange.lan.h2o`, `Received-From-MTA: dns;mx.example.com`): no claim that the
  // message never left.
  if (DSN_REPLY.test(incident.sources.reply?.text ?? '')) return false;
  return incident.remoteIp === null;
}

const HEAD = 160;

/** The line a DSN gives its reply on. */
const DSN_REPLY = /^\s{0,8}Diagnostic-Code\s{0,4}:/i;
