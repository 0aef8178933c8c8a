/**
 * The full name of the host that wrote a shipped log line: Filebeat (or Logstash's file input) reads
 * `log.file.path` on the machine that wrote the file and calls that machine `host.name`, its FQDN where
 * set (`mail.example.com`), while syslog wrote its short name (`Mar  4 10:12:03 mail postfix/...`). The
 * full name stands for the short one only when the event names a file and the full name begins with the
 * short one's label; a collector's name (another machine's) never does.
 */
import type { Json, Obj } from './json-value';
import { isObj, str } from './json-value';

/** A dotted host name with a letter TLD. */
const FQDN =
  /^(?=.{4,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.[a-z]{2,63}$/i;

/** `host.name` when it is the full name of `short`, the syslog host field of the event's line; else null. */
export function fullerHost(short: string, o: Obj, hostName: string | null): string | null {
  const log = isObj(o.log as Json) ? (o.log as Obj) : undefined;
  const file = isObj(log?.file as Json) ? (log?.file as Obj) : undefined;
  if (!hostName || !str(file, 'path') || !FQDN.test(hostName)) return null;
  return hostName.toLowerCase().split('.')[0] === short.toLowerCase() ? hostName : null;
}
