/**
 * A link of Orange's reply that forum software shortened for display: FluxBB (forum.ubuntu-fr.org and
 * many French boards) shows a link longer than 55 characters as its first 39, ` … `, its last 10;
 * phpBB does the same with ` ... `. Copied from the page, Cloudmark's link loses the middle of the
 * sending IP: `http://csi.cloudmark.com/reset-request/ … 51.100.126` for `...?ip=198.51.100.126`.
 * No address reads from that, rightly; this says why the sending IP is empty and what is left of it.
 */
import type { ExtractionResult, Incident } from '../types';
import { note } from './notes';

/** The shortened link: 39 characters of it, the forum's ellipsis, then its last 10 (kept in group 2). */
const SHORTENED_LINK = /(?<![^\s<(["'])(https?:\/\/\S{31,32}) (?:…|\.\.\.) (\S{1,10})(?=[\s\])>]|$)/;
/** The end of an address (`51.100.126`, `.51.100.77`, `db8::25`): the link held the IP. */
const END_OF_IP = /^(?=.*[.:])(?:[\d.]{2,10}|[\da-f:]{2,10})$/i;

function shortenedLinkNote(link: string, tail: string) {
  return note(
    'ip.link-shortened-by-forum',
    `Le lien de la réponse («\u00a0${link}\u00a0») a été raccourci par le forum d’où le texte a été copié\u00a0: l’adresse IP d’envoi qu’il portait est coupée, il n’en reste que la fin («\u00a0${tail}\u00a0»). Recopiez le lien depuis le message d’origine, ou indiquez l’adresse vous-même.`,
    `The reply's link ("${link}") was shortened by the forum the text was copied from: the sending IP it held is cut, only its end is left ("${tail}"). Copy the link from the original message, or fill in the address yourself.`,
  );
}

/** The incident with the note when its reply holds a shortened link and no sending IP was found. */
function withNote(incident: Incident): Incident {
  if (incident.sendingIps.length > 0 || !incident.reply.text.includes('://')) return incident;
  const m = SHORTENED_LINK.exec(incident.reply.text);
  const start = m?.[1];
  const tail = m?.[2];
  if (!m || !start || !tail || start.length !== 39 || !END_OF_IP.test(tail)) return incident;
  return { ...incident, assumptions: [...incident.assumptions, shortenedLinkNote(m[0], tail)] };
}

/** `result` with each incident whose sending IP a forum's shortened link cut saying so. */
export function withForumShortenedLinks(result: ExtractionResult): ExtractionResult {
  const incidents = result.incidents.map(withNote);
  return incidents.some((i, k) => i !== result.incidents[k]) ? { ...result, incidents } : result;
}
