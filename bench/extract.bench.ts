/**
 * Extraction engine speed: median time for one typical bounce (target < 1 ms), messages per second
 * over the whole Sisimai corpus in one process, and, where Debian's Sisimai is installed, Sisimai's
 * files per second on the same files in the same run (target: at least 10x).
 * The corpus is read from ../shared/corpus (or `--corpus DIR`); without it that part is skipped.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractBytes } from '../core/extract';

const here = fileURLToPath(new URL('.', import.meta.url));

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...walk(path));
    else out.push(path);
  }
  return out;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function typicalBounce(): Promise<void> {
  const bytes = new Uint8Array(
    readFileSync(join(here, '../test/fixtures/extract/postfix-orange-greeting.eml')),
  );
  for (let i = 0; i < 200; i++) await extractBytes(bytes);
  const times: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const t0 = performance.now();
    await extractBytes(bytes);
    times.push(performance.now() - t0);
  }
  const ms = median(times);
  console.log(
    `typical bounce (Postfix DSN, ${bytes.length} bytes): median ${ms.toFixed(3)} ms (target < 1 ms) ${ms < 1 ? 'OK' : 'SLOW'}`,
  );
}

function sisimaiFilesPerSecond(corpus: string): number | null {
  if (spawnSync('perl', ['-MSisimai', '-e1']).status !== 0) {
    console.log('Sisimai: not installed (apt-get install libsisimai-perl), ratio skipped');
    return null;
  }
  const script = join(corpus, 'run-sisimai.pl');
  if (!existsSync(script)) return null;
  const run = spawnSync('perl', [script, join(corpus, 'set-of-emails'), '/dev/null'], { encoding: 'utf8' });
  // run-sisimai.pl prints: "... parse time 12.345s (67.8 files/s)"
  const m = /\(([\d.]+) files\/s\)/.exec(run.stderr ?? '');
  return m ? Number(m[1]) : null;
}

async function corpusThroughput(corpus: string): Promise<void> {
  const base = join(corpus, 'set-of-emails');
  if (!existsSync(base)) {
    console.log(`corpus: ${base} not found, throughput skipped`);
    return;
  }
  const files = [...walk(join(base, 'maildir')), ...walk(join(base, 'mailbox'))].map(
    (f) => new Uint8Array(readFileSync(f)),
  );
  // Sequential first, then 16 at a time: postal-mime waits on the event loop (Blob reads), so a
  // single process overlaps those waits when it has several messages in flight.
  for (const bytes of files.slice(0, 50)) await extractBytes(bytes);
  let t0 = performance.now();
  for (const bytes of files) await extractBytes(bytes);
  const sequential = files.length / ((performance.now() - t0) / 1000);
  let incidents = 0;
  let next = 0;
  t0 = performance.now();
  const worker = async () => {
    while (next < files.length) {
      const bytes = files[next++] as Uint8Array;
      const found = (await extractBytes(bytes)).incidents.length;
      incidents += found;
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  const seconds = (performance.now() - t0) / 1000;
  console.log(`corpus, one message at a time: ${sequential.toFixed(0)} files/s`);
  const ours = files.length / seconds;
  console.log(
    `corpus, 16 in flight: ${files.length} files, ${incidents} incidents in ${seconds.toFixed(2)} s: ${ours.toFixed(0)} files/s (${(incidents / seconds).toFixed(0)} incidents/s)`,
  );
  const theirs = sisimaiFilesPerSecond(corpus);
  if (theirs) {
    const ratio = ours / theirs;
    console.log(
      `Sisimai ${theirs.toFixed(1)} files/s on the same files: ratio ${ratio.toFixed(1)}x (target >= 10x) ${ratio >= 10 ? 'OK' : 'BELOW TARGET'}`,
    );
  }
}

export default async function run(args: string[]): Promise<void> {
  const i = args.indexOf('--corpus');
  const corpus = resolve(i >= 0 && args[i + 1] ? (args[i + 1] as string) : '../shared/corpus');
  await typicalBounce();
  await corpusThroughput(corpus);
}
