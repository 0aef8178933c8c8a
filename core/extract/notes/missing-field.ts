/** The notes of a field not found in the text (`missing.<field>`), and their removal once filled in. */
import type { FieldName, Note } from '../../types';
import { FIELD_LABELS } from './field-labels';
import { note } from './note';

/**
 * The five items Orange's form asks for (as validate/verdict.ts's REQUIRED_FIELDS): one missing is to be
 * filled in; the others (the refusing host, its address, the recipient's domain) only help the user.
 */
const ASKED_BY_ORANGE: ReadonlySet<FieldName> = new Set([
  'occurredAt',
  'sendingIps',
  'sendingHosts',
  'sendingDomain',
  'reply',
]);

export function missingField(field: FieldName, incidentNumber: number): Note {
  const label = FIELD_LABELS[field];
  const found = label.feminine ? 'trouvée' : 'trouvé';
  const asked = ASKED_BY_ORANGE.has(field);
  return note(
    `missing.${field}`,
    asked
      ? `Incident ${incidentNumber}\u00a0: ${label.fr} n’a pas été ${found} dans le texte\u00a0; à compléter.`
      : `Incident ${incidentNumber}\u00a0: ${label.fr} n’a pas été ${found} dans le texte (champ facultatif, absent du ticket).`,
    asked
      ? `Incident ${incidentNumber}: ${label.en} was not found in the text; please fill it in.`
      : `Incident ${incidentNumber}: ${label.en} was not found in the text (optional: the ticket leaves it out).`,
  );
}

/**
 * The warnings without the missing-field notes (missingField) a later pass answered: `filled` maps an
 * incident's number (1-based, as the notes write it) to the fields it filled in.
 */
export function withoutAnsweredMissing(
  warnings: readonly Note[],
  filled: ReadonlyMap<number, readonly FieldName[]>,
): Note[] {
  const answered = (w: Note) => {
    if (!w.code.startsWith('missing.')) return false;
    const fields = filled.get(Number(/^Incident (\d+):/.exec(w.text.en)?.[1]));
    return fields?.some((name) => w.code === `missing.${name}`) === true;
  };
  return warnings.filter((w) => !answered(w));
}
