/**
 * Large-log throughput: generates a realistic Postfix mail.log (default 100 MB, `--log-mb=N`) in the
 * temporary directory, streams it through the log scanner (fs.createReadStream + the line splitter),
 * and prints MB/s and resident memory at 25/50/100 % of the file (it must stay flat), then runs
 * `pflogsumm` on the same file when it is installed and prints the speed ratio (target: at least 20x,
 * peak memory under 200 MB).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, createReadStream, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { createLineSplitter, createLogScanner } from '../core/extract/logs/index';
import { generatePostfixLog } from '../test/fixtures/logs/generate-postfix';

const MB = 1024 * 1024;

function argNumber(args: string[], name: string, fallback: number): number {
  const found = args.find((a) => a.startsWith(`--${name}=`));
  const value = found ? Number(found.slice(name.length + 3)) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Writes synchronously, chunk by chunk, so the generator never buffers the file in memory. */
function writeLog(path: string, bytes: number) {
  const fd = openSync(path, 'w');
  try {
    return generatePostfixLog(bytes, (chunk) => writeSync(fd, chunk));
  } finally {
    closeSync(fd);
  }
}

function which(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

export default async function run(args: string[]): Promise<void> {
  const sizeMb = argNumber(args, 'log-mb', 100);
  const path = join(tmpdir(), `abuse-desk-bench-${process.pid}.log`);
  const generated = writeLog(path, sizeMb * MB);
  const size = statSync(path).size;
  console.log(
    `generated ${(size / MB).toFixed(1)} MB Postfix log, ${generated.lines} lines ` +
      `(${generated.orangeRejections} Orange rejections, ${generated.suspensions} of them 999, ${generated.otherRejections} other providers)`,
  );
  // A collector we can call: the live heap after a collection shows whether memory grows with the file.
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  try {
    gc();
    const baseline = process.memoryUsage().rss;
    console.log(`rss before scanning: ${(baseline / MB).toFixed(0)} MB`);
    let incidents = 0;
    const scanner = createLogScanner({ keep: 'none', onIncident: () => incidents++ });
    const splitter = createLineSplitter((line, n) => scanner.push(line, n));
    let read = 0;
    let peak = process.memoryUsage().rss;
    const marks = [0.25, 0.5, 1];
    const cpuStart = process.cpuUsage();
    const started = process.hrtime.bigint();
    await new Promise<void>((resolve, reject) => {
      const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: MB });
      stream.on('data', (chunk) => {
        const text = String(chunk);
        read += Buffer.byteLength(text);
        splitter.push(text);
        const rss = process.memoryUsage().rss;
        if (rss > peak) peak = rss;
        while (marks.length > 0 && read >= (marks[0] ?? 1) * size) {
          const mark = marks.shift() ?? 1;
          gc();
          const live = process.memoryUsage().heapUsed;
          console.log(
            `  at ${String(Math.round(mark * 100)).padStart(3)} %: rss ${(rss / MB).toFixed(0)} MB, ` +
              `live heap after GC ${(live / MB).toFixed(0)} MB, bounded state ${scanner.stateSize} entries`,
          );
        }
      });
      stream.on('error', reject);
      stream.on('end', () => resolve());
    });
    splitter.end();
    const result = scanner.finish();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpu = process.cpuUsage(cpuStart);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const ours = size / MB / seconds;
    const oursCpu = size / MB / cpuSeconds;
    console.log(
      `scanner: ${ours.toFixed(1)} MB/s wall (${seconds.toFixed(2)} s), ${oursCpu.toFixed(1)} MB/s of CPU time, ` +
        `peak rss ${(peak / MB).toFixed(0)} MB ` +
        `(target < 200 MB), ${incidents} incidents, ${result.counts.orangeRejections} Orange, ` +
        `${result.counts.suspensions} suspensions (${result.counts.suspensionsLinked} linked to their trigger)`,
    );
    if (!which('pflogsumm')) {
      console.log('pflogsumm: not installed (Debian package "pflogsumm"), ratio not measured');
      return;
    }
    // bash's `time` gives pflogsumm's CPU time too: on a busy machine wall-clock ratios are noisy.
    const t0 = process.hrtime.bigint();
    const p = spawnSync('bash', ['-c', 'TIMEFORMAT="%U %S"; time pflogsumm "$0" > /dev/null', path], {
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 64 * MB,
    });
    const pfSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const times = /(\d+\.\d+) (\d+\.\d+)\s*$/.exec(p.stderr?.toString() ?? '');
    if (p.status !== 0 || !times) {
      console.log(`pflogsumm: failed (${p.stderr?.toString().slice(0, 200)})`);
      return;
    }
    const pfCpu = Number(times[1]) + Number(times[2]);
    const theirs = size / MB / pfSeconds;
    const theirsCpu = size / MB / pfCpu;
    console.log(
      `pflogsumm: ${theirs.toFixed(1)} MB/s wall (${pfSeconds.toFixed(2)} s), ${theirsCpu.toFixed(1)} MB/s of CPU time; ` +
        `ratio ${(ours / theirs).toFixed(1)}x wall, ${(oursCpu / theirsCpu).toFixed(1)}x CPU (target >= 20x)`,
    );
  } finally {
    rmSync(path, { force: true });
  }
}
