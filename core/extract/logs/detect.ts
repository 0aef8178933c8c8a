/** Is this text an MTA log, and which one? Decided on a sample of lines, per line. */
import type { InputFormat } from '../../types';
import { type DispatchState, dispatch, plainSpaces } from './dispatch';
import { KUMO_KEYS } from './formats/kumomta-keys';
import { postqueueJsonReader } from './formats/postqueue-json';
import { queueEntryReader } from './formats/queue-entry';
import { createRecordAssembler } from './records';
import { parseSyslog } from './syslog';

/**
 * The sample's records: a record wrapped over several lines by a post counts once, as the scanner
 * reads it (records.ts); other lines are their own record.
 */
function recordsOf(lines: readonly string[]): string[] {
  const records: string[] = [];
  const assembler = createRecordAssembler((text) => records.push(text));
  for (const line of lines) assembler.push(line, 0);
  assembler.flush();
  return records;
}

/** The format most sample lines are written in, or null when the sample does not look like a log. */
export function detectLogFormat(sampleLines: string[]): InputFormat | null {
  const state: DispatchState = { powermta: false, exchange: false };
  const votes = new Map<InputFormat, number>();
  let considered = 0;
  let syslogLines = 0;
  const kumoSample = sampleLines.some((l) => KUMO_KEYS.test(l));
  // JSON keeps one vote per line (a pretty-printed record votes many times, as KumoMTA's need).
  const first = sampleLines.find((l) => l.trim() !== '') ?? '';
  const json = kumoSample || first.trimStart().startsWith('{');
  for (const raw of json ? sampleLines : recordsOf(sampleLines)) {
    const line = raw.trim();
    if (line.length === 0) continue;
    considered++;
    const text = plainSpaces(line);
    const found = dispatch(text, state);
    if (found?.syslog || (!found && parseSyslog(text))) syslogLines++;
    if (!found) continue;
    // A mail queue listing is no log: pasted, it is read whole (formats/queue-listing.ts and
    // queue-json.ts cite each reason's and recipient's own line); the scanner reads it in large files.
    if (found.reader === queueEntryReader || found.reader === postqueueJsonReader) continue;
    const format = found.reader.format;
    if (format === 'kumomta' && !kumoSample) continue;
    votes.set(format, (votes.get(format) ?? 0) + 1);
  }
  let best: InputFormat | null = null;
  let bestVotes = 0;
  for (const [format, n] of votes) {
    if (n > bestVotes) {
      best = format;
      bestVotes = n;
    }
  }
  if (best === null) return null;
  // Pretty-printed JSON has one vote for many lines; other logs need a fair share of log lines.
  if (best === 'kumomta') return best;
  if (bestVotes >= Math.max(1, Math.ceil(considered * 0.2))) return best;
  // A syslog file where the MTA's own lines are few: a mail.log full of Dovecot logins, or OpenSMTPD's
  // session lines (`smtp connected`, `mta connecting`...) around its one `mta delivery` line.
  return syslogLines >= Math.ceil(considered * 0.5) ? best : null;
}
