/**
 * Notes (warnings and assumptions) in French and English, each with a stable code: NOTES, the
 * catalogue, gathered from one module per subject, and the notes of missing fields.
 */
import { ADDRESS_NOTES } from './address-notes';
import { DATE_NOTES } from './date-notes';
import { INPUT_NOTES } from './input-notes';
import { NOT_A_REFUSAL_NOTES } from './not-a-refusal-notes';
import { REPLY_CODE_NOTES } from './reply-code-notes';

export { keptNotes, renumbered } from './incident-numbers';
export { missingField, withoutAnsweredMissing } from './missing-field';
export { note } from './note';

export const NOTES = {
  ...INPUT_NOTES,
  ...REPLY_CODE_NOTES,
  ...ADDRESS_NOTES,
  ...DATE_NOTES,
  ...NOT_A_REFUSAL_NOTES,
};
