/**
 * Addresses a web page hid before the paste was copied from it: Cloudflare's address protection, on
 * many forums and help pages, writes every address of a post as `[email protected]` (`[email&#160;protected]`
 * in the page's source, a no-break space once rendered), bounces and logs included (`<prenom[email
 * protected]>`, a French association's wiki quoting a Postfix notice). Nothing reads a domain from that:
 * the sending domain stays empty, and this says why, and what to paste instead.
 */
import type { ExtractionResult } from '../types';
import { note } from './notes';

/** Cloudflare's placeholder, as rendered (plain or no-break space) or as in the page's source. */
const HIDDEN_ADDRESS = /\[email(?:[ \u00a0]|&#160;|&nbsp;)protected\]/i;

const HIDDEN_BY_PAGE = note(
  'paste.addresses-hidden-by-page',
  'Les adresses électroniques de ce texte ont été masquées par la page web d’où il a été copié («\u00a0[email protected]\u00a0», la protection des adresses de Cloudflare)\u00a0: le domaine d’envoi n’a pas pu en être lu. Collez le message d’origine plutôt que sa copie sur la page, ou indiquez le domaine vous-même.',
  'The email addresses in this text were hidden by the web page it was copied from ("[email protected]", Cloudflare\'s address protection): the sending domain could not be read from them. Paste the original message rather than the page\'s copy, or fill in the domain yourself.',
);

/**
 * `result` with the note above when `text` holds a hidden address and an incident lacks its sending domain.
 */
export function withPageHiddenAddresses(result: ExtractionResult, text: string): ExtractionResult {
  const domainless = result.incidents.some((i) => i.sendingDomain === null);
  if (!domainless || !text.includes('protected]') || !HIDDEN_ADDRESS.test(text)) return result;
  return { ...result, warnings: [...result.warnings, HIDDEN_BY_PAGE] };
}
