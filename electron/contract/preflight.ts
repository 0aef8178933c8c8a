/**
 * The preflight group of the IPC contract. Design: `plan` turns the incident's fields into the list of
 * checks (cheap, no DNS); the renderer then calls `run` once per check, all in parallel, and shows each
 * result as it arrives (progress = results received / checks planned). Each `run` has its own timeout in
 * the main process and always resolves, with status 'could-not-check' when DNS did not answer.
 */
import { z } from 'zod';
import type { PreflightCheck, PreflightResult } from '../../core/preflight/types';
import { operation } from './define';

const Ip = z.union([z.ipv4(), z.ipv6()]);
const DomainName = z
  .string()
  .max(253)
  .regex(/^[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,251}[A-Za-z0-9.])?$/);
const Selector = z
  .string()
  .max(63)
  .regex(/^[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,61}[A-Za-z0-9])?$/);
const Id = z.string().max(400);

export const PreflightInput = z.object({
  sendingIps: z.array(z.string().max(64)).max(32),
  sendingHosts: z.array(z.string().max(253)).max(32),
  sendingDomain: z.string().max(253).nullable(),
  /** Free text typed by the user: plan drops a selector or domain that is not a DNS name. */
  dkim: z
    .object({ selector: z.string().max(253), domain: z.string().max(253) })
    .nullable()
    .optional(),
});

export const PreflightCheckSchema = z.discriminatedUnion('kind', [
  z.object({ id: Id, kind: z.literal('ptr'), ip: Ip }),
  z.object({ id: Id, kind: z.literal('helo'), host: z.string().max(253), ips: z.array(Ip).max(32) }),
  z.object({
    id: Id,
    kind: z.literal('spf'),
    domain: DomainName,
    ip: Ip,
    helo: z.string().max(253).nullable(),
  }),
  z.object({ id: Id, kind: z.literal('dmarc'), domain: DomainName }),
  z.object({ id: Id, kind: z.literal('dkim'), selector: Selector, domain: DomainName }),
  z.object({ id: Id, kind: z.literal('orange-mx'), domain: z.enum(['orange.fr', 'wanadoo.fr']) }),
  z.object({
    id: Id,
    kind: z.literal('dnsbl'),
    ip: Ip,
    list: z.enum(['spamhaus-zen', 'abusix', 'spamcop', 'barracuda', 'psbl']),
  }),
  z.object({ id: Id, kind: z.literal('cloudmark'), ip: Ip }),
]);

export const preflightContract = {
  /** The checks an incident calls for, in display order. */
  plan: operation<PreflightCheck[]>()(PreflightInput),
  /** Runs one check; always resolves (could-not-check on DNS trouble or timeout). */
  run: operation<PreflightResult>()(z.object({ check: PreflightCheckSchema })),
};
