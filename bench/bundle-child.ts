/**
 * Benchmarks that measure memory run their scan in a child process bundled by esbuild, as the shipped
 * CLI is (out/cli/index.js), so that the figures are the scan's and not the TypeScript loader's.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Bundles `entry` into one ESM file in the temporary folder and returns its path. */
export async function bundleChild(entry: string, name: string): Promise<string> {
  const outfile = join(tmpdir(), `${name}.mjs`);
  const { build } = await import('esbuild');
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'warning',
    external: ['esbuild'],
  });
  return outfile;
}
