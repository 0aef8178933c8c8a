/**
 * Where the value a field shows comes from: read from a line of the text (and untouched since), typed
 * or changed by the user, or missing. The badge beside the field says which, so an empty field never
 * claims to have been "entered by hand" and an edited one never claims to have been read.
 */
import type { SourceRef } from '../../../core/types';

/** `mark`: the value as text, to point at within its source line. */
export type FieldOrigin =
  | { kind: 'read'; source: SourceRef; mark: string }
  | { kind: 'typed' }
  | { kind: 'missing' };

type Value = string | number | null | undefined | readonly string[];

const isEmpty = (value: Value) =>
  value === null ||
  value === undefined ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.every((v) => v.trim() === ''));

const same = (a: Value, b: Value) =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((v, i) => v === b[i]) : a === b;

/** `value` is what the field shows, `read` what the extraction found, `source` the line it was read from. */
export function fieldOrigin(value: Value, read: Value, source: SourceRef | undefined): FieldOrigin {
  if (isEmpty(value)) return { kind: 'missing' };
  if (source && same(value, read))
    return {
      kind: 'read',
      source,
      mark: Array.isArray(value) ? (value.find((v) => v.trim()) ?? '') : String(value),
    };
  return { kind: 'typed' };
}
