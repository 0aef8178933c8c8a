/** Reads a log fixture and scans it, with a fixed "now" so the syslog year choice is reproducible. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type LogScanOptions, type LogScanResult, scanLogText } from '../../../../core/extract/logs/index';
import type { Incident } from '../../../../core/types';

export const NOW = new Date('2026-11-29T10:00:00Z');

export function readFixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../../fixtures/logs/${name}`, import.meta.url)), 'utf8');
}

export function scanFixture(name: string, options: LogScanOptions = {}): LogScanResult {
  return scanLogText(readFixture(name), { now: NOW, ...options });
}

/** The incident whose reply was read on `line`. */
export function at(result: { incidents: Incident[] }, line: number): Incident {
  const found = result.incidents.find((i) => i.sources.reply?.line === line);
  if (!found)
    throw new Error(`no incident on line ${line}: ${result.incidents.map((i) => i.sources.reply?.line)}`);
  return found;
}

export const ORANGE_MX_IPS = ['193.252.22.65', '80.12.242.10'];
