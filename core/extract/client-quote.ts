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
 *   Thunderbird drops the basic code and adds the final period.
 * - Apple Mail: `The server response was: 550 ...`; in French `La réponse du serveur était : 550 ...`.
 * - Gmail: `The response from the remote server was:` (reply on the next lines), `The error that the
 *   other server returned was: 550 ...`.
 * - Outlook, older French versions: `Erreur serveur : '550 ...'`, and `Erreur de serveur : 550` (a code
 *   alone: the reply follows under `Réponse du serveur :`).
 */

/** The wordings, searched one match after another (global) by findQuoteMarker. */
const QUOTE_MARKERS =
  /\b(?:Remote\s+Server\s+returned|remote\s+server\s+said|The\s+error\s+that\s+the\s+other\s+server\s+returned\s+was|The\s+response\s+from\s+the\s+remote\s+server\s+was|The\s+response\s+was|(?:The\s+)?server\s+response\s+was|R[ée]ponse\s+du\s+serveur(?:\s+[ée]tait)?|Le\s+serveur\s+(?:distant\s+|de\s+(?:messagerie|courrier|courriel)\s+|SMTP\s+)?a\s+(?:r[ée]pondu|retourn[ée]|renvoy[ée])|(?:The\s+)?(?:mail\s+|SMTP\s+)?server\s+responded(?!\s+with)|Server\s+response|Remote\s+server\s+response|Erreur\s+(?:(?:du|de)\s+)?serveur|Diagnostic\s+code|SMTP\s+error|with\s+the\s+following\s+error\s+message|responded\s+as\s+follows)\s{0,12}:?\s*['"[]?/gi;

/** Markers that always introduce a reply, even one without a basic code (Thunderbird drops it). */
export const CLIENT_MARKER = /^(?:Remote|R[ée]ponse|Le serveur|The|server|mail|SMTP\s+server|Erreur)/i;

/** Outlook's `Erreur du serveur : 550` / `Server Error: 550` label: a code alone, the reply is elsewhere. */
const BARE_CODE = /^\s{0,4}['"]?[245]\d\d['"]?\s{0,4}(?:[,\n]|$)/;

/** The first marker in the text that introduces a reply (not a bare code label), or null. */
export function findQuoteMarker(text: string): RegExpExecArray | null {
  QUOTE_MARKERS.lastIndex = 0;
  for (let m = QUOTE_MARKERS.exec(text); m; m = QUOTE_MARKERS.exec(text)) {
    if (!BARE_CODE.test(text.slice(m.index + m[0].length, m.index + m[0].length + 16))) return m;
  }
  return null;
}

/** A closing quote: followed by a space, a separator or the end (an apostrophe inside a word is not one). */
const CLOSING = { "'": /'(?=[\s,;.)]|$)/, '"': /"(?=[\s,;.)]|$)/, '[': /\](?=[\s,;.)]|$)/ } as const;

/** The next `Label: value` pair of an Outlook error (`, Port: 25`, a `Serveur : '...'` line...). */
const NEXT_LABEL =
  /(?:,\s{0,4}|\n\s{0,12})(?:Port|Protocol|Protocole|Secure\s{0,2}\(SSL\)|S[ée]curis[ée]\s{0,2}\(SSL\)|Server(?:\s+Error)?|Serveur|Erreur\s+(?:du|de)\s+serveur|Error\s+Number|Num[ée]ro\s+d.erreur|Account|Compte|Subject|Objet)\s{0,4}:/i;

/** The client's own sentence after the reply, with the period it put right after the reply. */
const CLIENT_AFTERWORD =
  /\.?\s{0,12}(?:Please\s+check\s+the\s+message\s+and\s+try\s+again|Veuillez\s+v[ée]rifier\s+le\s+message|V[ée]rifiez\s+le\s+message)/i;

/**
 * The server a client names as the one refusing: Outlook's `Server: 'smtp.orange.fr'` (`Serveur :
 * 'smtp.orange.fr'`), Apple Mail's `Cannot send message using the server smtp.orange.fr.`
 */
const CLIENT_SERVER =
  /\b(?:(?:Server|Serveur)\s{0,4}:\s{0,4}'([A-Za-z0-9][A-Za-z0-9.-]{0,252})'|using\s+the\s+server\s+([A-Za-z0-9][A-Za-z0-9-]{0,62}(?:\.[A-Za-z0-9-]{1,63}){1,10}))/i;

/**
 * The quoted reply in `rest` (the text right after the marker), given the quote character the marker
 * ended with, if any: up to the matching closing quote when there was one, else up to the next Outlook
 * label or the client's closing sentence, else the whole rest.
 */
export function quotedReplyText(rest: string, opening: string | undefined): string {
  let text = rest;
  const closing = opening === "'" || opening === '"' || opening === '[' ? CLOSING[opening] : null;
  const close = closing ? text.search(closing) : -1;
  if (close > 0) text = text.slice(0, close);
  else {
    const label = text.search(NEXT_LABEL);
    if (label > 0) text = text.slice(0, label);
    const after = text.search(CLIENT_AFTERWORD);
    if (after > 0) text = text.slice(0, after);
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

/** The refusing server a client's error names, if any. */
export function clientServer(paragraph: string): { host: string; index: number } | null {
  const m = CLIENT_SERVER.exec(paragraph);
  const host = m?.[1] ?? m?.[2];
  return m && host ? { host, index: m.index } : null;
}
