/**
 * A sending IP the poster masked in Orange's reply before pasting it: the Cloudmark or Abusix link, or
 * Orange's own, keeps its place but not the address (`?ip=xxx.xxx.xxx.xxx`, a Postfix line in
 * ActiveCampaign/smtp-field-manual pull request 60; `?ip=203.0.113.xxx`, `?q=[IP]`, `&ip=<ip>`), or the
 * address written after OFR006_103's token is a placeholder (`OFR006_103 X.X.X.X [103]`, as Sisimai's
 * FrancePTT module quotes it). No address reads from that, rightly; this says why the sending IP is empty:
 * without it the user is told the text does not give it, and a log's warning says the log does not record
 * it, while the paste did, masked.
 */
import type { ExtractionResult, Incident } from '../types';
import { withSendingIpsMissing } from './logs/scan-notes';
import { note } from './notes';

/** A link of Orange's or of the blocklists its replies name, up to a space or a quote (`?ip=<ip>` kept). */
const LINK = /\bhttps?:\/\/([^/\s?#"'<>]{1,253})[^\s"']{0,2048}/gi;
const LINK_HOSTS = /(?:^|\.)(?:cloudmark\.com|abusix\.com|orange\.fr|wanadoo\.fr|spamhaus\.org)$/i;
/** The parameter naming the address (`&amp;ip=` as an HTML notice writes it), or Spamhaus's path. */
const ADDRESS_PARAM =
  /(?:[?&;](?:amp;)?(?:ip|q|searchterm)=|\/query\/ip\/)(\[[^\]\s]{1,40}\]|<[^>\s]{1,40}>|[^&#\s"'<>\]]{1,64})/i;
/** The word written after OFR006_103's token, before the bracketed reason. */
const AFTER_TOKEN = /\bOFR\d{0,3}[_-]?\d{3}\s{1,3}([^\s[\]]{1,45})\s{0,3}\[\d{3}\]/i;

/** A dotted address with at least one group masked (`xxx.xxx.xxx.xxx`, `X.X.X.X`, `198.51.100.***`). */
const MASKED_IPV4 = /^(?=.*[x*#?])(?:(?:\d{1,3}|[x*#?]{1,3})\.){3}(?:\d{1,3}|[x*#?]{1,3})$/i;
/** A word standing for the address (`[IP]`, `<ip>`, `$IP`, `{ip_address}`, `REDACTED`, `$VAL`). */
const PLACEHOLDER =
  /^[<[{(]?\$?(?:your[-_ ]?)?(?:ip|ipv4|ip[-_ ]?addr(?:ess)?|addr(?:ess)?|val|redacted|removed|hidden|masked)[>\]})]?$/i;
/** Punctuation a sentence or a log's parenthesis leaves after the link. */
const TRAILING = /[.,;:)]+$/;

/** The masked address a reply writes in its link or after its token, with the link, or null. */
export function maskedAddressIn(reply: string): { where: string; value: string } | null {
  for (const m of reply.matchAll(LINK)) {
    if (!LINK_HOSTS.test(m[1] ?? '')) continue;
    const p = ADDRESS_PARAM.exec(m[0]);
    const value = p?.[1]?.replace(TRAILING, '');
    // (The link up to the value, without the punctuation a sentence left after it.)
    const end = p ? p.index + p[0].length - ((p[1]?.length ?? 0) - (value?.length ?? 0)) : 0;
    if (p && value && isMasked(value)) return { where: m[0].slice(0, end), value };
  }
  const after = AFTER_TOKEN.exec(reply);
  const value = after?.[1];
  return after && value && isMasked(value) ? { where: after[0], value } : null;
}

const MASKED_CODE = 'ip.link-masked';

const isMasked = (value: string) => MASKED_IPV4.test(value) || PLACEHOLDER.test(value);

function maskedNote(where: string, value: string) {
  return note(
    MASKED_CODE,
    `La réponse d’Orange porte l’adresse IP d’envoi masquée («\u00a0${value}\u00a0», dans «\u00a0${where}\u00a0»)\u00a0: le texte a été anonymisé avant d’être collé. Indiquez l’adresse vous-même, celle que le message d’origine donne à cet endroit.`,
    `Orange's reply holds the sending IP masked ("${value}", in "${where}"): the text was redacted before it was pasted. Fill in the address yourself, the one the original message gives there.`,
  );
}

/** The incident with the note when its reply holds a masked address and no sending IP was found. */
function withNote(incident: Incident): Incident {
  if (incident.sendingIps.length > 0) return incident;
  const masked = maskedAddressIn(incident.reply.text);
  if (!masked) return incident;
  return { ...incident, assumptions: [...incident.assumptions, maskedNote(masked.where, masked.value)] };
}

/**
 * `result` with each incident whose sending IP a redaction masked in the reply saying so. A log's warning
 * that it does not record the sending IP of its rejections then counts only the others: the masked ones
 * did hold it, and their note says where.
 */
export function withMaskedLinkAddresses(result: ExtractionResult): ExtractionResult {
  const incidents = result.incidents.map(withNote);
  if (!incidents.some((i, k) => i !== result.incidents[k])) return result;
  const unexplained = incidents.filter(
    (i) => i.sendingIps.length === 0 && !i.assumptions.some((a) => a.code === MASKED_CODE),
  ).length;
  return { ...result, incidents, warnings: withSendingIpsMissing(result.warnings, unexplained) };
}
