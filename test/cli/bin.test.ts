/**
 * The installable command as `npm run build:cli` makes it (out/cli/): the bundle and the worker of
 * summarize's two-thread path beside it, and a reader that closes the pipe early (`| head`) ends the
 * command quietly, not with a stack trace.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = `${root}out/cli/index.js`;
const corpus = fileURLToPath(new URL('../fixtures/extract/', import.meta.url));

beforeAll(() => {
  const built = spawnSync('npm', ['run', '-s', 'build:cli'], { cwd: root, encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
}, 60_000);

describe('the built command (out/cli/)', () => {
  it('has the worker of the two-thread path beside it', () => {
    expect(existsSync(bin)).toBe(true);
    expect(existsSync(`${root}out/cli/log-segment.js`)).toBe(true);
  });

  it('stops quietly with status 0 when the reader closes the pipe early', async () => {
    const child = spawn(process.execPath, [bin, 'extract', '--json', corpus], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    // Like `| head -c 1`: the first bytes read, then the pipe closed.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 30_000);
});
