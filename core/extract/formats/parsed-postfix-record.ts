/**
 * A Postfix line a log shipper has already cut into fields and kept without the line itself, as the
 * kube-logging flows proposed for docker-mailserver's Helm chart output it (pull request #82): `{"time":"Feb
 * 27 09:02:38","hostname":"MyHOSTNAME","process":"postfix/smtp[26490]","queue_id":"5E31727A35D",
 * "to":"...","relay":"gateway-f1.isp.att.net[199.127.217.17]:25","delay":0.58,"delays":"...","dsn":"2.0.0",
 * "status":"sent","status_detail":"(250 ok ...)"}`, and the qmgr line's `from`, `size`, `nrcpt`. The line is
 * written back as Postfix wrote it, for the log readers.
 */
import type { Obj } from './json-value';
import { str } from './json-value';

/** `postfix/smtp[26490]`, `postfix-out/qmgr[88]`. */
const PROCESS = /^[\w.-]{1,64}\/(?:smtp|lmtp|error|qmgr)\[\d{1,10}\]$/;
/** The time as the flow kept it: the syslog stamp, or ISO. */
const TIME = /^(?:[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d|\d{4}-\d\d-\d\dT[\d:.]{8,15}(?:Z|[+-]\d\d:?\d\d))$/;

/** The Postfix line the record stands for, or null when it is no such record. */
export function parsedPostfixLine(o: Obj): string | null {
  const process = str(o, 'process');
  const queueId = str(o, 'queue_id');
  const time = str(o, 'time');
  if (!process || !queueId || !time || !PROCESS.test(process) || !TIME.test(time)) return null;
  const head = `${time} ${str(o, 'hostname', 'host') ?? '-'} ${process}: ${queueId}: `;
  const to = str(o, 'to');
  const status = str(o, 'status');
  if (to && status) {
    const detail = str(o, 'status_detail') ?? '';
    const fields = [
      `to=<${to}>`,
      ...(['orig_to'] as const).flatMap((k) => (str(o, k) ? [`${k}=<${str(o, k)}>`] : [])),
      ...(['relay', 'delay', 'delays', 'dsn'] as const).flatMap((k) =>
        str(o, k) ? [`${k}=${str(o, k)}`] : [],
      ),
      `status=${status}`,
    ];
    const reason = detail === '' || detail.startsWith('(') ? detail : `(${detail})`;
    return `${head}${fields.join(', ')}${reason ? ` ${reason}` : ''}`;
  }
  const from = str(o, 'from');
  if (from !== null && str(o, 'size')) {
    return `${head}from=<${from}>, size=${str(o, 'size')}, nrcpt=${str(o, 'nrcpt') ?? '1'} (queue active)`;
  }
  return null;
}
