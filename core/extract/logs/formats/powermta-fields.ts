/**
 * The shapes of PowerMTA accounting values: a time, an address, an IP, and dsnMta's remote
 * (`mx.example.com (192.0.2.2)`, or the name alone).
 */
import { isHostName } from '../../header-block';

export const STAMP = /^(?:\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[+-]\d\d:?\d\d|Z)?|\d{9,11})$/;
export const ADDRESS_OR_EMPTY = /^(?:[^\s@,]{1,64}@[^\s@,]{1,255})?$/;
export const IP_OR_EMPTY = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-fA-F:]{2,45})?$/;
/** An IPv4 or IPv6 address (IPv6 with its colons: `cafe` is no address). */
export const AN_IP = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{0,4}){2,7})$/;

/** dsnMta: `mx.example.com (192.0.2.2)`, or the host name alone. */
export function remoteOf(value: string | undefined): { host: string | null; ip: string | null } | null {
  if (!value) return null;
  const both = /^(\S{1,255}?)\.? \(([^)\s]{1,64})\)/.exec(value);
  if (both) return { host: both[1] ?? null, ip: both[2] ?? null };
  const name = value.replace(/\.$/, '');
  return isHostName(name) && name.includes('.') ? { host: name, ip: null } : null;
}
