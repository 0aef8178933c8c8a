/**
 * Small JSON documents (settings, window state) read leniently and written atomically: a temporary file
 * in the same folder, fsync, rename. A file that does not parse or validate is reported and replaced by
 * defaults, never a crash at start-up.
 */
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { z } from 'zod';

export async function readJsonFile<S extends z.ZodType>(
  path: string,
  schema: S,
  fallback: z.output<S>,
): Promise<{ value: z.output<S>; problem: string | null }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { value: fallback, problem: null };
    return { value: fallback, problem: `could not read ${path}: ${(error as Error).message}` };
  }
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    if (parsed.success) return { value: parsed.data, problem: null };
    return { value: fallback, problem: `${path} does not hold valid data; defaults used` };
  } catch {
    return { value: fallback, problem: `${path} is not valid JSON; defaults used` };
  }
}

export async function writeJsonFileAtomic(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, path);
}
