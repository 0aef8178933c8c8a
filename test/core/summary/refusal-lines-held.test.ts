// A log of failed deliveries only (`grep status= mail.log`, a Kibana export filtered on refusals: no qmgr
// `from=<...>` line, no `removed` line) through the streaming summary: every line is a refusal waiting
// for a sender line that never comes (core/extract/logs/later-sender.ts), and while the log's clocks
// are watched (core/summary/log-clocks.ts) an incident dated by an assumed year is held as well. What
// is held must stay bounded whatever the size: measured by the incidents read but not yet summarised.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateRefusalLinesLog } from '../../../bench/refusal-lines-log';
import { LATER_SENDER_WINDOW } from '../../../core/extract/logs/later-sender';
import { createLogSummary } from '../../../core/summary';
import { MAX_WAITING } from '../../../core/summary/late-triggers';
import { MAX_HELD } from '../../../core/summary/log-summary';

const MB = 1024 * 1024;

describe('a log of failed deliveries only, streamed', () => {
  it('holds a bounded number of incidents, whatever its size', () => {
    const dir = mkdtempSync(join(tmpdir(), 'refusal-lines-'));
    const path = join(dir, 'refusals.log');
    generateRefusalLinesLog(path, 24 * MB, 'syslog');
    const text = readFileSync(path, 'latin1');
    rmSync(dir, { recursive: true, force: true });
    let summarised = 0;
    const session = createLogSummary({ now: new Date('2026-12-07T12:00:00Z') }, () => {
      summarised++;
    });
    /** Every line is one refusal: the lines read less those summarised are the incidents held. */
    const held: number[] = [];
    for (let at = 0; at < text.length; at += MB) {
      session.pushText(text.slice(at, at + MB));
      held.push(session.lines - summarised);
    }
    expect(held.length).toBeGreaterThanOrEqual(24);
    // The clock watch's incidents (MAX_HELD at most, ~2,500 a MB here), those waiting for a sender line
    // (LATER_SENDER_WINDOW lines) and the 999s waiting for a trigger logged below them (MAX_WAITING,
    // reached some 20 MB in): ~7,000 at most, against 60,000 lines read.
    for (const n of held) expect(n).toBeLessThanOrEqual(MAX_HELD + LATER_SENDER_WINDOW + MAX_WAITING);
    expect(held.at(-1)).toBeLessThan(session.lines / 8);
    const result = session.finish();
    expect(summarised).toBe(result.counts.lines);
    expect(result.counts.rejections).toBe(result.counts.lines);
    // (24 MB scanned: 2-3 s alone, twice that on a loaded machine; a bound on memory, not on time.)
  }, 60_000);
});
