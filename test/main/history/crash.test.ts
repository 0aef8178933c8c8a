/**
 * Crash test: a child process saving in a loop is killed (SIGKILL) at random moments; after each kill the
 * store must open cleanly and hold every save the child acknowledged, in this and all earlier rounds.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { call, makeTempDir, openStore } from './helpers';

const KILLS = 20;
const childScript = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Runs the child until it has acknowledged a few saves, waits a random moment, kills it; returns acked ids. */
function runAndKill(dir: string, extraDelayMs: number, minAcks: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', childScript, dir], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let killScheduled = false;
    const giveUp = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`child acknowledged nothing in time; stderr: ${err}`));
    }, 30_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      if (!killScheduled && out.split('\n').length > minAcks) {
        killScheduled = true;
        setTimeout(() => child.kill('SIGKILL'), extraDelayMs);
      }
    });
    child.stderr.on('data', (chunk) => {
      err += String(chunk);
    });
    child.on('exit', (_code, signal) => {
      clearTimeout(giveUp);
      if (signal !== 'SIGKILL') {
        reject(new Error(`child ended by itself (${signal}); stderr: ${err}`));
        return;
      }
      // A line cut by the kill has no newline: it was not fully printed, so it does not count.
      const lines = out.split('\n');
      lines.pop();
      resolve(lines.filter(Boolean));
    });
  });
}

describe('history store under SIGKILL', () => {
  it(`holds every acknowledged save after ${KILLS} kills at random moments`, {
    timeout: 240_000,
  }, async () => {
    const { dir, cleanup } = await makeTempDir('crash');
    const acknowledged = new Set<string>();
    let killedMidWrite = 0;
    try {
      for (let round = 0; round < KILLS; round += 1) {
        const ids = await runAndKill(
          dir,
          Math.floor(Math.random() * 150),
          1 + Math.floor(Math.random() * 20),
        );
        expect(ids.length).toBeGreaterThan(0);
        for (const id of ids) acknowledged.add(id);

        const store = await openStore({ dir });
        const status = await call(store, 'status', {});
        expect(status.events.filter((e) => e.level !== 'info')).toEqual([]);
        if (status.events.some((e) => e.code === 'temp-files-removed')) killedMidWrite += 1;
        const stored = await call(store, 'search', { limit: 500, offset: 0 });
        const all = new Set<string>(stored.items.map((i) => i.id));
        for (let offset = 500; offset < stored.total; offset += 500) {
          for (const item of (await call(store, 'search', { limit: 500, offset })).items) all.add(item.id);
        }
        const missing = [...acknowledged].filter((id) => !all.has(id));
        expect(missing, `round ${round}: acknowledged saves missing after the kill`).toEqual([]);
      }
      expect(acknowledged.size).toBeGreaterThan(KILLS);
      console.info(
        `crash test: ${KILLS} kills, ${acknowledged.size} acknowledged saves all found, ${killedMidWrite} kills landed mid-write`,
      );
    } finally {
      await cleanup();
    }
  });
});
