/**
 * Large logs (issue 8): generates a realistic Postfix mail.log of `--large-mb=N` MB (default 1024) in the
 * temporary folder (reused when present with the same size), streams it through the log scanner and the
 * summariser in a child process (so that its memory is the scan's alone), three times, and prints the
 * median run's bytes per second and the resident memory sampled through the runs and at 25/50/75/100 %
 * of the file (it must stay flat, under 200 MB); then once on a log of the same size as dense in
 * refusals as logs.bench.ts's (denseRun), as the two-thread path's memory depends on that density.
 * When `pflogsumm` is installed it runs once on the same file in the same run, for a ratio (target: at
 * least 20x faster).
 *
 * The log: six MTAs sending a French newsletter all day; Gmail, Outlook, Yahoo, Free, Orange/Wanadoo and
 * small domains as recipients; Orange greeting refusals (104, 999), Cloudmark blocks (102) and content
 * rejections (506) in episodes, each 999 preceded by an earlier Orange error of the same MTA; Gmail,
 * Yahoo and Outlook deferrals and bounces. Reply texts as seen in real bounces (shared notes, section 2).
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { limitHeapGrowth } from '../cli/heap-growth';
import { summarizeFile } from '../cli/summarize-file';
import { generatePostfixLog } from '../test/fixtures/logs/generate-postfix';
import { bundleChild } from './bundle-child';
import { generateRefusalLinesLog } from './refusal-lines-log';
import { seededRandom } from './seeded-random';

const MB = 1024 * 1024;
const HERE = fileURLToPath(import.meta.url);
const CHILD_FLAG = '--large-log-child';
const SCAN_RUNS = 3;

// ---------------------------------------------------------------- generation

const HOSTS = ['mta1', 'mta2', 'mta3', 'mta4', 'mta5', 'mta6'];
const HOST_IPS = [
  '203.0.113.7',
  '203.0.113.8',
  '203.0.113.9',
  '198.51.100.23',
  '198.51.100.24',
  '198.51.100.25',
];
const SENDERS = ['news@example.com', 'alerts@example.org', 'factures@example.net'];
const ORANGE_MX = [
  'smtp-in.orange.fr[193.252.22.65]',
  'smtp-in.orange.fr[80.12.242.15]',
  'smtp-in.orange.fr[193.252.22.84]',
];
const R102 = (ip: string) =>
  `550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=${ip} [102]`;
const R104 =
  '421 mwinf5c10 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR005_104 [104]';
const R999 =
  '421 mwinf5c77 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR_999 [999]';
const R506 = '550 5.2.0 mwinf5c21 ME Mail rejete. Mail rejected. ofr_506 [506]';
const GMAIL_5 = (ip: string) =>
  `550-5.7.1 [${ip}] Our system has detected that this message is likely unsolicited mail. To reduce the amount of spam sent to Gmail, this message has been blocked.`;
const YAHOO_4 = (ip: string) =>
  `421 4.7.0 [TSS04] Messages from ${ip} temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes`;
const OUTLOOK_5 = (ip: string) =>
  `550 5.7.1 Unfortunately, messages from [${ip}] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150).`;

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Writes the log to `path` (through a `.part` file, renamed when complete). Also used by the e2e test. */
export function generateLargeLog(path: string, targetBytes: number): void {
  const rnd = seededRandom(20260316);
  const tmp = `${path}.part`;
  const fd = openSync(tmp, 'w');
  const hadOrangeError = new Array<boolean>(HOSTS.length).fill(false);
  let written = 0;
  let n = 0;
  let lastSecond = -1;
  let stamp = '';
  // Lines are written straight into one 8 MB buffer, flushed when nearly full: little garbage.
  const block = Buffer.allocUnsafe(8 * MB);
  let used = 0;
  let message = '';
  const push = (line: string) => {
    message += `${line}\n`;
  };
  while (written < targetBytes) {
    n += 1;
    const second = Math.min(86_399, Math.floor(((written + used) / targetBytes) * 86_400));
    if (second !== lastSecond) {
      lastSecond = second;
      stamp = `Mar 16 ${pad2(Math.floor(second / 3600))}:${pad2(Math.floor(second / 60) % 60)}:${pad2(second % 60)}`;
    }
    const h = n % HOSTS.length;
    const host = HOSTS[h] ?? 'mta1';
    const ip = HOST_IPS[h] ?? '203.0.113.7';
    const qid = `4P${n.toString(36).toUpperCase().padStart(10, '0')}`;
    const pid = 10_000 + (n % 50_000);
    const user = `u${(n * 7919) % 1_000_003}`;
    const sender = SENDERS[n % SENDERS.length];
    push(
      `${stamp} ${host} postfix/smtpd[${pid}]: connect from app${n % 4}.example.com[192.0.2.${50 + (n % 4)}]`,
    );
    push(
      `${stamp} ${host} postfix/smtpd[${pid}]: ${qid}: client=app${n % 4}.example.com[192.0.2.${50 + (n % 4)}]`,
    );
    push(`${stamp} ${host} postfix/cleanup[${pid + 1}]: ${qid}: message-id=<${n}.${pid}@example.com>`);
    push(
      `${stamp} ${host} postfix/qmgr[1201]: ${qid}: from=<${sender}>, size=${18_000 + (n % 9000)}, nrcpt=1 (queue active)`,
    );
    push(
      `${stamp} ${host} postfix/smtpd[${pid}]: disconnect from app${n % 4}.example.com[192.0.2.${50 + (n % 4)}] ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5`,
    );
    const head = `${stamp} ${host} postfix/smtp[${pid + 2}]: ${qid}: to=<`;
    const r = rnd();
    const x = rnd();
    let removed = true;
    if (r < 0.3) {
      // Orange / Wanadoo: mostly delivered, rejections in bursts.
      const domain = x < 0.7 ? 'orange.fr' : 'wanadoo.fr';
      const mx = ORANGE_MX[n % ORANGE_MX.length];
      // Two 40-minute episodes a day per MTA, 12 hours apart (so each makes its own group), staggered.
      const burst = (second - (1 + h) * 3600 + 86_400) % 43_200 < 2400;
      if (!burst || x > 0.35) {
        push(
          `${head}${user}@${domain}>, relay=${mx}:25, delay=0.4, delays=0.1/0/0.1/0.2, dsn=2.0.0, status=sent (250 2.0.0 ${qid} mail accepted for delivery)`,
        );
      } else if (x < 0.12) {
        push(
          `${head}${user}@${domain}>, relay=none, delay=0.3, delays=0.1/0/0.2/0, dsn=4.0.0, status=deferred (host ${mx} refused to talk to me: ${R104})`,
        );
        hadOrangeError[h] = true;
        removed = false;
      } else if (x < 0.2) {
        push(
          `${head}${user}@${domain}>, relay=${mx}:25, delay=0.6, delays=0.1/0/0.3/0.2, dsn=5.0.0, status=bounced (host ${mx} said: ${R102(ip)} (in reply to MAIL FROM command))`,
        );
        hadOrangeError[h] = true;
      } else if (x < 0.24) {
        push(
          `${head}${user}@${domain}>, relay=${mx}:25, delay=1.1, delays=0.1/0/0.3/0.7, dsn=5.2.0, status=bounced (host ${mx} said: ${R506} (in reply to end of DATA command))`,
        );
        hadOrangeError[h] = true;
      } else if (hadOrangeError[h]) {
        push(
          `${head}${user}@${domain}>, relay=none, delay=0.3, delays=0.1/0/0.2/0, dsn=4.0.0, status=deferred (host ${mx} refused to talk to me: ${R999})`,
        );
        removed = false;
      } else {
        push(
          `${head}${user}@${domain}>, relay=${mx}:25, delay=0.4, delays=0.1/0/0.1/0.2, dsn=2.0.0, status=sent (250 2.0.0 ${qid} mail accepted for delivery)`,
        );
      }
    } else if (r < 0.6) {
      const mx = 'gmail-smtp-in.l.google.com[142.250.27.26]';
      if (x < 0.01) {
        push(
          `${head}${user}@gmail.com>, relay=${mx}:25, delay=0.9, delays=0.1/0/0.3/0.5, dsn=5.7.1, status=bounced (host ${mx} said: ${GMAIL_5(ip)} (in reply to end of DATA command))`,
        );
      } else {
        push(
          `${head}${user}@gmail.com>, relay=${mx}:25, delay=0.8, delays=0.1/0/0.3/0.4, dsn=2.0.0, status=sent (250 2.0.0 OK  1710547202 a1si${n}wrb.12 - gsmtp)`,
        );
      }
    } else if (r < 0.75) {
      const mx = 'outlook-com.olc.protection.outlook.com[52.101.42.0]';
      if (x < 0.01) {
        push(
          `${head}${user}@outlook.fr>, relay=${mx}:25, delay=0.7, delays=0.1/0/0.3/0.3, dsn=5.7.1, status=bounced (host ${mx} said: ${OUTLOOK_5(ip)} (in reply to MAIL FROM command))`,
        );
      } else {
        push(
          `${head}${user}@outlook.fr>, relay=${mx}:25, delay=0.7, delays=0.1/0/0.3/0.3, dsn=2.0.0, status=sent (250 2.6.0 <${n}.${pid}@example.com> [InternalId=${n}] Queued mail for delivery)`,
        );
      }
    } else if (r < 0.85) {
      const mx = 'mta7.am0.yahoodns.net[98.136.216.22]';
      if (x < 0.03) {
        push(
          `${head}${user}@yahoo.fr>, relay=${mx}:25, delay=0.5, delays=0.1/0/0.2/0.2, dsn=4.7.0, status=deferred (host ${mx} said: ${YAHOO_4(ip)} (in reply to MAIL FROM command))`,
        );
        removed = false;
      } else {
        push(
          `${head}${user}@yahoo.fr>, relay=${mx}:25, delay=0.5, delays=0.1/0/0.2/0.2, dsn=2.0.0, status=sent (250 ok dirdel)`,
        );
      }
    } else if (r < 0.95) {
      push(
        `${head}${user}@free.fr>, relay=mx1.free.fr[212.27.48.6]:25, delay=0.5, delays=0.1/0/0.2/0.2, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as ${qid.slice(2, 9)})`,
      );
    } else {
      push(
        `${head}${user}@example.net>, relay=mx.example.net[192.0.2.25]:25, delay=0.2, delays=0.1/0/0.1/0, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 4AbCdE)`,
      );
    }
    if (removed) push(`${stamp} ${host} postfix/qmgr[1201]: ${qid}: removed`);
    used += block.write(message, used, 'latin1');
    message = '';
    if (used >= 7 * MB) {
      writeSync(fd, block, 0, used);
      written += used;
      used = 0;
    }
  }
  if (used > 0) writeSync(fd, block, 0, used);
  closeSync(fd);
  renameSync(tmp, path);
}

// ---------------------------------------------------------------- the scan (child process)

interface ChildReport {
  bytes: number;
  elapsedMs: number;
  /** CPU time of the scan (user + system, all threads of the child): beside the wall time on a shared machine. */
  cpuMs: number;
  rssBeforeMb: number;
  peakRssMb: number;
  peakHeapMb: number;
  rssAtQuartersMb: number[];
  liveHeapMb: number;
  lines: number;
  rejections: number;
  orange: number;
  groups: number;
  others: number;
  suspensions: number;
  suspensionsLinked: number;
  /** Threads that scanned (2: summarize's worker read the second half, see cli/summarize-file.ts). */
  threads: number;
}

async function childScan(path: string): Promise<void> {
  // As the CLI's summarize does (cli/heap-growth.ts).
  limitHeapGrowth();
  const total = statSync(path).size;
  const rssMb = () => process.memoryUsage.rss() / MB;
  const rssBeforeMb = rssMb();
  let heapPeak = 0;
  let peak = rssBeforeMb;
  // Sampled every 4 MB read, from the progress callback: the reads are blocking, so a timer would
  // never run during the scan. The true peak (maxRSS, kept by the kernel) is taken at the end as well.
  let nextSample = 0;
  const quarters: number[] = [];
  const gc = (globalThis as { gc?: () => void }).gc;
  const cpu0 = process.cpuUsage();
  const result = await summarizeFile(
    path,
    {
      now: new Date('2026-03-20T00:00:00Z'),
    },
    (bytesRead) => {
      if (bytesRead >= nextSample) {
        nextSample = bytesRead + 4 * MB;
        peak = Math.max(peak, rssMb());
        heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed / MB);
      }
      while (quarters.length < 4 && bytesRead >= (total * (quarters.length + 1)) / 4) {
        const rss = rssMb();
        peak = Math.max(peak, rss);
        quarters.push(rss);
      }
    },
  );
  const scanCpu = process.cpuUsage(cpu0);
  // maxRSS is in kilobytes.
  peak = Math.max(peak, rssMb(), process.resourceUsage().maxRSS / 1024);
  // What the scan really keeps (its bounded state): the heap after a full collection, at the end only
  // (forced collections during the run would lower the peaks measured).
  gc?.();
  const liveHeapMb = process.memoryUsage().heapUsed / MB;
  const report: ChildReport = {
    bytes: result.stats.bytesRead,
    elapsedMs: result.stats.elapsedMs,
    cpuMs: (scanCpu.user + scanCpu.system) / 1000,
    rssBeforeMb,
    peakRssMb: peak,
    peakHeapMb: heapPeak,
    rssAtQuartersMb: quarters,
    liveHeapMb,
    lines: result.stats.lines,
    rejections: result.counts.rejections,
    orange: result.summary.totals.orange,
    groups: result.summary.groups.length,
    others: result.summary.totals.others,
    suspensions: result.counts.suspensions,
    suspensionsLinked: result.counts.suspensionsLinked,
    threads: result.stats.threads,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

async function runChild(path: string): Promise<ChildReport> {
  const script = await bundleChild(HERE, 'abuse-desk-large-log-child');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', script, CHILD_FLAG, path], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      rmSync(dirname(script), { recursive: true, force: true });
      if (code !== 0) reject(new Error(`scan child exited with ${code}`));
      else resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as ChildReport);
    });
  });
}

// ---------------------------------------------------------------- a log dense in refusals

/**
 * The two-thread peak on a log of the same size as dense in refusals as logs.bench.ts's
 * (generate-postfix.ts: ~130 refusals per MB, against ~17 in the log above): each refusal the
 * worker records is held until this thread absorbs it, so the memory of the two-thread path depends on
 * that density (issue 3: 232-258 MB on 1 GB with a 24 MB segment budget, unseen on the sparser log).
 * One scan: some 8 s, plus ~25 s to write the log the first time (reused afterwards).
 */
async function denseRun(sizeMb: number, target: number): Promise<void> {
  const path = join(tmpdir(), `abuse-desk-large-log-dense-${sizeMb}mb.log`);
  if (!existsSync(path) || statSync(path).size < target) {
    const started = performance.now();
    const fd = openSync(`${path}.part`, 'w');
    generatePostfixLog(target, (chunk) => writeSync(fd, chunk));
    closeSync(fd);
    renameSync(`${path}.part`, path);
    console.log(
      `dense log           ${path} generated in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  const r = await runChild(path);
  const size = statSync(path).size / MB;
  console.log(
    `dense log           ${size.toFixed(0)} MB, ${r.rejections} rejections (generate-postfix.ts); ${(r.elapsedMs / 1000).toFixed(1)} s, CPU ${(r.cpuMs / 1000).toFixed(1)} s, threads ${r.threads}; resident memory peak ${r.peakRssMb.toFixed(0)} MB  [target < 200 MB]`,
  );
}

// ---------------------------------------------------------------- failed deliveries only

/**
 * The peak on logs of failed deliveries only (refusal-lines-log.ts: `grep status= mail.log`, a Kibana
 * export filtered on refusals), as syslog lines and as a search response, of at most 200 MB each (the
 * size of the report: 218 MB at peak then, the two-thread path's worker stopped by its budget
 * 3 MB into its part; see core/summary/split-density.ts). One scan each.
 */
export async function refusalLinesRuns(sizeMb: number): Promise<void> {
  const mb = Math.min(sizeMb, 200);
  for (const shape of ['syslog', 'search'] as const) {
    const path = join(
      tmpdir(),
      `abuse-desk-refusal-lines-${shape}-${mb}mb.${shape === 'search' ? 'json' : 'log'}`,
    );
    if (!existsSync(path) || statSync(path).size < mb * MB) generateRefusalLinesLog(path, mb * MB, shape);
    const r = await runChild(path);
    console.log(
      `failed deliveries   ${(statSync(path).size / MB).toFixed(0)} MB ${shape === 'syslog' ? 'of syslog lines' : 'search response'}, ${r.rejections} rejections; ${(r.elapsedMs / 1000).toFixed(1)} s, threads ${r.threads}; resident memory at 25/50/75/100 % ${r.rssAtQuartersMb.map((x) => x.toFixed(0)).join(' / ')} MB, peak ${r.peakRssMb.toFixed(0)} MB  [target < 200 MB]`,
    );
  }
}

// ---------------------------------------------------------------- pflogsumm

function findOnPath(name: string): string | null {
  const dirs = (process.env.PATH ?? '').split(delimiter).concat(['/usr/sbin', '/usr/local/sbin']);
  for (const dir of dirs) {
    const candidate = join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

function timePflogsumm(bin: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(bin, [path], { stdio: ['ignore', 'ignore', 'ignore'] });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`pflogsumm exited with ${code}`));
      else resolve(performance.now() - started);
    });
  });
}

// ---------------------------------------------------------------- the benchmark

export default async function run(args: string[]): Promise<void> {
  const mbArg = args.find((a) => a.startsWith('--large-mb='));
  const sizeMb = mbArg ? Number(mbArg.slice('--large-mb='.length)) : 1024;
  if (!Number.isFinite(sizeMb) || sizeMb <= 0) throw new Error(`--large-mb expects a positive number of MB`);
  const target = Math.round(sizeMb * MB);
  const path = join(tmpdir(), `abuse-desk-large-log-v2-${sizeMb}mb.log`);
  // The generator stops at the first 7 MB block past the target: a file of that size is ours.
  const reusable = existsSync(path) && statSync(path).size >= target && statSync(path).size < target + 8 * MB;
  if (reusable) console.log(`log                 ${path} (reused)`);
  else {
    const started = performance.now();
    generateLargeLog(path, target);
    const s = (performance.now() - started) / 1000;
    console.log(`log                 ${path} generated in ${s.toFixed(1)} s`);
  }
  const size = statSync(path).size;
  // Three scans, each in a fresh process; the median one is reported (a shared machine's speed varies
  // from one run to the next), and the highest memory of the three.
  const runs: ChildReport[] = [];
  for (let i = 0; i < SCAN_RUNS; i++) runs.push(await runChild(path));
  runs.sort((a, b) => a.elapsedMs - b.elapsedMs);
  const r = runs[Math.floor(runs.length / 2)] as ChildReport;
  const highest = (pick: (x: ChildReport) => number) => Math.max(...runs.map(pick));
  const mbps = size / MB / (r.elapsedMs / 1000);
  const f = (x: number) => x.toFixed(0);
  console.log(
    `size                ${(size / MB).toFixed(0)} MB, ${r.lines} lines, ${r.rejections} rejections`,
  );
  console.log(
    `found               ${r.orange} Orange incidents in ${r.groups} groups, ${r.suspensions} suspensions (${r.suspensionsLinked} with their trigger), ${r.others} other providers' rejections`,
  );
  const each = runs.map((x) => (size / MB / (x.elapsedMs / 1000)).toFixed(1)).join(' / ');
  console.log(
    `scan + summary      median of ${runs.length} runs ${(r.elapsedMs / 1000).toFixed(1)} s, ${mbps.toFixed(1)} MB/s (runs: ${each} MB/s); CPU ${(r.cpuMs / 1000).toFixed(1)} s; threads ${runs.map((x) => x.threads).join(' / ')} (summarize's two-thread path, cli/summarize-file.ts)`,
  );
  console.log(
    `resident memory     start ${f(r.rssBeforeMb)} MB; at 25/50/75/100 % (median run): ${r.rssAtQuartersMb.map(f).join(' / ')} MB; peak of all runs ${f(highest((x) => x.peakRssMb))} MB  [target < 200 MB, flat]`,
  );
  console.log(
    `JS heap (main thread) peak of all runs ${f(highest((x) => x.peakHeapMb))} MB; live after a full collection at the end ${f(r.liveHeapMb)} MB`,
  );
  await denseRun(sizeMb, target);
  await refusalLinesRuns(sizeMb);
  const bin = findOnPath('pflogsumm');
  if (!bin) {
    console.log('pflogsumm           not installed (Debian package pflogsumm): no ratio');
    return;
  }
  const theirs = await timePflogsumm(bin, path);
  const theirMbps = size / MB / (theirs / 1000);
  console.log(
    `pflogsumm           ${(theirs / 1000).toFixed(1)} s, ${theirMbps.toFixed(1)} MB/s (one run: it takes minutes); ratio to our median ${(mbps / theirMbps).toFixed(1)}x  [target >= 20x]`,
  );
}

if (process.argv[2] === CHILD_FLAG && process.argv[3]) {
  await childScan(process.argv[3]);
}
