/** Validation of incident fields, as a whole or one value at a time while the user types. */
export { validateDate } from './date';
export { validateDomain } from './domain';
export { validateHostname } from './hostname';
export type { IncidentValidation, ValidateOptions } from './incident';
export { checkIncident, missingRequired, validateIncident } from './incident';
export { validateIp } from './ip';
export type { WallClock } from './iso-date';
export { formatOffset, parseWallClock } from './iso-date';
export { validateReplyCode } from './reply';
export { FIELD_LABELS, REQUIRED_FIELDS, worstLevel } from './verdict';
