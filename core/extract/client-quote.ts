/**
 * Replies quoted by mail clients and by Exchange's notices, in English and French: where the quoted
 * reply starts, and where it ends, without the client's own words around it.
 *
 * Wordings (the clients' interface strings as users paste them):
 * - Exchange / Office 365: `Remote Server returned '550 ...'`; in French `Le serveur distant a retourné
 *   '550 ...'` (or `a renvoyé`).
 * - Outlook's send error, one line of `Label: value` pairs: `..., Server: 'smtp.orange.fr', Protocol:
 *   SMTP, Server Response: '550 ...', Port: 587, ...`; in French `Serveur : 'smtp.orange.fr', ...,
 *   Réponse du serveur : '550 ...', Port : 587, ...`, also pasted one pair per line.
 * - Thunderbird: `The mail server responded: 5.1.0 ... [415]. Please check the message and try again.`;
 *   in French `Le serveur a répondu : ... [514]. Veuillez vérifier le message et essayer à nouveau.`
 *   in German `Der Mail-Server antwortete: ... Bitte überprüfen Sie die E-Mail-Adresse des Empfängers "x" und
 *   wiederholen Sie den Vorgang.` (Thunderbird's de strings; modoboa/modoboa-installer issue 352).
 *   Thunderbird drops the basic code and adds the final period. Its other languages (Italian, Spanish,
 *   Portuguese, Dutch, Polish, Turkish, Arabic): thunderbird-l10n-words.ts.
 * - Apple Mail: `The server response was: 550 ...`; in French `La réponse du serveur était : 550 ...`.
 * - Gmail: `The response from the remote server was:` (reply on the next lines), in French `La réponse
 *   du serveur distant était :`; `The error that the other server returned was: 550 ...`.
 * - Office 365's text notice (2017): `Reported error:    550 5.1.10 RESOLVER...` (in French
 *   `Erreur signalée :`) when the remote's reply (with its basic code) follows; not its own status that names
 *   the remote's after it (`550 5.7.350 Remote server returned message detected as spam -> 550 ...`), read
 *   from its `Remote server returned` on.
 * - Office 365's and Azure Communication Services' notice since 2024: `Error Details` then `Error:  554
 *   5.7.1 ...` and `Message rejected by:    mx.example.net`.
 * - MailEnable: `Reason: 554 delivery error: ...` when the reply follows at once (its other wording,
 *   `Reason: Remote SMTP Server Returned: 550-...`, is read from `Remote SMTP Server Returned`).
 * - Outlook, older French versions: `Erreur serveur : '550 ...'`, and `Erreur de serveur : 550` (a code
 *   alone: the reply follows under `Réponse du serveur :`). Its Italian, Spanish, German and Dutch
 *   versions: `Risposta del server: '553 ...'` / `Errore del server: 553`, `Respuesta del servidor:`,
 *   `Serverantwort:`, `Serverantwoord:`.
 */

import { LOCALIZED_RETURNED_WORDS } from './exchange-returned-words';
import { replyOutOfMarkup } from './reply-in-markup';
import { NEXT_STACK_FRAME } from './stack-frame';
import {
  THUNDERBIRD_CLOSING_WORDS,
  THUNDERBIRD_RESPONDED_ARABIC,
  THUNDERBIRD_RESPONDED_WORDS,
} from './thunderbird-l10n-words';

/**
 * The wordings, searched one match after another (global) by findQuoteMarker. Each holds a word of
 * MARKER_HINT: a wording added here needs one there.
 */
const MARKER_WORDS = String.raw`Remote\s+(?:SMTP\s+)?Server\s+returned|remote\s+server\s+said|The\s+error\s+that\s+the\s+other\s+server\s+returned\s+was|The\s+response\s+from\s+the\s+remote\s+server\s+was|The\s+response\s+was|(?:The\s+)?server\s+response\s+was|R[ée]ponse\s+du\s+serveur(?:\s+distant)?(?:\s+[ée]tait)?|Le\s+serveur\s+(?:distant\s+|de\s+(?:messagerie|courrier|courriel)\s+|SMTP\s+)?a\s+(?:r[ée]pondu|retourn[ée]|renvoy[ée])(?:\s+la\s+valeur)?|(?:The\s+)?(?:mail\s+|SMTP\s+)?server\s+responded(?!\s+with)|Der\s+Mail-Server\s+antwortete|Server\s+responded\s+with(?=\s{1,4}[245]\d\d[\s-])|Server\s+response|Remote\s+server\s+response|Erreur\s+(?:(?:du|de)\s+)?serveur|Risposta\s+del\s+server|Errore\s+del\s+server|Respuesta\s+del\s+servidor|Error\s+del\s+servidor|Serverantwort|Serverantwoord|Diagnostic\s+code|SMTP\s+error|SMTP\s+protocol\s+diagnostic|(?:SMTP\s+)?server\s+message|with\s+the\s+following\s+error\s+message|but\s+got\s+code\s+"?[245]\d\d"?,\s+with\s+message|responded\s+as\s+follows|(?:Reported\s+error|Erreur\s+signal[ée]e)(?=\s{0,12}:\s{0,12}[245]\d\d\s)(?![^\n]{0,300}(?:->|\breturned\b))|(?<![\w-])Reason(?=\s{0,4}:\s{0,4}[245]\d\d\s)|(?<=Error\s{1,4}Details\s{1,12})Error(?=\s{0,4}:\s{0,12}[245]\d\d\s)|${LOCALIZED_RETURNED_WORDS}|${THUNDERBIRD_RESPONDED_WORDS}`;
/**
 * .NET's own words in its Chinese (Simplified) resources: `服务器响应为:` ("The server response was:"),
 * after its status (`事务失败。`, dotnet-status.ts). No `\b` before CJK characters: they are no word
 * characters to JavaScript. Thunderbird's Arabic words too (thunderbird-l10n-words.ts), for the same reason.
 */
const CJK_MARKER_WORDS = String.raw`服务器响应为(?=\s{0,2}[:：])|${THUNDERBIRD_RESPONDED_ARABIC}`;
const QUOTE_MARKERS = new RegExp(
  `(?:\\b(?:${MARKER_WORDS})|${CJK_MARKER_WORDS})\\s{0,12}[:：]?\\s*['"[]?`,
  'gi',
);

/** A line that starts with a marker: another reply (two client errors pasted one under the other). */
// An article may come first: `La réponse du serveur était : ...`.
const MARKER_LINE = new RegExp(`\\n[ \\t]{0,12}(?:(?:La|Le|The)\\s+)?\\b(?:${MARKER_WORDS})`, 'i');

/** Where the next line starting with a marker is in `text`, or -1. */
export function nextMarkerLine(text: string): number {
  return text.search(MARKER_LINE);
}

/** Markers that always introduce a reply, even one without a basic code (Thunderbird drops it). */
// (Exchange's localized `Remote Server returned` too: `Serveur distant a retourné « 550 … »`, its reply
// behind a guillemet.)
export const CLIENT_MARKER = new RegExp(
  String.raw`^(?:Remote|R[ée]ponse|Le serveur|The|server|mail|SMTP\s+server|Der\s+Mail-Server|Erreur|Risposta|Errore|Respuesta|Error\s+del|Serverantw|服务器|${LOCALIZED_RETURNED_WORDS}|${THUNDERBIRD_RESPONDED_WORDS}|${THUNDERBIRD_RESPONDED_ARABIC})`,
  'i',
);

/** Outlook's `Erreur du serveur : 550` / `Server Error: 550` label: a code alone, the reply is elsewhere. */
const BARE_CODE = /^\s{0,4}['"]?[245]\d\d['"]?\s{0,4}(?:[,\n]|$)/;

/**
 * A word every wording of MARKER_WORDS holds (`serv` of server, serveur, servidor and Serverantwort,
 * `respon` of response and responded, ...), in the same case-insensitive sense. Most paragraphs hold
 * none: the test of these few words spares them the search for the wordings, which tries dozens of
 * alternatives at each word (a fifth of a bounce's reading time went there).
 */
// (`error` alone is in too many paragraphs: the wordings' own phrases with it; `The error that the other
// server`, `Errore del server` and the like hold `serv`.)
const MARKER_HINT =
  /serv|respon|diagnostic\s|protocol\s+diagnostic|smtp\s+error|error\s+message|reported\s+error|erreur\s+signal|error\s{1,4}details|reason|but\s+got|服务器|serw|sunucu|خادوم/i;

/** The first marker in the text that introduces a reply (not a bare code label), or null. */
export function findQuoteMarker(text: string): RegExpExecArray | null {
  if (!MARKER_HINT.test(text)) return null;
  QUOTE_MARKERS.lastIndex = 0;
  for (let m = QUOTE_MARKERS.exec(text); m; m = QUOTE_MARKERS.exec(text)) {
    if (!BARE_CODE.test(text.slice(m.index + m[0].length, m.index + m[0].length + 16))) return m;
  }
  return null;
}

/** A closing quote: followed by a space, a separator or the end (an apostrophe inside a word is not one). */
// Also before Markdown's backtick or emphasis and an HTML tag (`... Relaying denied'\` error`, `...'<br>`).
const CLOSING = {
  "'": /'(?=[\s,;.)\x60*<]|$)/,
  '"': /"(?=[\s,;.)\x60*<]|$)/,
  '[': /\](?=[\s,;.)\x60*<]|$)/,
} as const;

/**
 * The next `Label: value` pair of an Outlook error (`, Port: 25`, a `Serveur : '...'` line...), or the
 * next field line of an Office 365 notice's "Error Details" (`DSN generated by:`, `Remote server:`,
 * `Message rejected by:`), the first of them also on the same line when a copy lost the line breaks
 * (`Reported error: 530 5.7.57 ... [AM6PR0732BE0065...] DSN generated by: ...`, easy365manager.com).
 */
const NEXT_LABEL =
  /(?:,\s{0,4}|\n\s{0,12})(?:Port|Porta|Puerto|Protocol|Protocole|Protocollo|Protocolo|Protokoll|Secure\s{0,2}\(SSL\)|Protezione\s{0,2}\(SSL\)|S[ée]curis[ée]\s{0,2}\(SSL\)|Server(?:\s+Error)?|Serveur|Erreur\s+(?:du|de)\s+serveur|Error\s+Number|Num[ée]ro\s+d.erreur|Account|Compte|Subject|Objet|DSN\s+generated\s+by|DSN\s+g[ée]n[ée]r[ée]\s+par|Remote\s+server|Serveur\s+distant|Generating\s+server|Receiving\s+server|Serveur\s+de\s+(?:g[ée]n[ée]ration|r[ée]ception)|Original\s+message\s+headers|En-t[êe]tes\s+du\s+message\s+d.origine|Message\s+rejected\s+by)\s{0,4}:|\s{1,4}(?:DSN\s+generated\s+by|DSN\s+g[ée]n[ée]r[ée]\s+par|Message\s+rejected\s+by)\s{0,4}:/i;

/**
 * The client's own sentence after the reply, with the period it put right after the reply; after a
 * refused recipient Thunderbird names it: `Please check the message recipient "x" and try again.`
 * (`Veuillez vérifier le destinataire du message « x » ...`, `Bitte überprüfen Sie die E-Mail-Adresse des
 * Empfängers "x" ...`), and in the other languages of thunderbird-l10n-words.ts.
 */
export const CLIENT_CLOSING_WORDS = String.raw`Please\s+check\s+the\s+message\s+(?:and\s+try\s+again|recipient)|Veuillez\s+v[ée]rifier\s+(?:le\s+(?:message|destinataire)|l.adresse\s+du\s+destinataire)|V[ée]rifiez\s+le\s+message|Bitte\s+[üu]berpr[üu]fen\s+Sie\s+die\s+(?:Nachricht|E-Mail-Adresse)|${THUNDERBIRD_CLOSING_WORDS}`;
const CLIENT_AFTERWORD = new RegExp(String.raw`\.?\s{0,12}(?:${CLIENT_CLOSING_WORDS})`, 'i');

/**
 * A log line after the one holding the reply, starting with its date (`Wed Jan  6 09:33:59 2021 ...`,
 * `Jan  6 09:33:59 ...`, `2021-01-06 09:33:59 ...`): msmtp's `server message: 554 ...` is one line of a
 * log, and the next line is no part of the reply.
 */
const NEXT_LOG_RECORD =
  /\n[ \t]{0,4}(?:(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[ \t]{1,3})?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[ \t]{1,3}\d{1,2}[ \t]{1,3}\d{1,2}:\d{2}:\d{2}|\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2})/;

/** qmail's and Exim's line before the returned copy (`--- Below this line is a copy of the message.`). */
export const COPY_FOLLOWS =
  /\n[ \t]{0,4}-{2,}[ \t]{0,2}(?:Below this line is a copy of the message|Enclosed (?:is|are) the original|This is a copy of the message)/i;

/**
 * The server a client names as the one refusing: Outlook's `Server: 'smtp.orange.fr'` (`Serveur :
 * 'smtp.orange.fr'`; Microsoft's articles quoting the error write it `'<smtp.example.com>'`, KB 290842),
 * Apple Mail's `Cannot send message using the server smtp.orange.fr.`, an Office 365 notice's `Remote
 * server: smtp-in.orange.fr` line (`Serveur distant :` in French, where Microsoft writes a no-break space
 * before the colon, as its HTML part's `&nbsp;` or Exchange's Latin-1 `=A0` show it in a decoded message).
 */
const CLIENT_SERVER =
  /\b(?:(?:Server|Serveur|Servidor)\s{0,4}:\s{0,4}['\u2018\u2019]<?([A-Za-z0-9][A-Za-z0-9.-]{0,252})>?['\u2018\u2019]|using\s+the\s+server\s+([A-Za-z0-9][A-Za-z0-9-]{0,62}(?:\.[A-Za-z0-9-]{1,63}){1,10}))|^[ \t]{0,12}(?:Remote\s+server|Serveur\s+distant)[ \t\u00a0\u202f]{0,4}:[ \t\u00a0]{0,12}([A-Za-z0-9][A-Za-z0-9-]{0,62}(?:\.[A-Za-z0-9-]{1,63}){1,10})\.?[ \t]*$/im;

/**
 * The quoted reply in `rest` (the text right after the marker), given the quote character the marker
 * ended with, if any: up to the matching closing quote when there was one, else up to the next Outlook
 * label or the client's closing sentence, else the whole rest.
 */
export function quotedReplyText(rest: string, opening: string | undefined): string {
  // A reply in an HTML part read as source: without the tags around it (reply-in-markup.ts).
  let text = replyOutOfMarkup(rest);
  const closing = opening === "'" || opening === '"' || opening === '[' ? CLOSING[opening] : null;
  const close = closing ? text.search(closing) : -1;
  if (close > 0) text = text.slice(0, close);
  else {
    const marker = nextMarkerLine(text);
    if (marker > 0) text = text.slice(0, marker);
    const label = text.search(NEXT_LABEL);
    if (label > 0) text = text.slice(0, label);
    const after = text.search(CLIENT_AFTERWORD);
    if (after > 0) text = text.slice(0, after);
    const record = text.search(NEXT_LOG_RECORD);
    if (record > 0) text = text.slice(0, record);
    // qmail's separator before the returned copy, when a page lost the blank line above it.
    const copy = text.search(COPY_FOLLOWS);
    if (copy > 0) text = text.slice(0, copy);
    // An exception's message quoting the reply (.NET's `The server response was: ...`), then its trace.
    const frame = text.search(NEXT_STACK_FRAME);
    if (frame > 0) text = text.slice(0, frame);
    // A JSON string inside a JSON string (a web page's `"responseText":"{\"message\":\"... The server
    // response was: 5.7.606 ...\"}"`): its escaped closing quote ends the reply.
    const escaped = text.indexOf('\\"');
    if (escaped > 0) text = text.slice(0, escaped);
    // A quote closed at the very end: the one opened after the marker, or one opened before the
    // marker (Outlook quotes its whole message: `reported error: '... responded: 550 ... [106]'`).
    const trimmed = text.trimEnd();
    const last = trimmed.slice(-1);
    if (
      (last === "'" || last === '"') &&
      (opening === last || trimmed.indexOf(last) === trimmed.length - 1)
    ) {
      text = trimmed.slice(0, -1);
    }
  }
  return text.trimEnd();
}

/**
 * Outlook's `Server: '...'` pair (`Serveur : '...'`, `Servidor: '...'`), at a line's start or after the
 * pair before it: the outgoing server of the account that sent, the only server Outlook talks to (not an
 * Office 365 notice's `Remote server:`).
 */
const OUTLOOK_SERVER =
  /(?:^|,)[ \t]{0,12}(?:Server|Serveur|Servidor)[ \t]{0,4}:[ \t]{0,4}['\u2018\u2019]<?([A-Za-z0-9][A-Za-z0-9.-]{0,252})>?['\u2018\u2019]/im;

/** The account's outgoing server that an Outlook send error on `line` names, if any. */
export function outlookOutgoingServer(line: string): string | null {
  return OUTLOOK_SERVER.exec(line)?.[1] ?? null;
}

/** The refusing server a client's error names, if any. */
export function clientServer(paragraph: string): { host: string; index: number } | null {
  const m = CLIENT_SERVER.exec(paragraph);
  const host = m?.[1] ?? m?.[2] ?? m?.[3];
  return m && host ? { host, index: m.index } : null;
}

const HOST_LINE = /^[ \t]{0,12}([A-Za-z0-9][A-Za-z0-9-]{0,62}(?:\.[A-Za-z0-9-]{1,63}){1,10})\.?[ \t]*$/;
const IP_LINE = /^[ \t]{0,12}\[?(\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f]{0,4}:[0-9A-Fa-f:.]{1,43})\]?[ \t]*$/;

/**
 * A host name, or an address, alone on the line above the marker at `at`: Exchange's "Diagnostic
 * information for administrators" lists the recipient, then the remote server (by name, or by address
 * when it had none: `23.128.96.18`), then `Remote Server returned '...'`.
 */
export function hostLineAbove(
  paragraph: string,
  at: number,
): { host: string | null; ip?: string; index: number } | null {
  const lineStart = paragraph.lastIndexOf('\n', at - 1);
  if (lineStart <= 0) return null;
  const previousStart = paragraph.lastIndexOf('\n', lineStart - 1) + 1;
  const line = paragraph.slice(previousStart, lineStart);
  const ip = IP_LINE.exec(line)?.[1];
  if (ip) return { host: null, ip, index: previousStart };
  const host = HOST_LINE.exec(line)?.[1];
  return host ? { host, index: previousStart } : null;
}
