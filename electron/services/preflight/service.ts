/**
 * The preflight service behind the IPC contract: `plan` is pure, `run` runs one check with its own
 * resolver (so a timed-out check's queries can be cancelled without touching the others) and a deadline.
 */
import { Resolver } from 'node:dns/promises';
import { planPreflight } from '../../../core/preflight/plan';
import { couldNotRun, runPreflightCheck } from '../../../core/preflight/run';
import type { PreflightCheck, PreflightInput, PreflightResult } from '../../../core/preflight/types';
import type { GroupImpl } from '../../contract/define';
import type { preflightContract } from '../../contract/preflight';
import { createNodeDnsLookup, type ResolverLike } from './node-dns';

export interface PreflightServiceOptions {
  /** A resolver to use for every check instead of a fresh node:dns Resolver per check. */
  resolver?: ResolverLike;
  /** DNS servers ("127.0.0.1:5353"); default: the system's. */
  servers?: string[];
  /** Deadline of one check, in milliseconds (default 8000). */
  timeoutMs?: number;
  now?: () => Date;
  /** Abusix Mail Intelligence key, read when a check runs (from the settings, say). */
  abusixKey?: () => string | null | undefined | Promise<string | null | undefined>;
}

export interface PreflightService {
  plan(input: PreflightInput): PreflightCheck[];
  run(input: { check: PreflightCheck }): Promise<PreflightResult>;
  /** Plans and runs every check in parallel; for the CLI and end-to-end tests. */
  runAll(input: PreflightInput): Promise<PreflightResult[]>;
}

export function createPreflightService(options: PreflightServiceOptions = {}): PreflightService {
  const timeoutMs = options.timeoutMs ?? 8000;
  const now = options.now ?? (() => new Date());

  function resolverForOneCheck(): ResolverLike {
    if (options.resolver) return options.resolver;
    // c-ares retries with a doubling timeout: two tries fit within the check's deadline.
    const resolver = new Resolver({ timeout: Math.max(200, Math.floor(timeoutMs / 3)), tries: 2 });
    if (options.servers && options.servers.length > 0) resolver.setServers(options.servers);
    return resolver;
  }

  async function run({ check }: { check: PreflightCheck }): Promise<PreflightResult> {
    const resolver = resolverForOneCheck();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<PreflightResult>((resolve) => {
      timer = setTimeout(() => resolve(couldNotRun(check, 'timeout')), timeoutMs);
    });
    const work = Promise.resolve(options.abusixKey?.())
      .then((abusixKey) =>
        runPreflightCheck(check, createNodeDnsLookup(resolver), { abusixKey: abusixKey || null }),
      )
      .catch(() => couldNotRun(check, 'error'));
    try {
      const result = await Promise.race([work, deadline]);
      return { ...result, checkedAt: now().toISOString() };
    } finally {
      clearTimeout(timer);
      if (!options.resolver) resolver.cancel?.();
    }
  }

  const service: PreflightService = {
    plan: (input) => planPreflight(input),
    run,
    runAll: (input) => Promise.all(planPreflight(input).map((check) => run({ check }))),
  };
  return service satisfies GroupImpl<typeof preflightContract>;
}
