/**
 * `npm run bench`: runs every `bench/*.bench.ts` in name order and prints what each measures.
 * Each bench module default-exports `async function run(args: string[]): Promise<void>` that prints its
 * own figures. `npm run bench -- history` runs only the benches whose file name contains "history".
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const filters = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

for (const file of files) {
  console.log(`\n=== ${file.replace('.bench.ts', '')} ===`);
  const mod = (await import(pathToFileURL(`${here}${file}`).href)) as {
    default: (args: string[]) => Promise<void>;
  };
  await mod.default(process.argv.slice(2));
}
if (files.length === 0) console.log('no benchmark matched');
