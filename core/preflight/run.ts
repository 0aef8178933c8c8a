/** Runs one planned check over the injected DNS look-ups. Never throws for DNS trouble. */

import { couldNotCheck } from './checks/common';
import { runDkimCheck } from './checks/dkim';
import { runDmarcCheck } from './checks/dmarc';
import { cloudmarkCheck, runDnsblCheck } from './checks/dnsbl';
import { runHeloCheck } from './checks/helo';
import { runOrangeMxCheck } from './checks/orange-mx';
import { runPtrCheck } from './checks/ptr';
import { runSpfCheck } from './checks/spf';
import type { DnsFailure, DnsLookup } from './dns';
import type { PreflightCheck, PreflightResult } from './types';

export interface RunOptions {
  abusixKey?: string | null;
}

export function runPreflightCheck(
  check: PreflightCheck,
  dns: DnsLookup,
  options: RunOptions = {},
): Promise<PreflightResult> {
  switch (check.kind) {
    case 'ptr':
      return runPtrCheck(check, dns);
    case 'helo':
      return runHeloCheck(check, dns);
    case 'spf':
      return runSpfCheck(check, dns);
    case 'dmarc':
      return runDmarcCheck(check, dns);
    case 'dkim':
      return runDkimCheck(check, dns);
    case 'orange-mx':
      return runOrangeMxCheck(check, dns);
    case 'dnsbl':
      return runDnsblCheck(check, dns, options.abusixKey);
    case 'cloudmark':
      return Promise.resolve(cloudmarkCheck(check));
  }
}

/** What a check is about, as shown beside it before its result arrives. */
export function checkSubject(check: PreflightCheck): string {
  switch (check.kind) {
    case 'ptr':
    case 'cloudmark':
      return check.ip;
    case 'helo':
      return check.host;
    case 'spf':
      return `${check.domain} / ${check.ip}`;
    case 'dmarc':
    case 'orange-mx':
      return check.domain;
    case 'dkim':
      return `${check.selector}._domainkey.${check.domain}`;
    case 'dnsbl':
      return `${check.ip} @ ${check.list}`;
  }
}

/** The result of a check that did not finish in time or broke unexpectedly. */
export function couldNotRun(check: PreflightCheck, failure: DnsFailure): PreflightResult {
  return couldNotCheck(check, checkSubject(check), failure);
}
