/**
 * Exchange's and Exchange Online's `Remote Server returned '550 …'` in the languages its notices are
 * written in, as the localized Microsoft 365 pages on the 5.1.8 notice quote it (microsoft-365-docs,
 * "Remove blocked users from the Restricted entities portal", fr-FR, de-DE, es-ES, it-IT, pt-BR, nl-NL):
 * `Serveur distant a retourné « 550 … »` (no article, guillemets), `Der Remoteserver hat „550 …“
 * zurückgegeben.`, `El servidor remoto devolvió '550 …'`, `Il server remoto ha restituito '550 …'`, `O
 * servidor remoto retornou '550 …'` (Portugal's `devolveu`), `Externe server retourneerde '550 …'`.
 *
 * A wording for client-quote.ts's markers: with it, Exchange's status around the remote's reply (`'554
 * 5.0.0 <smtp-in.orange.fr #5.0.0 smtp; 550 …>'`) gives the server that refused, and the recipient's
 * line above it the recipient, in these languages as in English. Each holds `serv` (client-quote's
 * MARKER_HINT). The French one with its article is client-quote's own (`Le serveur distant a retourné`).
 */
export const LOCALIZED_RETURNED_WORDS = [
  String.raw`(?<!\bLe\s)Serveur\s+distant\s+a\s+(?:retourn[ée]|renvoy[ée])`,
  String.raw`(?:Der\s+)?Remote-?server\s+hat(?=\s{0,4}['"„“«‚‘])`,
  String.raw`(?:El\s+)?servidor\s+remoto\s+(?:devolvi[óo]|ha\s+devuelto)`,
  String.raw`(?:Il\s+)?server\s+remoto\s+ha\s+restituito`,
  String.raw`(?:O\s+)?servidor\s+remoto\s+(?:retornou|devolveu)`,
  String.raw`(?:De\s+)?externe\s+server\s+(?:retourneerde|heeft(?=\s{0,4}['"„“«‚‘]))`,
].join('|');
