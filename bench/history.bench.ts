/**
 * History store with 10,000 incidents: open time (load + validate + first list), search time per
 * keystroke while typing an IP, time of one save (the whole file is rewritten), and the file size.
 * Targets (issue 6): open under 150 ms, search under 10 ms per keystroke.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Incident } from '../core/types';
import { createHistoryService, type HistoryRecord } from '../electron/services/history';
import { historyFiles } from '../electron/services/history/file-store';
import { SaveInput, SearchInput } from '../electron/services/history/schema';
import { TEXTS_DIR } from '../electron/services/history/texts';

const COUNT = 10_000;
const REASONS = [100, 102, 103, 104, 506, 999];

function incident(i: number, at: Date): Incident {
  const ip = `${['192.0.2', '198.51.100', '203.0.113'][i % 3]}.${i % 250}`;
  const reason = REASONS[i % REASONS.length] ?? 102;
  const text = `550 mwinf5c${String(i % 90).padStart(2, '0')} ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_${reason} Ref http://csi.cloudmark.com/reset-request/?ip=${ip} [${reason}]`;
  return {
    occurredAt: at.toISOString(),
    sendingIps: [ip],
    sendingHosts: [`mta${i % 7}.mail.example.com`],
    sendingDomain: `news${i % 40}.example.com`,
    recipientDomain: i % 2 ? 'orange.fr' : 'wanadoo.fr',
    remoteHost: 'smtp-in.orange.fr',
    remoteIp: '193.252.22.65',
    reply: { code: 550, enhanced: null, text },
    orange: { token: `OFR006_${reason}`, reason, server: 'mwinf5c04' },
    isOrange: true,
    format: 'postfix',
    sources: { reply: { line: 1, text } },
    assumptions: [],
    trigger: null,
  };
}

export function record(i: number): HistoryRecord {
  const at = new Date(Date.UTC(2025, 0, 1) + i * 6_000_000);
  const inc = incident(i, at);
  const ip = inc.sendingIps[0] ?? '';
  return {
    id: `bench-${i}`,
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
    status: (['draft', 'sent', 'resolved', 'closed'] as const)[i % 4] ?? 'draft',
    sentAt: null,
    orangeTicketRef: i % 4 ? `TT-${i}` : null,
    notes: i % 5 ? '' : 'Relancé par téléphone.',
    incident: inc,
    advice: null,
    ticket: {
      fr: { subject: `Blocage IP ${ip}`, body: `Bonjour,\n\n${inc.reply.text}\n\nCordialement`.repeat(2) },
      en: { subject: `IP ${ip} blocked`, body: `Hello,\n\n${inc.reply.text}\n\nRegards`.repeat(2) },
    },
    rawText:
      `Nov 20 09:12:44 mail1 postfix/smtp[4242]: 4Bx1: to=<***@orange.fr>, relay=smtp-in.orange.fr[193.252.22.65]:25, dsn=5.0.0, status=bounced (host said: ${inc.reply.text})\n`.repeat(
        3,
      ),
    deletedAt: null,
  };
}

/**
 * Opening as at app start: a fresh Node process (bundled by esbuild, so no TypeScript loader runs
 * beside it) opens the store once and lists the first page and prints CPU and wall times; or, with
 * "phases", times each step of loading alone in its own fresh process: reading history.json, JSON.parse,
 * the load check of every value of every column (a table the records are made from on first need),
 * then the index (every live record's sort date, sorted) and the first page (its 50 records made).
 */
const FRESH_OPEN = `
import { readFile } from 'node:fs/promises';
import { createHistoryService } from './electron/services/history';
import { checkDocument } from './electron/services/history/fast-check';
import { Records } from './electron/services/history/records';
import { SearchIndex, summarize } from './electron/services/history/search-index';
import { SearchInput } from './electron/services/history/schema';
const dir = process.argv[2];
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
let cpu = cpuMs();
if (process.argv[3] === 'phases') {
  const phases = {};
  const lap = (name) => { const now = cpuMs(); phases[name] = now - cpu; cpu = now; };
  const text = await readFile(dir + '/history.json', 'utf8'); lap('read');
  const doc = JSON.parse(text); lap('parse');
  const table = checkDocument(doc); lap('check');
  if (!table) throw new Error('load check failed');
  const index = new SearchIndex(Records.fromTable(table));
  index.filter(SearchInput.parse({})).slice(0, 50).map(summarize); lap('index');
  console.log(JSON.stringify(phases));
  process.exit(0);
}
const wall = performance.now();
const store = createHistoryService({ dir });
await store.ready;
await store.search(SearchInput.parse({}));
const open = { cpu: cpuMs() - cpu, wall: performance.now() - wall };
console.log(JSON.stringify(open));
`;

async function freshOpens(dir: string, runs: number) {
  const script = join(dir, 'fresh-open.mjs');
  await build({
    stdin: { contents: FRESH_OPEN, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: script,
    logLevel: 'warning',
  });
  const run = (mode: string) => {
    const child = spawnSync(process.execPath, [script, dir, mode], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`fresh open failed: ${child.stderr}`);
    return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, number>;
  };
  const opens: Array<Record<string, number>> = [];
  const phases: Array<Record<string, number>> = [];
  for (let i = 0; i < runs; i += 1) {
    opens.push(run('open'));
    phases.push(run('phases'));
  }
  return { opens, phases };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1] ?? 0;
const ms = (x: number) => `${x.toFixed(2)} ms`;

export default async function run(_args: string[]): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'ada-history-bench-'));
  try {
    const files = historyFiles(dir);
    // The same history as version 3 wrote it with texts not yet in packs (as after a version 2 upgrade):
    // the first open migrates it, the first save moves every record's details to a pack.
    await writeFile(
      files.main,
      JSON.stringify({
        schemaVersion: 3,
        records: Array.from({ length: COUNT }, (_, i) => {
          const { rawText, ticket, ...rest } = record(i);
          const ticketSubjects = { fr: ticket.fr.subject, en: ticket.en.subject };
          return { ...rest, ticketSubjects, texts: { inline: { rawText, ticket } } };
        }),
      }),
    );
    const inlineSize = (await stat(files.main)).size;
    let started = performance.now();
    let store = createHistoryService({ dir });
    await store.ready;
    const firstOpen = performance.now() - started;
    started = performance.now();
    await store.setStatus({ id: 'bench-0', status: 'sent' });
    const externalize = performance.now() - started;
    const size = (await stat(files.main)).size;
    const textsDir = join(dir, TEXTS_DIR);
    let textsSize = 0;
    const textFiles = await readdir(textsDir);
    for (const name of textFiles) textsSize += (await stat(join(textsDir, name))).size;

    const opens: number[] = [];
    const openCpu: number[] = [];
    const readyTimes: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      started = performance.now();
      const cpu = process.cpuUsage();
      store = createHistoryService({ dir });
      await store.ready;
      readyTimes.push(performance.now() - started);
      await store.search(SearchInput.parse({}));
      opens.push(performance.now() - started);
      const used = process.cpuUsage(cpu);
      openCpu.push((used.user + used.system) / 1000);
      // Outside the measure: the searchable texts this store builds in the background after opening,
      // so that work does not land in the next open's measure.
      await store.search(SearchInput.parse({ query: 'warm' }));
    }

    const fresh = await freshOpens(dir, 5);
    const phase = (name: string) => ms(median(fresh.phases.map((f) => f[name] ?? 0)));
    const freshOpen = (key: string) => ms(median(fresh.opens.map((f) => f[key] ?? 0)));

    const query = '203.0.113.7';
    const perKeystroke: number[] = [];
    const searchCpu = process.cpuUsage();
    for (let round = 0; round < 20; round += 1) {
      for (let n = 1; n <= query.length; n += 1) {
        const started = performance.now();
        await store.search(SearchInput.parse({ query: query.slice(0, n) }));
        perKeystroke.push(performance.now() - started);
      }
    }
    const searchCpuUsed = process.cpuUsage(searchCpu);
    const searchCpuPerKey = (searchCpuUsed.user + searchCpuUsed.system) / 1000 / perKeystroke.length;
    const last = await store.search(SearchInput.parse({ query }));

    const saves: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const r = record(COUNT + i);
      const started = performance.now();
      await store.save(
        SaveInput.parse({ incident: r.incident, advice: null, ticket: r.ticket, rawText: r.rawText }),
      );
      saves.push(performance.now() - started);
    }

    const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
    console.log(`incidents                      ${COUNT}`);
    console.log(
      `history.json                   ${mb(size)} (${size} bytes); texts: ${textFiles.length} files, ${mb(textsSize)}`,
    );
    console.log(
      `same history as v3, inline     ${mb(inlineSize)}: open (with upgrade to v4) ${ms(firstOpen)}, first save moving details to a pack ${ms(externalize)} (once)`,
    );
    console.log(
      `open (load+validate+list)      median ${ms(median(opens))}, min ${ms(Math.min(...opens))}, CPU median ${ms(median(openCpu))}; of which file read+parse+validate ${ms(median(readyTimes))}, index+first page the rest  [target < 150 ms]`,
    );
    console.log(
      `open in a fresh process        CPU median ${freshOpen('cpu')}, wall median ${freshOpen('wall')} (as at app start, 5 runs) [target < 150 ms]; CPU of phases alone: read ${phase('read')}, JSON.parse ${phase('parse')}, load check ${phase('check')}, index+first page ${phase('index')}`,
    );
    console.log(
      `search per keystroke "${query}"  median ${ms(median(perKeystroke))}, p95 ${ms(p95(perKeystroke))}, max ${ms(Math.max(...perKeystroke))}  [target < 10 ms]; CPU ${ms(searchCpuPerKey)} per keystroke (${last.total} matches for the full IP)`,
    );
    console.log(`one save (whole file + fsync)  median ${ms(median(saves))}`);
    console.log(
      `machine load average           ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')} on ${cpus().length} CPUs (wall times grow with load)`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
