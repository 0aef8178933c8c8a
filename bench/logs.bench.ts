/**
 * Log scanner throughput (issues 3 and 8): generates a realistic Postfix mail.log (default 100 MB,
 * `--log-mb=N`) in the temporary directory, scans it in a child process that does nothing else (this
 * file bundled by esbuild, as the shipped CLI is, so the memory is the scan's and not the TypeScript
 * loader's), alternated with `pflogsumm` on the same file, three times each; the median runs are compared
 * (a shared machine's speed varies from one run to the next). Prints MB/s of wall and CPU time for
 * both, the ratios, the load average (the machine may be shared), the child's resident memory at
 * 25/50/75/100 % of the file and its peak, and PASS/MISS against the targets: at least 20x pflogsumm's
 * bytes per second, peak memory under 200 MB whatever the size.
 *
 * Three ways, each in its own child: `summarize (CLI)`, the CLI's path (cli/summarize-file.ts: the file
 * read on two threads, the second half by a worker, as the app does too); and, on one thread, the child
 * reading 64 kB blocks, decoding them as the CLI does (the chunk decoder of core/summary/text-decoder.ts,
 * with Node's ASCII fast path) and scanning them with scanner.pushText(chunk), or, for comparison, with
 * createLineSplitter feeding scanner.push(line). CPU time counts every thread of the child.
 * Larger blocks cost memory, not speed: a decoded 1 MB block is a large object that only a full garbage
 * collection frees, so with 1 MB blocks the resident memory is about 50 MB higher (measured: ~150 MB
 * peak instead of ~100 MB on 100 MB).
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asciiText } from '../cli/ascii-text';
import { summarizeFile } from '../cli/summarize-file';
import { createLineSplitter, createLogScanner } from '../core/extract/logs/index';
import { createChunkDecoder } from '../core/summary/text-decoder';
import { generateOrangeBlockLog } from '../test/fixtures/logs/generate-orange-block';
import { generatePostfixLog } from '../test/fixtures/logs/generate-postfix';
import { bundleChild } from './bundle-child';

const MB = 1024 * 1024;
const HERE = fileURLToPath(import.meta.url);
const CHILD_FLAG = '--logs-bench-child';
const TARGET_RATIO = 20;
const TARGET_RSS_MB = 200;
const BLOCK = 64 * 1024;
const RUNS = 3;

type Mode = 'text' | 'lines' | 'file';

interface ChildReport {
  mode: Mode;
  wallSeconds: number;
  cpuSeconds: number;
  /** Resident memory (MB) when 25/50/75/100 % of the file had been scanned. */
  marks: number[];
  peakRssMb: number;
  incidents: number;
  orange: number;
  suspensions: number;
  linked: number;
  stateMax: number;
  /** Threads that read the file (2 for summarize's two-thread path). */
  threads: number;
}

function argNumber(args: string[], name: string, fallback: number): number {
  const found = args.find((a) => a.startsWith(`--${name}=`));
  const value = found ? Number(found.slice(name.length + 3)) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

// ---------------------------------------------------------------- child: the scan alone

/** The CLI's `summarize` on the file: two threads (cli/summarize-file.ts, its worker bundled beside). */
async function summarizeInChild(path: string): Promise<ChildReport> {
  const size = statSync(path).size;
  const marks: number[] = [];
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const result = await summarizeFile(path, {}, (read) => {
    while (marks.length < 4 && read >= ((marks.length + 1) / 4) * size) {
      marks.push(process.memoryUsage.rss() / MB);
    }
  });
  const cpu = process.cpuUsage(cpu0);
  return {
    mode: 'file',
    wallSeconds: Number(process.hrtime.bigint() - t0) / 1e9,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    marks,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    incidents: result.counts.rejections,
    orange: result.counts.orangeRejections,
    suspensions: result.counts.suspensions,
    linked: result.counts.suspensionsLinked,
    stateMax: 0,
    threads: result.stats.threads,
  };
}

function scanInChild(path: string, mode: Mode): ChildReport {
  const size = statSync(path).size;
  let incidents = 0;
  const scanner = createLogScanner({ keep: 'none', onIncident: () => incidents++ });
  const splitter = createLineSplitter((line, n) => scanner.push(line, n));
  const decoder = createChunkDecoder({ ascii: asciiText });
  const block = Buffer.allocUnsafe(BLOCK);
  const fd = openSync(path, 'r');
  const marks: number[] = [];
  let read = 0;
  let stateMax = 0;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  try {
    for (;;) {
      const n = readSync(fd, block, 0, BLOCK, null);
      if (n <= 0) break;
      read += n;
      const text = decoder.decode(block.subarray(0, n));
      if (mode === 'text') scanner.pushText(text);
      else splitter.push(text);
      stateMax = Math.max(stateMax, scanner.stateSize);
      while (marks.length < 4 && read >= ((marks.length + 1) / 4) * size) {
        marks.push(process.memoryUsage.rss() / MB);
      }
    }
  } finally {
    closeSync(fd);
  }
  if (mode === 'lines') {
    splitter.push(decoder.flush());
    splitter.end();
    scanner.addTruncatedLines(splitter.truncatedLines);
  } else {
    scanner.pushText(decoder.flush());
  }
  const result = scanner.finish();
  const cpu = process.cpuUsage(cpu0);
  return {
    mode,
    wallSeconds: Number(process.hrtime.bigint() - t0) / 1e9,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    marks,
    // maxRSS is in kilobytes: the true peak, not only the samples.
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    incidents,
    orange: result.counts.orangeRejections,
    suspensions: result.counts.suspensions,
    linked: result.counts.suspensionsLinked,
    stateMax,
    threads: 1,
  };
}

// ---------------------------------------------------------------- parent

function runChild(script: string, path: string, mode: Mode): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, CHILD_FLAG, path, mode], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`scan child exited with ${code}`));
      else resolve(JSON.parse(out) as ChildReport);
    });
  });
}

interface PflogsummRun {
  wallSeconds: number;
  cpuSeconds: number;
}

function runPflogsumm(path: string): PflogsummRun | string {
  if (spawnSync('sh', ['-c', 'command -v pflogsumm'], { stdio: 'ignore' }).status !== 0) {
    return 'not installed (Debian package "pflogsumm")';
  }
  // bash's `time` gives pflogsumm's CPU time (user + system) beside its wall time.
  const p = spawnSync('bash', ['-c', 'TIMEFORMAT="%R %U %S"; time pflogsumm "$0" > /dev/null', path], {
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * MB,
  });
  const times = /(\d+\.\d+) (\d+\.\d+) (\d+\.\d+)\s*$/.exec(p.stderr?.toString() ?? '');
  if (p.status !== 0 || !times) return `failed (${p.stderr?.toString().slice(0, 200)})`;
  return { wallSeconds: Number(times[1]), cpuSeconds: Number(times[2]) + Number(times[3]) };
}

const mbps = (bytes: number, seconds: number) => bytes / MB / seconds;

/** The run in the middle when sorted by `key` (the lower middle for an even count). */
function median<T>(runs: T[], key: (run: T) => number): T {
  const sorted = [...runs].sort((a, b) => key(a) - key(b));
  return sorted[Math.floor((sorted.length - 1) / 2)] as T;
}

/** Each run's wall-time MB/s, in the order run. */
const runsText = (runs: { wallSeconds: number }[], size: number) =>
  `${runs.map((r) => mbps(size, r.wallSeconds).toFixed(1)).join(' / ')} MB/s`;
const fixed = (n: number, digits = 1) => n.toFixed(digits);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const LABELS: Record<Mode, string> = {
  text: 'scanner.pushText',
  lines: 'splitter + push',
  file: 'summarize (CLI)',
};

function describe(r: ChildReport, size: number): string {
  const label = LABELS[r.mode];
  return (
    `${label.padEnd(17)} ${fixed(mbps(size, r.wallSeconds)).padStart(6)} MB/s wall (${fixed(r.wallSeconds, 2)} s), ` +
    `${fixed(mbps(size, r.cpuSeconds)).padStart(6)} MB/s of CPU (${fixed(r.cpuSeconds, 2)} s); ` +
    `rss at 25/50/75/100 %: ${r.marks.map((m) => fixed(m, 0)).join('/')} MB, peak ${fixed(r.peakRssMb, 0)} MB; ` +
    `${r.incidents} incidents (${r.orange} Orange, ${r.suspensions} 999s, ${r.linked} linked)` +
    (r.mode === 'file' ? `, ${r.threads} threads` : `, state ≤ ${r.stateMax}`)
  );
}

/**
 * For information (the 20x target is on the mixed log above): the log of a day Orange blocks the
 * sender (test/fixtures/logs/generate-orange-block.ts), one line in three a refusal, each of which
 * becomes an incident. It measures what a refusal costs, where the mixed log mostly measures how fast
 * lines that do not matter are passed over. Same child (pushText), same medians, beside pflogsumm.
 */
async function orangeBlock(script: string, sizeMb: number): Promise<void> {
  const path = join(tmpdir(), `abuse-desk-orange-block-${process.pid}.log`);
  try {
    const fd = openSync(path, 'w');
    let generated: ReturnType<typeof generateOrangeBlockLog>;
    try {
      generated = generateOrangeBlockLog(sizeMb * MB, (chunk) => writeSync(fd, chunk));
    } finally {
      closeSync(fd);
    }
    const size = statSync(path).size;
    console.log(
      `Orange block day (for information): ${fixed(size / MB)} MB, ${generated.lines} lines, ` +
        `${generated.refusals} Orange refusals (${generated.suspensions} 999s)`,
    );
    const ours: ChildReport[] = [];
    const pfRuns: (PflogsummRun | string)[] = [];
    for (let i = 0; i < RUNS; i++) {
      ours.push(await runChild(script, path, 'text'));
      pfRuns.push(runPflogsumm(path));
    }
    const text = median(ours, (r) => r.wallSeconds);
    const perRefusalUs = (text.cpuSeconds * 1e6) / Math.max(1, generated.refusals);
    console.log(
      `${describe(text, size)} [median of ${RUNS}: ${runsText(ours, size)}]; ${fixed(perRefusalUs)} µs of CPU per refusal (the whole scan's CPU time shared out)`,
    );
    const pfDone = pfRuns.filter((r): r is PflogsummRun => typeof r !== 'string');
    if (pfDone.length !== RUNS) {
      console.log(`pflogsumm: ${pfRuns.find((r) => typeof r === 'string') ?? 'not run'}`);
      return;
    }
    const pf = median(pfDone, (r) => r.wallSeconds);
    console.log(
      `pflogsumm         ${fixed(mbps(size, pf.wallSeconds)).padStart(6)} MB/s wall (${fixed(pf.wallSeconds, 2)} s), ` +
        `${fixed(mbps(size, pf.cpuSeconds)).padStart(6)} MB/s of CPU (${fixed(pf.cpuSeconds, 2)} s); ` +
        `ratio ${fixed(pf.cpuSeconds / text.cpuSeconds)}x by CPU time, ${fixed(pf.wallSeconds / text.wallSeconds)}x by wall time`,
    );
  } finally {
    rmSync(path, { force: true });
  }
}

export default async function run(args: string[]): Promise<void> {
  const sizeMb = argNumber(args, 'log-mb', 100);
  const path = join(tmpdir(), `abuse-desk-logs-bench-${process.pid}.log`);
  let script: string | null = null;
  try {
    const fd = openSync(path, 'w');
    let generated: ReturnType<typeof generatePostfixLog>;
    try {
      generated = generatePostfixLog(sizeMb * MB, (chunk) => writeSync(fd, chunk));
    } finally {
      closeSync(fd);
    }
    const size = statSync(path).size;
    console.log(
      `generated Postfix log: ${fixed(size / MB)} MB (${size} bytes), ${generated.lines} lines, ` +
        `${generated.orangeRejections} Orange rejections (${generated.suspensions} 999s), ${generated.otherRejections} other providers`,
    );
    console.log(`load average before: ${load()} on a machine with ${availableParallelism()} CPUs`);
    script = await bundleChild(HERE, `abuse-desk-logs-bench-child-${process.pid}`);
    // pushText (what the CLI and the app use) and pflogsumm run three times each, alternated, and the
    // median run of each is compared: a shared machine's speed varies from one run to the next.
    const textRuns: ChildReport[] = [];
    const fileRuns: ChildReport[] = [];
    const pfRuns: (PflogsummRun | string)[] = [];
    for (let i = 0; i < RUNS; i++) {
      fileRuns.push(await runChild(script, path, 'file'));
      textRuns.push(await runChild(script, path, 'text'));
      pfRuns.push(runPflogsumm(path));
    }
    const file = median(fileRuns, (r) => r.wallSeconds);
    console.log(`${describe(file, size)} [median of ${RUNS}: ${runsText(fileRuns, size)}]`);
    const text = median(textRuns, (r) => r.wallSeconds);
    console.log(`${describe(text, size)} [median of ${RUNS}: ${runsText(textRuns, size)}]`);
    const lines = await runChild(script, path, 'lines');
    console.log(describe(lines, size));
    const pfDone = pfRuns.filter((r): r is PflogsummRun => typeof r !== 'string');
    const pf = pfDone.length === RUNS ? median(pfDone, (r) => r.wallSeconds) : (pfRuns[0] ?? 'not run');
    console.log(`load average after: ${load()}`);
    const peak = Math.max(
      lines.peakRssMb,
      ...textRuns.map((r) => r.peakRssMb),
      ...fileRuns.map((r) => r.peakRssMb),
    );
    const memoryOk = peak < TARGET_RSS_MB;
    console.log(
      `memory: peak ${fixed(peak, 0)} MB (target < ${TARGET_RSS_MB} MB): ${memoryOk ? 'PASS' : 'MISS'}`,
    );
    if (typeof pf === 'string') {
      console.log(`pflogsumm: ${pf}; speed ratio not measured`);
    } else {
      console.log(
        `pflogsumm         ${fixed(mbps(size, pf.wallSeconds)).padStart(6)} MB/s wall (${fixed(pf.wallSeconds, 2)} s), ` +
          `${fixed(mbps(size, pf.cpuSeconds)).padStart(6)} MB/s of CPU (${fixed(pf.cpuSeconds, 2)} s) [median of ${RUNS}: ${runsText(pfDone, size)}]`,
      );
      for (const r of [file, text, lines]) {
        const wallRatio = pf.wallSeconds / r.wallSeconds;
        const cpuRatio = pf.cpuSeconds / r.cpuSeconds;
        const verdict = (ratio: number) => (ratio >= TARGET_RATIO ? 'PASS' : 'MISS');
        console.log(
          `ratio ${LABELS[r.mode].padEnd(17)}: ${fixed(cpuRatio)}x by CPU time ` +
            `${verdict(cpuRatio)}, ${fixed(wallRatio)}x by wall time ${verdict(wallRatio)} (target >= ${TARGET_RATIO}x)`,
        );
      }
    }
    await orangeBlock(script, Math.max(1, Math.round(sizeMb / 2)));
  } finally {
    rmSync(path, { force: true });
    if (script) rmSync(dirname(script), { recursive: true, force: true });
  }
}

if (process.argv[2] === CHILD_FLAG && process.argv[3]) {
  const path = process.argv[3];
  const mode = process.argv[4];
  const report =
    mode === 'file' ? await summarizeInChild(path) : scanInChild(path, mode === 'lines' ? 'lines' : 'text');
  process.stdout.write(JSON.stringify(report));
}
