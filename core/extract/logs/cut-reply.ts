/**
 * A log line cut short where it was pasted: GitHub and forum posts shorten long lines with an ellipsis
 * (`... OFR006_102 Ref http://csi.cloudmark.com/reset-req…`), and so do users who keep a paste short.
 * The reply read is then only its beginning: Orange's reason, or the Cloudmark or Abusix link that names
 * the sending address, may be missing from it. The ticket needs the whole reply: said beside it.
 */
import type { Note } from '../../types';

/** `…` or `...` at the end of the reply, maybe before the closing parenthesis of the log's wrapper. */
const CUT_END = /(?:…|\.\.\.|\[(?:…|\.\.\.)\])\)?\s*$/;
/** An Orange reply is whole when it ends with its reason number in brackets (`[102]`). */
const ORANGE_END = /\[\d{3}\][).\s]*$/;

const CUT_REPLY: Note = {
  code: 'log-reply-cut',
  text: {
    fr: 'La réponse se termine par des points de suspension\u00a0: la ligne a été coupée là où elle a été collée. Le ticket doit citer la réponse entière\u00a0; reprenez la ligne complète dans le journal du serveur (le motif d’Orange ou l’adresse d’envoi nommée dans son lien peuvent se trouver dans la partie coupée).',
    en: 'The reply ends with an ellipsis: the line was cut where it was pasted. The ticket must quote the whole reply; take the full line from the server’s log (Orange’s reason, or the sending address its link names, may be in the part cut off).',
  },
};

const CUT_STATUS: Note = {
  code: 'log-reply-cut',
  text: {
    fr: 'La ligne s’arrête avant la parenthèse qui ferme l’état de Postfix («\u00a0status=…\u00a0(…)\u00a0»)\u00a0: elle a été coupée là où elle a été collée, et la réponse avec elle. Le ticket doit citer la réponse entière\u00a0; reprenez la ligne complète dans le journal du serveur (le motif d’Orange ou l’adresse d’envoi nommée dans son lien peuvent se trouver dans la partie coupée).',
    en: 'The line stops before the parenthesis that closes Postfix’s status (“status=… (…)”): it was cut where it was pasted, and the reply with it. The ticket must quote the whole reply; take the full line from the server’s log (Orange’s reason, or the sending address its link names, may be in the part cut off).',
  },
};

/**
 * The note for a Postfix status line cut before the `)` that closes its `status=... (...)`, which Postfix
 * always writes, or null. An Orange reply ending with its `[NNN]` is whole all the same.
 */
export function cutStatusNote(message: string, reply: string): Note | null {
  const at = message.indexOf(' status=');
  // (An ellipsis says it better: cutReplyNote.)
  if (at < 0 || ORANGE_END.test(reply) || CUT_END.test(reply)) return null;
  let depth = 0;
  for (let i = at; i < message.length; i++) {
    const c = message.charCodeAt(i);
    if (c === 40 /* ( */) depth++;
    else if (c === 41 /* ) */ && depth > 0) depth--;
  }
  return depth > 0 ? CUT_STATUS : null;
}

/** The note for a reply cut short by an ellipsis, or null when it looks whole. */
export function cutReplyNote(replyText: string): Note | null {
  if (!replyText.includes('…') && !replyText.includes('...')) return null;
  return CUT_END.test(replyText) && !ORANGE_END.test(replyText) ? CUT_REPLY : null;
}
