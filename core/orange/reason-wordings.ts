/**
 * Orange's reply wordings that name one reason on their own, for a reply that carries no OFR token: one
 * written before Orange added the tokens (a deliverability vendor quotes `421 xxxxxxxxx ME Trop de
 * connexions, veuillez vérifier votre configuration. Too many connections, slow down.`), or one a
 * bounce, a dashboard's column or a post cut before its token. Without them the advice said "unknown
 * Orange code" and, the reply being permanent, told the sender to write to the abuse desk about an
 * unknown recipient or a full mailbox.
 *
 * Only wordings Orange gives to one reason (or to reasons with one meaning, 416 and 418): not `Adresse IP
 * source bloquee pour incident de spam` (101 and 102 alike), `Service refuse` (103, 105, 505, 999...),
 * `Mail rejete` (506, 513) nor `Emetteur invalide` (405, 415, the tokenless SPF refusal of reason-lookup.ts).
 * The wording picks the knowledge-base entry the advice follows; the incident's reason number stays
 * empty, since the reply does not give it.
 *
 * A wording Orange gives to several reasons (../extract/shared-orange-wording.ts) picks none: the
 * incident says the reason could not be told and the advice covers each (advice.ts).
 */

import { foldText } from '../extract/reply';

interface ReasonWording {
  /** Words of the reply, lower case and without accents, any of which names the reason. */
  words: readonly string[];
  /** The knowledge-base entry (reasons/) they name. */
  id: string;
  /** The reply codes' first digits the wording comes with (a reply without its code counts too). */
  classes: readonly string[];
}

const REASON_WORDINGS: readonly ReasonWording[] = [
  { words: ['trop de connexions', 'too many connections, slow down'], id: '104', classes: ['4'] },
  { words: ['bloquee par abusix', 'ip blocked by abusix'], id: '100', classes: ['5'] },
  { words: ['adresse d au moins un destinataire invalide'], id: '416', classes: ['5'] },
  { words: ['boite du destinataire pleine', 'recipient overquota'], id: '417', classes: ['4', '5'] },
  {
    words: ['taille limite du message atteinte', 'maximum size of the message reached'],
    id: '514',
    classes: ['4', '5'],
  },
];

/** The entry id a tokenless Orange reply's wording names, or null. */
export function reasonIdFromWording(code: number | null, replyText: string): string | null {
  const text = foldText(replyText.slice(0, 2000));
  const codeClass = code === null ? null : String(code).charAt(0);
  for (const wording of REASON_WORDINGS) {
    if (codeClass !== null && !wording.classes.includes(codeClass)) continue;
    if (wording.words.some((w) => text.includes(w))) return wording.id;
  }
  return null;
}
