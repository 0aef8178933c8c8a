/**
 * What an incident of a log costs while it is held: a streamed scan holds each a while (those waiting for
 * a sender line, core/extract/logs/later-sender.ts, or for the log's clocks), long enough for V8 to move it
 * into its old generation, so its size makes the garbage a large log leaves there. Measured on failed
 * deliveries only (bench/refusal-lines-log.ts, `grep status= mail.log`): the heap after a full collection,
 * the incidents held, divided by their number. Its lists grown by push kept room for 16 more each: some
 * 1,550 bytes an incident, its copy of the line included; 1,230 copied to their size.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { generateRefusalLinesLog } from '../../../bench/refusal-lines-log';
import { createLogScanner } from '../../../core/extract/logs';
import type { Incident } from '../../../core/types';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const MB = 1024 * 1024;

/** The incidents of `text`, read in chunks of 64 KiB as the CLI reads a file. */
function incidentsOf(text: string): Incident[] {
  const kept: Incident[] = [];
  const scanner = createLogScanner({
    keep: 'none',
    now: new Date('2026-12-07T12:00:00Z'),
    onIncident: (incident) => kept.push(incident),
  });
  for (let at = 0; at < text.length; at += 64 * 1024) scanner.pushText(text.slice(at, at + 64 * 1024));
  scanner.finish();
  return kept;
}

describe('an incident read from a log', () => {
  it('is held at its size: its lists without room to spare', () => {
    const dir = mkdtempSync(join(tmpdir(), 'held-incident-'));
    const path = join(dir, 'refusals.log');
    generateRefusalLinesLog(path, 4 * MB, 'syslog');
    const text = readFileSync(path, 'latin1');
    rmSync(dir, { recursive: true, force: true });
    // A first, small read compiles what reading takes (its code counts in the heap too).
    incidentsOf(text.slice(0, 256 * 1024));
    gc();
    const before = process.memoryUsage().heapUsed;
    const incidents = incidentsOf(text);
    gc();
    const each = (process.memoryUsage().heapUsed - before) / incidents.length;
    expect(incidents.length).toBeGreaterThan(9_000);
    const first = incidents[0] as Incident;
    expect(first.sendingHosts).toEqual(['mx6.example.com']);
    // Still lists like any: a suspension linked by its host gets its trigger's IP pushed after.
    first.sendingIps.push('192.0.2.1');
    expect(first.sendingIps.at(-1)).toBe('192.0.2.1');
    expect(each).toBeLessThan(1400);
  }, 60_000);
});
