/**
 * `npm run security`: Doyensec's electronegativity over electron/ and renderer/ for Electron 45.5.0,
 * offline. Exits non-zero on any MEDIUM or HIGH finding that is not listed, with its reason, in
 * scripts/security/reviewed-findings.json (electronegativity itself always exits 0).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
require('./security/offline.cjs');

export const ELECTRON_VERSION = '45.5.0';

export interface Finding {
  check: string;
  severity: string;
  confidence: string;
  file: string;
  line: number;
  sample: string;
}

interface Reviewed {
  check: string;
  file: string;
  sample: string;
  reason: string;
}

interface RawIssue {
  id: string;
  file: string;
  location?: { line?: number };
  sample?: string;
  severity?: { name?: string } | string;
  confidence?: { name?: string } | string;
}

const nameOf = (v: RawIssue['severity']) =>
  (typeof v === 'string' ? v : (v?.name ?? 'UNKNOWN')).toUpperCase();

export async function scan(
  dirs: string[] = ['electron', 'renderer'],
  root = process.cwd(),
): Promise<Finding[]> {
  const stage = mkdtempSync(join(tmpdir(), 'ada-scan-'));
  try {
    for (const dir of dirs) cpSync(join(root, dir), join(stage, dir), { recursive: true });
    const run = require('@doyensec/electronegativity') as (
      options: Record<string, unknown>,
    ) => Promise<{ issues: RawIssue[] }>;
    const quiet = console.log;
    console.log = () => undefined; // it reports its failed (disabled) downloads on stdout
    let result: { issues: RawIssue[] };
    try {
      result = await run({
        input: stage,
        electronVersionOverride: ELECTRON_VERSION,
        excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
        isRelative: true,
      });
    } finally {
      console.log = quiet;
    }
    return result.issues.map((i) => ({
      check: i.id,
      severity: nameOf(i.severity),
      confidence: nameOf(i.confidence),
      file: i.file.replace(/^\/+/, ''),
      line: i.location?.line ?? 0,
      sample: i.sample ?? '',
    }));
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

export function reviewedFindings(): Reviewed[] {
  return (
    JSON.parse(readFileSync('scripts/security/reviewed-findings.json', 'utf8')) as { findings: Reviewed[] }
  ).findings;
}

/** The MEDIUM/HIGH findings nobody reviewed: these fail the scan. */
export function unreviewed(findings: Finding[], reviewed = reviewedFindings()): Finding[] {
  return findings.filter(
    (f) =>
      (f.severity === 'MEDIUM' || f.severity === 'HIGH') &&
      !reviewed.some((r) => r.check === f.check && f.file.startsWith(r.file) && f.sample.includes(r.sample)),
  );
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  const findings = await scan();
  const failing = unreviewed(findings);
  for (const f of findings) {
    const mark = failing.includes(f) ? 'FAIL' : 'ok  ';
    console.log(`${mark} ${f.severity.padEnd(13)} ${f.check} ${f.file}:${f.line} ${f.sample.slice(0, 80)}`);
  }
  console.log(`${findings.length} findings, ${failing.length} medium/high not reviewed`);
  process.exit(failing.length === 0 ? 0 : 1);
}
