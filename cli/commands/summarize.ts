/**
 * `summarize [--json] [--assume-zone ZONE] [--now ISO] FILE|-`: reads a large MTA log as a stream (gzip when
 * the name ends in .gz or the bytes say so, zstd when the bytes say so) and prints the summary the app shows:
 * Orange incidents grouped by sending IP, reason and time window, a timeline per IP, each 999 with its
 * trigger, the other providers counted aside. Memory stays flat whatever the size of the log. Exit codes: 0
 * done; 1 usage error, or a file that cannot be read, binary data or an empty file. Gzip or zstd data cut
 * short is summarised up to the cut, with a warning, also when the cut came before any line.
 */

import { parseArgs } from 'node:util';
import type { GroupKind, IncidentGroup, Timeline } from '../../core/summary';
import type { ExtractOptions } from '../../core/types';
import { clockOptionError, clockOptions } from '../clock-options';
import { fileErrorMessage, shownPath, standardInputSize } from '../io';
import { optionErrorMessage } from '../option-error';
import { summarizeFile } from '../summarize-file';
import { type FileSummary, summarizeStream } from '../summarize-stream';

/**
 * A group's kind as the summary prints it: the class of its replies (a 5xx Postfix deferred is still one).
 */
const KIND_LABEL: Record<GroupKind, string> = {
  deferral: 'temporary (4xx)',
  bounce: 'permanent (5xx)',
  suspension: 'suspension',
  other: 'other',
};

export const SUMMARIZE_USAGE = `Usage: summarize [--json] [--assume-zone ZONE] [--now ISO] FILE|-
  Reads a large MTA log (Postfix, Exim, PowerMTA accounting, ...; .gz and zstd, as KumoMTA's segments,
  read directly) as a stream and prints Orange's incidents grouped by sending IP, reason and time
  window, a timeline per IP, the error that triggered each 999, and the other providers' rejections
  counted aside.
  --json              one JSON document: {"file", "summary", "counts", "formats", "warnings", "stats"}
  --assume-zone ZONE  zone for timestamps that carry none (IANA name or +01:00; default UTC)
  --now ISO           the current time, for reproducible syslog years
  Exit code 1 on a usage error, a file that cannot be read, binary data or an empty file.`;

export interface SummarizeIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The raw bytes of FILE ('-': standard input), as a stream of chunks. */
  open(path: string): AsyncIterable<Uint8Array>;
  /** The summary of a FILE that is not '-', when the files are real (on two threads when it is large). */
  summarizeFile?(path: string, options: ExtractOptions): Promise<FileSummary>;
}

const processIo: SummarizeIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  open: () => {
    // (A folder is refused; a file's size is not needed by a stream read chunk by chunk.)
    standardInputSize();
    return process.stdin;
  },
  summarizeFile: (path, options) => summarizeFile(path, options),
};

const BLOCKS = '▁▂▃▄▅▆▇█';

function sparkline(counts: number[], peak: number): string {
  return counts.map((n) => (n === 0 ? '·' : BLOCKS[Math.min(7, Math.floor((n / peak) * 7.999))])).join('');
}

function senderOf(group: IncidentGroup): string {
  return group.ip ?? (group.host ? `host ${group.host}` : 'unknown IP');
}

function timelineText(timeline: Timeline): string[] {
  if (timeline.start === null || timeline.ips.length === 0) return [];
  const hours = timeline.bucketMs / 3_600_000;
  const from = new Date(timeline.start).toISOString().slice(0, 16);
  const out = [`Timeline (${hours} h per mark, from ${from} UTC; · none):`];
  const rows = timeline.ips.slice(0, 20);
  const peak = Math.max(
    1,
    ...rows.flatMap((r) => r.buckets.map((b) => b.deferred + b.bounced + b.suspended)),
  );
  const width = Math.max(...rows.map((r) => r.ip.length));
  for (const row of rows) {
    const counts = row.buckets.map((b) => b.deferred + b.bounced + b.suspended);
    out.push(`  ${row.ip.padEnd(width)}  ${sparkline(counts, peak)}  ${row.total}`);
  }
  return out;
}

export function formatFileSummary(file: string, result: FileSummary): string {
  const { summary, counts, formats, stats } = result;
  const out: string[] = [];
  out.push(
    `${file}: ${stats.lines} lines, ${counts.rejections} rejections (${summary.totals.orange} by Orange, ${summary.totals.others} by other providers)${formats.length ? `, formats: ${formats.join(', ')}` : ''}`,
  );
  out.push('');
  if (summary.groups.length === 0) out.push('No Orange rejection found.');
  // Nothing read as a log record: a bounce, a reply or an event, which `extract` reads.
  if (formats.length === 0 && stats.lines > 0)
    out.push(
      'No MTA log line was recognised: for a bounce, a single reply or an ESP event, use `extract` or `report`.',
    );
  // (The groups' heading only above groups: under "No Orange rejection found." it announced none.)
  else if (summary.groups.length > 0) {
    out.push(
      `Orange incidents by sending IP, reason and window (a new group after ${summary.windowMs / 3_600_000} h without one):`,
    );
    for (const g of summary.groups) {
      const reason = g.reason ?? `${g.code ?? '?'} (no code)`;
      out.push(
        `  ${senderOf(g)}  ${reason} ${KIND_LABEL[g.kind]}  ${g.firstSeen ?? '?'} → ${g.lastSeen ?? '?'}  ×${g.count}`,
      );
      out.push(`      ${g.example.reply.text}`);
      if (g.kind === 'suspension') {
        const top = g.triggers[0];
        out.push(
          top
            ? `      triggered by ${top.token ?? top.reason} (line ${top.example.line}, ${top.example.occurredAt ?? 'no date'}) ×${top.count}: ${top.example.text}`
            : '      no earlier Orange error found for this sender',
        );
        if (top && g.untriggered > 0) out.push(`      ${g.untriggered} without an earlier error`);
      }
    }
  }
  const timeline = timelineText(summary.timeline);
  if (timeline.length) out.push('', ...timeline);
  if (summary.others.length) {
    out.push('', 'Other providers (counted aside):');
    for (const p of summary.others.slice(0, 20)) {
      out.push(`  ${p.provider}  ${p.count} (${p.deferred} temporary 4xx, ${p.bounced} permanent 5xx)`);
    }
  }
  const notes = result.warnings.map((w) => w.text.en);
  if (summary.totals.undated) notes.push(`${summary.totals.undated} Orange incidents without a date.`);
  if (summary.totals.ungrouped)
    notes.push(`${summary.totals.ungrouped} Orange incidents in no group (too many groups).`);
  if (notes.length) out.push('', 'Notes:', ...notes.map((n) => `  ${n}`));
  return `${out.join('\n')}\n`;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      'assume-zone': { type: 'string' },
      now: { type: 'string' },
    },
  });
}

export async function runSummarize(argv: string[], io: SummarizeIo = processIo): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.stderr(`${optionErrorMessage(error)}\n${SUMMARIZE_USAGE}\n`);
    return 1;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${SUMMARIZE_USAGE}\n`);
    return 0;
  }
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) {
    io.stderr(`summarize takes exactly one FILE.\n${SUMMARIZE_USAGE}\n`);
    return 1;
  }
  const clockError = clockOptionError(values);
  if (clockError) {
    io.stderr(`${clockError}\n${SUMMARIZE_USAGE}\n`);
    return 1;
  }
  const options: ExtractOptions = clockOptions(values);
  try {
    const result =
      file !== '-' && io.summarizeFile
        ? await io.summarizeFile(file, options)
        : await summarizeStream(io.open(file), file, options);
    if (values.json) {
      const { summary, counts, formats, warnings, stats } = result;
      io.stdout(`${JSON.stringify({ file, summary, counts, formats, warnings, stats })}\n`);
    } else io.stdout(formatFileSummary(file, result));
    // Gzip or zstd data cut short: summarised up to there, and said where a script sees it too; so is
    // zstd data that does not match its checksum.
    for (const cut of result.warnings.filter(
      (w) => w.code === 'input.gzip-cut' || w.code === 'input.zstd-cut' || w.code === 'input.zstd-checksum',
    ))
      io.stderr(`${shownPath(file)}: ${cut.text.en}\n`);
    // An empty file (or standard input) is no log: said, and the exit code tells a script, as extract's.
    // Compressed data cut before its first line is no empty file: summarised (as nothing), its note says why.
    const cut = result.warnings.some((w) => w.code === 'input.gzip-cut' || w.code === 'input.zstd-cut');
    if (result.stats.lines === 0 && !cut) {
      io.stderr(`${shownPath(file)}: empty, no line to summarise\n`);
      return 1;
    }
    return 0;
  } catch (error) {
    io.stderr(`${shownPath(file)}: ${fileErrorMessage(error)}\n`);
    return 1;
  }
}
