/**
 * Orange's reply wordings that several reasons share, for a reply with neither token nor `[NNN]`:
 * `Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues.` comes with
 * 101 (Spamhaus) and 102 (Cloudmark) alike (a real 101 in test/fixtures/extract/audit22, the 102 of the
 * shared notes); only the token or the bracket tells them apart. No reason is picked: each such incident
 * says so in its assumptions, whatever format it was read from, so that the user does not take the empty
 * reason for a reading missed; the advice covers each reason (../orange/advice.ts).
 */
import type { ExtractionResult, Incident, Localized, Note } from '../types';
import { note } from './notes';
import { foldText, isOrangeSpfRefusal } from './reply';

export interface SharedWording {
  /** Words of the reply, lower case and without accents, any of which is the wording. */
  words: readonly string[];
  /** The knowledge-base entries (../orange/reasons/) Orange gives it to. */
  ids: readonly string[];
  /** What the wording says, whichever the reason. */
  what: Localized;
  /** The reply codes' first digits the wording comes with (a reply without its code counts too). */
  classes: readonly string[];
}

const SHARED_WORDINGS: readonly SharedWording[] = [
  {
    words: ['adresse ip source bloquee pour incident de spam', 'client host blocked for spamming issues'],
    ids: ['101', '102'],
    what: {
      fr: 'l’adresse IP d’envoi est bloquée pour incident de spam',
      en: 'the sending IP address is blocked for spamming issues',
    },
    classes: ['5'],
  },
];

/** The wording a tokenless Orange reply shares with several reasons, or null. */
export function sharedWordingOf(code: number | null, replyText: string): SharedWording | null {
  const text = foldText(replyText.slice(0, 2000));
  const codeClass = code === null ? null : String(code).charAt(0);
  for (const wording of SHARED_WORDINGS) {
    if (codeClass !== null && !wording.classes.includes(codeClass)) continue;
    if (wording.words.some((w) => text.includes(w))) return wording;
  }
  return null;
}

/** The note an incident carries: what the wording says, and that its reason number could not be told. */
function reasonNotToldNote(wording: SharedWording): Note {
  return note(
    'orange.reason-not-told',
    `La réponse d’Orange, sans jeton OFR ni code entre crochets, est reconnue à son libellé : ${wording.what.fr}. Orange donne ce libellé aux codes ${wording.ids.join(' ou ')} : le code n’a pas pu être déterminé.`,
    `Orange's reply, with neither OFR token nor bracketed code, is recognised by its wording: ${wording.what.en}. Orange gives that wording to reasons ${wording.ids.join(' or ')}: which one could not be told.`,
  );
}

/**
 * The shared wording of an Orange incident that has neither reason nor token, when its reply is not
 * Orange's SPF refusal (its own entry), or null. The advice asks the same (../orange/shared-wording.ts).
 */
export function sharedWordingOfIncident(incident: Incident): SharedWording | null {
  if (!incident.isOrange || incident.orange?.reason != null || incident.orange?.token != null) return null;
  const { code, text } = incident.reply;
  return isOrangeSpfRefusal(text) ? null : sharedWordingOf(code, text);
}

/** Each Orange incident whose reason nothing tells and whose wording several reasons share, with the note. */
export function withReasonNotTold(result: ExtractionResult): ExtractionResult {
  let changed = false;
  const incidents = result.incidents.map((incident) => {
    const wording = sharedWordingOfIncident(incident);
    if (!wording) return incident;
    const added = reasonNotToldNote(wording);
    if (incident.assumptions.some((a) => a.code === added.code)) return incident;
    changed = true;
    return { ...incident, assumptions: [...incident.assumptions, added] };
  });
  return changed ? { ...result, incidents } : result;
}
