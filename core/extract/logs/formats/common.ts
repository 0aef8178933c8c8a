/** Small helpers shared by the format readers. */
import type { SourceRef } from '../../../types';
import { isHostName } from '../../header-block';
import { normalizeIp } from '../../ip';
import { BoundedMap } from '../bounded-map';
import { detach, type Found, type RawRejection, type ScanContext, type SendingHostOrigin } from '../model';
import type { SyslogLine } from '../syslog';

/** `host.example[192.0.2.1]:25` or `host.example[192.0.2.1]` → name and address. */
export function hostAndIp(text: string): { host: string | null; ip: string | null } {
  // (A name may start with a redaction: `[redacted]-br.mail.protection.outlook.com[207.46.163.74]`.)
  const m = /^((?:\[[A-Za-z_-]{1,20}\])?[^[\s]{1,255})\[([^\]\n]{1,64})\]/.exec(text);
  // A name without its address (removed from a pasted log): kept when it is a host name.
  if (!m) return { host: isHostName(text) ? text.toLowerCase() : null, ip: null };
  // A redacted name names nothing; its address still does.
  const host = m[1] === 'unknown' || m[1]?.startsWith('[') ? null : (m[1] ?? null);
  // Only a valid address: a masked one (`[108.000.000.000]`, `[x.x.x.x]`) names nothing.
  const ip = m[2] ? normalizeIp(m[2]) : null;
  return { host, ip };
}

/** `192.0.2.1:25`, `[2001:db8::1]:25`, `192.0.2.1` → the address without its port. */
export function stripPort(address: string): string {
  const a = address.trim();
  const bracket = /^\[([^\]]{1,64})\](?::\d{1,5})?$/.exec(a);
  if (bracket) return bracket[1] ?? '';
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3})(?::\d{1,5})?$/.exec(a);
  if (v4) return v4[1] ?? '';
  return a;
}

/**
 * Docker's default host name inside a container: the first 12 hex digits of the container id
 * (`Aug 24 10:35:31 3237f1bfd0cc postfix/qmgr[93]: ...`, seen in docker-postfix issue reports). It names
 * no machine anyone outside could look up, so it is no sending host.
 */
const CONTAINER_ID = /^[0-9a-f]{12}$/;
/**
 * A host field that is a bare number (`Jun  8 06:26:31 1 postfix-smtp3/smtp[459]: ...`, a multi-instance
 * Postfix's log on GitHub, its syslog template writing `1` there): no host name.
 */
const NUMBER = /^\d{1,10}$/;

type SyslogHostShape = { value: string; origin: SendingHostOrigin; instance?: string } | null;

/**
 * syslogHost's answers by host field and program: a log has a few of each, and every rejection asks.
 * Their strings are copies (see detach), as the map outlives the chunks they were read from.
 */
const hostShapes = new Map<string, Map<string, SyslogHostShape>>();

/** The syslog host as sending host, when the line has a syslog prefix. */
export function syslogHost(
  syslog: SyslogLine | null,
  ref: SourceRef,
): (Found<string> & { origin: SendingHostOrigin; instance?: string }) | null {
  if (!syslog) return null;
  let programs = hostShapes.get(syslog.host);
  if (programs === undefined) {
    if (hostShapes.size >= 256) hostShapes.clear();
    programs = new Map();
    hostShapes.set(detach(syslog.host), programs);
  }
  let shape = programs.get(syslog.program);
  if (shape === undefined) {
    shape = hostShape(syslog.host, syslog.program);
    if (programs.size >= 256) programs.clear();
    programs.set(detach(syslog.program), shape);
  }
  return shape === null ? null : { value: shape.value, ref, origin: shape.origin, instance: shape.instance };
}

function hostShape(host: string, program: string): SyslogHostShape {
  if (!host || host === '-' || host === 'localhost') return null;
  if (CONTAINER_ID.test(host) || NUMBER.test(host)) return null;
  // A remote syslog server writes the address it received the line from when it has no name for it.
  // (An rsyslog relay's `HOST/FROMHOST`: the first one logged the line, incident.ts.)
  const ip = normalizeIp(host.split('/')[0] ?? '');
  const instance = nullableCopy(instanceOf(program));
  if (ip) return { value: detach(ip), origin: 'syslog-ip', instance };
  return { value: detach(host), origin: 'syslog-host', instance };
}

function nullableCopy(text: string | undefined): string | undefined {
  return text === undefined ? undefined : detach(text);
}

/**
 * The MTA instance a program name tells: Postfix names its instance before its service
 * (`postfix-out2/smtp`); other MTAs' processes (OpenSMTPD's `smtpd` and `transfer`) are one instance.
 */
export function instanceOf(program: string): string | undefined {
  const slash = program.lastIndexOf('/');
  return slash > 0 ? program.slice(0, slash) : undefined;
}

/** Value of `key=<...>` (angle brackets) in a log line, or null. */
export function angleField(text: string, key: string, from = 0): string | null {
  const at = text.indexOf(`${key}=<`, from);
  if (at < 0) return null;
  const start = at + key.length + 2;
  const end = text.indexOf('>', start);
  if (end < 0 || end - start > 1024) return null;
  return text.slice(start, end);
}

/** Value of `key="..."` in a log line (OpenSMTPD), or null. */
export function quotedField(text: string, key: string): string | null {
  const at = text.indexOf(` ${key}="`);
  if (at < 0) return null;
  const start = at + key.length + 3;
  let end = start;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (c === 92) end += 2;
    else if (c === 34) break;
    else end++;
  }
  return text.slice(start, end).replace(/\\(.)/g, '$1');
}

export function baseRejection(
  format: RawRejection['format'],
  ref: SourceRef,
  stamp: RawRejection['stamp'],
  replyText: string,
): RawRejection {
  return {
    format,
    ref,
    stamp,
    replyText,
    recipient: null,
    sender: null,
    remoteHost: null,
    remoteIp: null,
    sendingIps: [],
    sendingHost: null,
  };
}

/** True when the text starts with an SMTP reply code (`550 `, `421-`, `452`). */
export function startsWithReplyCode(text: string): boolean {
  return /^[245]\d\d(?:[ -]|$)/.test(text);
}

/** `550 You are banned)` → `550 You are banned` when the closing parenthesis belongs to the log's wrapper. */
export function dropUnbalancedParen(text: string): string {
  const t = text.trimEnd();
  if (!t.endsWith(')')) return t;
  let depth = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 40) depth++;
    else if (c === 41) depth--;
  }
  return depth < 0 ? t.slice(0, -1).trimEnd() : t;
}

/**
 * A reader's own per-id map in the scan's format state, created on first use and bounded like the
 * senders map (qmail's deliveries, Haraka's attempts): the scanner counts and drains its evictions.
 */
export function boundedState<V>(ctx: ScanContext, key: string): BoundedMap<string, V> {
  let map = ctx.formatState.get(key) as BoundedMap<string, V> | undefined;
  if (!map) {
    map = new BoundedMap<string, V>(ctx.senders.cap);
    ctx.formatState.set(key, map);
  }
  return map;
}

/**
 * A terminal colour code, as `docker compose logs` writes around the service name on a terminal: the ESC
 * byte, or the `ESC` a post shows in its place (`ESC[36mmail              |ESC[0m Apr 29 14:16:25 mail
 * postfix/smtpd[1701]: ...`, docker-mailserver issue #1478).
 */
const COLOUR = String.raw`(?:\x1b|ESC)\[[\d;]{0,12}m`;

/**
 * `docker compose logs` puts the service name and a bar before each line
 * (`postfix-mailcow_1    | Apr  3 19:16:31 akop postfix/...`, mailcow-dockerized issue #2496), coloured
 * on a terminal.
 */
export const COMPOSE_PREFIX = new RegExp(
  String.raw`^(?:${COLOUR})?[A-Za-z0-9][\w.-]{0,127} {1,40}\|(?:${COLOUR})? `,
);

/** The line without a `docker compose logs` prefix before it. */
export function withoutCompose(text: string): string {
  const prefix = COMPOSE_PREFIX.exec(text);
  return prefix ? text.slice(prefix[0].length) : text;
}
