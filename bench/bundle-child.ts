/**
 * Benchmarks that measure memory run their scan in a child process bundled by esbuild, as the shipped
 * CLI is (out/cli/), so that the figures are the scan's and not the TypeScript loader's. The worker of
 * summarize's two-thread path (cli/log-segment.ts) is bundled beside it, as the build does.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SEGMENT_WORKER = fileURLToPath(new URL('../cli/log-segment.ts', import.meta.url));

/** Bundles `entry` (and the segment worker) into a new temporary folder; returns the child's path. */
export async function bundleChild(entry: string, name: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), `${name}-`));
  // ES modules with a .js name, like out/cli/ under the project's package.json.
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}\n');
  const { build } = await import('esbuild');
  await build({
    entryPoints: [
      { in: entry, out: name },
      { in: SEGMENT_WORKER, out: 'log-segment' },
    ],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir: dir,
    logLevel: 'warning',
    external: ['esbuild'],
  });
  return join(dir, `${name}.js`);
}
