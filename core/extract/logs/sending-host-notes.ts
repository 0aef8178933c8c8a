/**
 * The notes saying where a log incident's sending host name came from (the syslog host field, Haraka's
 * queue file name, the HELO), and the notes for a syslog host field that holds only a short name or an
 * address.
 */
import type { Note } from '../../types';
import type { SendingHostOrigin } from './model';

export const HOST_ORIGIN_NOTES: Record<Exclude<SendingHostOrigin, 'syslog-ip'>, Note> = {
  'syslog-host': {
    code: 'sending-host-from-syslog',
    text: {
      fr: 'Le nom de l’hôte émetteur est celui de la machine qui a écrit le journal (champ hôte de syslog).',
      en: 'The sending host name is the machine that wrote the log (the syslog host field).',
    },
  },
  'haraka-queue-file': {
    code: 'sending-host-from-haraka-queue',
    text: {
      fr: 'Le nom de l’hôte émetteur provient du nom du fichier de file d’attente de Haraka.',
      en: 'The sending host name comes from the Haraka queue file name.',
    },
  },
  helo: {
    code: 'sending-host-from-helo',
    text: {
      fr: 'Le nom de l’hôte émetteur est celui que le serveur d’envoi a annoncé (commande EHLO ou HELO).',
      en: 'The sending host name is the one the sending server announced (its EHLO or HELO command).',
    },
  },
};

/**
 * The syslog host field held a short name (`mx1`, no dot: syslog writes the host name up to its first dot):
 * kept, as it names the machine (and keys the summary's groups and the 999s' triggers when the log gives
 * no IP), but said to be incomplete, as Orange's desk matches the sending host with the IP's PTR and the
 * HELO name, and how to read the full one. Not completed by guess (a domain of the sender may be no host's).
 * One note per name (a log's few hosts; the cache is emptied past SHORT_NAME_NOTES).
 */
const shortNameNotes = new Map<string, Note>();
const SHORT_NAME_NOTES = 256;

export function syslogShortNameNote(host: string, orange = true): Note {
  const key = orange ? host : `elsewhere:${host}`;
  const known = shortNameNotes.get(key);
  if (known) return known;
  if (shortNameNotes.size >= SHORT_NAME_NOTES) shortNameNotes.clear();
  // Another provider's refusal is not told what Orange expects: any receiving server checks the name.
  const who = orange
    ? { fr: 'Orange attend le nom complet', en: 'Orange expects the full name' }
    : {
        fr: 'les serveurs de réception vérifient le nom complet',
        en: 'receiving servers check the full name',
      };
  const note: Note = {
    code: 'sending-host-from-syslog',
    text: {
      fr: `Le nom de l’hôte émetteur «\u00a0${host}\u00a0» est celui de la machine qui a écrit le journal (champ hôte de syslog), son nom court\u00a0: ${who.fr}, celui que donnent le PTR de l’IP d’envoi et le HELO du serveur (par exemple ${host}.example.com). Complétez-le\u00a0: postconf -h myhostname l’affiche sur un serveur Postfix, hostname -f ailleurs.`,
      en: `The sending host name "${host}" is the machine that wrote the log (the syslog host field), by its short name: ${who.en}, the one the sending IP's PTR and the server's HELO give (for example ${host}.example.com). Complete it: postconf -h myhostname prints it on a Postfix server, hostname -f elsewhere.`,
    },
  };
  shortNameNotes.set(key, note);
  return note;
}

/**
 * The syslog host field held a public address: the machine that wrote the log, as the syslog server that
 * stored the line saw it. Not taken as the sending IP: that may be the address of a relay, of a NAT in
 * front of the MTA, or of an interface it does not send from.
 */
export function syslogIpNote(ip: string): Note {
  return {
    code: 'syslog-host-is-ip',
    text: {
      fr: `Le champ hôte de syslog est une adresse IP (${ip}), pas un nom\u00a0: elle n’est reprise ni comme nom d’hôte émetteur ni comme IP d’envoi, car c’est l’adresse sous laquelle le serveur syslog a vu la machine qui a écrit le journal, pas forcément celle d’où elle envoie. Vérifiez-la avant de la reporter comme IP d’envoi.`,
      en: `The syslog host field is an IP address (${ip}), not a name: it is taken neither as the sending host name nor as the sending IP, as it is the address the syslog server saw the logging machine at, not necessarily the one it sends from. Check it before reporting it as the sending IP.`,
    },
  };
}
