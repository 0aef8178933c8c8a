/**
 * The installable command as `npm run build:cli` makes it (out/cli/): the bundle and the worker of
 * summarize's two-thread path beside it, and a reader that closes the pipe early (`| head`) ends the
 * command quietly, not with a stack trace.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('prints its version with --version, and the help on standard error with exit 1 without a command', () => {
    const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string };
    const shown = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    expect([shown.status, shown.stdout, shown.stderr]).toEqual([0, `${version}\n`, '']);
    const bare = spawnSync(process.execPath, [bin], { encoding: 'utf8' });
    expect([bare.status, bare.stdout]).toEqual([1, '']);
    expect(bare.stderr).toContain('Usage: abuse-desk <command>');
  });

  it('says standard input is a folder (`- < folder/`), where it said the text was empty', () => {
    const folder = openSync(mkdtempSync(join(tmpdir(), 'cli-stdin-folder-')), 'r');
    try {
      for (const [command, message] of [
        ['extract', 'extract: standard input: is a directory\n'],
        ['summarize', 'standard input: is a directory\n'],
        ['report', 'Cannot read standard input: is a directory\n'],
      ]) {
        const run = spawnSync(process.execPath, [bin, command as string, '-'], {
          stdio: [folder, 'pipe', 'pipe'],
          encoding: 'utf8',
        });
        expect([run.status, run.stdout, run.stderr]).toEqual([1, '', message]);
      }
    } finally {
      closeSync(folder);
    }
  });
});
