/**
 * A Postfix line cut into fields by postfix-grok-patterns (the Logstash filters most Elastic setups use for
 * Postfix) and kept without the line itself (`message` dropped or lost in the export): the queue id in
 * `postfix_queueid`, the kv filter's `postfix_to`, `postfix_relay_hostname`, `postfix_relay_ip`,
 * `postfix_relay_port`, `postfix_delay`, `postfix_dsn`, then `postfix_status` and, in parentheses on the
 * line, `postfix_smtp_response`; the qmgr line's `postfix_from`, `postfix_size`, `postfix_nrcpt`. The line is
 * written back as Postfix wrote it, behind the event's time (`@timestamp`, or the syslog grok's `timestamp`),
 * its host (`logsource`, else `host.name` or `host.hostname`) and its program, for the log readers.
 */
import type { Json, Obj } from './json-value';
import { isObj, str } from './json-value';
import { fullerHost } from './shipper-host';

/** `postfix/smtp`, `postfix-out/qmgr`: the programs whose lines these fields come from. */
const PROGRAM = /^[\w.-]{1,64}\/(?:smtp|lmtp|error|qmgr)$/;
const QUEUE_ID = /^[0-9A-Za-z]{5,20}$/;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:?\d\d)$/;
const SYSLOG_STAMP = /^[A-Z][a-z]{2} [ \d]?\d \d\d:\d\d:\d\d$/;

/** The Postfix line the event stands for, or null when it holds no such fields. */
export function postfixGrokLine(o: Obj): string | null {
  const queueId = str(o, 'postfix_queueid');
  if (!queueId || !QUEUE_ID.test(queueId)) return null;
  const process = isObj(o.process as Json) ? (o.process as Obj) : undefined;
  const program = str(o, 'program') ?? str(process, 'name');
  if (!program || !PROGRAM.test(program)) return null;
  const time = stampOf(o);
  if (!time) return null;
  const hostObj = isObj(o.host as Json) ? (o.host as Obj) : undefined;
  // The syslog grok's host field is the writer's (in full where the shipper names it so); `host.name`
  // alone may be a collector's.
  const logsource = str(o, 'logsource');
  const host =
    (logsource ? (fullerHost(logsource, o, str(hostObj, 'name')) ?? logsource) : null) ??
    str(hostObj, 'name', 'hostname') ??
    '-';
  const pid = str(o, 'pid') ?? str(process, 'pid');
  const head = `${time} ${host} ${program}${pid ? `[${pid}]` : ''}: ${queueId}: `;
  const to = str(o, 'postfix_to');
  const status = str(o, 'postfix_status');
  if (to && status) {
    const relayHost = str(o, 'postfix_relay_hostname');
    const relayIp = str(o, 'postfix_relay_ip');
    const relayPort = str(o, 'postfix_relay_port');
    const relay = relayHost
      ? `${relayHost}${relayIp ? `[${relayIp}]${relayPort ? `:${relayPort}` : ''}` : ''}`
      : str(o, 'postfix_relay');
    const fields = [
      `to=<${to}>`,
      ...(str(o, 'postfix_orig_to') ? [`orig_to=<${str(o, 'postfix_orig_to')}>`] : []),
      ...(relay ? [`relay=${relay}`] : []),
      ...(['delay', 'delays', 'dsn'] as const).flatMap((k) =>
        str(o, `postfix_${k}`) ? [`${k}=${str(o, `postfix_${k}`)}`] : [],
      ),
      `status=${status}`,
    ];
    const response = str(o, 'postfix_smtp_response');
    return `${head}${fields.join(', ')}${response ? ` (${response})` : ''}`;
  }
  const from = str(o, 'postfix_from');
  if (from !== null && str(o, 'postfix_size'))
    return `${head}from=<${from}>, size=${str(o, 'postfix_size')}, nrcpt=${str(o, 'postfix_nrcpt') ?? '1'} (queue active)`;
  return null;
}

/** The event's time: `@timestamp` (ISO, with its zone), else the syslog grok's `timestamp`. */
function stampOf(o: Obj): string | null {
  const at = str(o, '@timestamp')?.trim();
  if (at && ISO.test(at)) return at;
  const stamp = str(o, 'timestamp')?.trim();
  return stamp && SYSLOG_STAMP.test(stamp) ? stamp : null;
}
