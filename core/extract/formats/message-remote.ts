/**
 * The rejecting server of a bounce's incident: the DSN's Remote-MTA (with its comment's address and
 * the connection's two ends some MTAs write), Gmail's words, the host the body's reply names.
 */

import type { Incident } from '../../types';
import type { FoundReply } from '../body-replies';
import { gmailRejectingServer } from '../gmail-server';
import { gmailTriedBelow } from '../gmail-tried-server';
import { type Field, fieldValue, isHostName, stripType } from '../header-block';
import { normalizeIp } from '../ip';
import { REMOTE_MTA_TCP } from '../messaging-server';
import type { ConnectionIp, RefOf } from './message-sender';
import { nameTriedServer } from './message-unreached-remote';

/** Gmail's rejecting server of each body, looked for once per message (not once per recipient). */
const gmailServers = new WeakMap<readonly string[], ReturnType<typeof gmailRejectingServer>>();

/**
 * The address right after a Remote-MTA's host name: in a comment, `(IP)` or `(IP, ...)`; or in brackets,
 * as Courier writes it (`Remote-MTA: dns; mx.example.jp [192.0.2.3]`, sisimai's Courier samples).
 */
const REMOTE_MTA_COMMENT_IP = /^\S{1,253}\s{1,4}(?:\(([0-9A-Fa-f:.]{2,45})[,)]|\[([0-9A-Fa-f:.]{2,45})\])/;

/**
 * ZMailer's `Remote-MTA: dns; mx.example.sk (192.0.2.18|25|198.51.100.167|35055)`: remote, port, local, port.
 */
const ZMAILER_ENDS = /\(([0-9A-Fa-f:.]{2,45})\|\d{1,5}\|([0-9A-Fa-f:.]{2,45})\|\d{1,5}\)/;

/** ZMailer's two ends in the order of REMOTE_MTA_TCP's groups (local address, then remote), or null. */
function zmailerEnds(value: string): [string, string, string] | null {
  const m = ZMAILER_ENDS.exec(value);
  return m ? [m[0], m[2] ?? '', m[1] ?? ''] : null;
}

export function fillRemote(
  incident: Incident,
  dsn: Field[] | null,
  body: FoundReply | null,
  bodyLines: string[],
  refOf: RefOf,
): ConnectionIp | null {
  // A destination that did not resolve (`Status: 5.1.2`, no reply): the Remote-MTA field names the
  // domain looked up (`dns; vgr.kernel.org`), no server that refused.
  const unresolved = incident.reply.code === null && /^[45]\.1\.2$/.test(incident.reply.enhanced ?? '');
  const remoteMta = dsn && !unresolved ? fieldValue(dsn, 'remote-mta') : null;
  if (remoteMta) {
    const value = stripType(remoteMta.value).split(/\s/)[0] ?? '';
    const bracket = /\[([0-9A-Fa-f:.]{2,45})\]/.exec(value);
    // A port after the name (`example-com.mail.eo.outlook.com:25`) is no part of it.
    const host = value
      .replace(/\s{0,4}\[.*$/, '')
      .replace(/^([^:]*[A-Za-z])\.?:\d{1,5}$/, '$1')
      .replace(/\.$/, '');
    const ip = normalizeIp(bracket?.[1] ?? host);
    if (ip) {
      incident.remoteIp = ip;
      refOf(incident, 'remoteIp', remoteMta.firstLine);
    } else if (isHostName(host)) {
      incident.remoteHost = host.toLowerCase();
      refOf(incident, 'remoteHost', remoteMta.firstLine);
      // Gmail adds the address in a comment: `smtp-in.orange.fr. (80.12.242.9, the server for the
      // domain wanadoo.fr.)`; others write `mx.example.jp (192.0.2.135)`, Courier
      // `mx.example.jp [192.0.2.3]`.
      const comment = REMOTE_MTA_COMMENT_IP.exec(stripType(remoteMta.value));
      const commentIp = normalizeIp(comment?.[1] ?? comment?.[2] ?? '');
      if (commentIp) {
        incident.remoteIp = commentIp;
        refOf(incident, 'remoteIp', remoteMta.firstLine);
      }
    }
  }
  const tcp = remoteMta ? (REMOTE_MTA_TCP.exec(remoteMta.value) ?? zmailerEnds(remoteMta.value)) : null;
  const localIp = normalizeIp(tcp?.[1] ?? '');
  // Its local address is the sending IP, unless the bounce came from the receiving side (fillSender).
  const connection = remoteMta && localIp ? { ip: localIp, line: remoteMta.firstLine } : null;
  const tcpRemoteIp = normalizeIp(tcp?.[2] ?? '');
  if (remoteMta && tcpRemoteIp && !incident.remoteIp) {
    incident.remoteIp = tcpRemoteIp;
    refOf(incident, 'remoteIp', remoteMta.firstLine);
  }
  if (!incident.remoteHost && !incident.remoteIp) {
    // Gmail: "... rejected by the server for the recipient domain example.jp by mx.example.jp. [192.0.2.1]."
    let gmail = gmailServers.get(bodyLines);
    if (gmail === undefined) {
      gmail = gmailRejectingServer(bodyLines);
      gmailServers.set(bodyLines, gmail);
    }
    // (Its words come before the reply they introduce: not for a reply above them, another notice's
    // pasted before Gmail's, as in minsk-hackerspace/hackerspace.by issue 76.)
    if (gmail && (!body || body.lineIndex > gmail.lineIndex)) {
      incident.remoteHost = gmail.host;
      refOf(incident, 'remoteHost', bodyLines[gmail.lineIndex]);
      if (gmail.ip) {
        incident.remoteIp = gmail.ip;
        refOf(incident, 'remoteIp', bodyLines[gmail.lineIndex]);
      }
    }
  }
  // Gmail's plain-text notice of a server it could not connect to: its bracket below its words.
  if (!incident.remoteHost && !incident.remoteIp && !body && incident.reply.code === null)
    nameGmailTried(incident, bodyLines, refOf);
  if (body) {
    const line = body.remoteLineIndex !== null ? bodyLines[body.remoteLineIndex] : null;
    const sameHost = !incident.remoteHost || incident.remoteHost === body.remoteHost?.toLowerCase();
    // A remote's DNS name may hold underscores (`balancer_haproxy.email.locaweb.com.br`).
    const remoteName = body.remoteHost?.replace(/\.$/, '') ?? '';
    if (!incident.remoteHost && remoteName && isHostName(remoteName.replace(/_/g, '-'))) {
      incident.remoteHost = remoteName.toLowerCase();
      refOf(incident, 'remoteHost', line);
    }
    if (!incident.remoteIp && body.remoteIp && sameHost) {
      incident.remoteIp = body.remoteIp;
      const ipLine = body.remoteIpLineIndex !== undefined ? bodyLines[body.remoteIpLineIndex] : null;
      refOf(incident, 'remoteIp', ipLine ?? line);
    }
  }
  return connection;
}

/** The server Gmail's bracket names below its words (gmail-tried-server.ts), as the rejecting host. */
function nameGmailTried(incident: Incident, bodyLines: string[], refOf: RefOf): void {
  const tried = gmailTriedBelow(bodyLines);
  if (!tried) return;
  nameTriedServer(incident, tried.host, tried.ip, bodyLines[tried.lineIndex], refOf);
}
