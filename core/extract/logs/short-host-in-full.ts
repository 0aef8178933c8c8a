/**
 * A log line's syslog host field gives the sending machine's short name (`serverb`: syslog writes the host
 * name up to its first dot) and the remote's reply on that line names the client it refused by its full
 * name (`554 5.7.1 <serverb.srv.example.net[192.0.2.7]>: Client host rejected`): when the short name is the
 * full name's first label, both name one machine. The full name, the one Orange's desk matches with the
 * IP's PTR and the HELO, is listed alone in the short one's place; a full name of another first label is
 * another host, listed beside it. A redaction's full name (`serverb.xxxx.fr`, dropped later) replaces nothing.
 */
import type { Note } from '../../types';
import { isMaskedHost } from '../redaction';

/** Where in `hosts` the short name (no dot) whose full name is `full` stands, or -1. */
export function shortNameOf(hosts: readonly string[], full: string): number {
  if (isMaskedHost(full)) return -1;
  return hosts.findIndex((host) => host !== '' && !host.includes('.') && full.startsWith(`${host}.`));
}

/** The note saying the sending host is the full name the reply gives the syslog host field's `short` one. */
export function fullNameInReplyNote(short: string, full: string): Note {
  return {
    code: 'sending-host-from-reply',
    text: {
      fr: `Le nom de l’hôte émetteur est le nom complet que le serveur distant donne au client dans sa réponse, ${full}\u00a0: celui de la machine qui a écrit le journal, «\u00a0${short}\u00a0» dans le champ hôte de syslog.`,
      en: `The sending host name is the full name the remote server gives the client in its reply, ${full}: that of the machine that wrote the log, "${short}" in the syslog host field.`,
    },
  };
}
