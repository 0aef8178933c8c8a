/**
 * The full name of a machine whose log lines give only its short one. Syslog writes the host field up to
 * the first dot (`relay1 postfix/smtp[…]`), but the Message-ID an MTA made for a message that came without
 * one is made of the machine's own full name, and logged with the queue id inside (message-id-clock.ts):
 * Postfix's cleanup(8) inserts a missing `Message-Id: <YYYYMMDDhhmmss.QID@$myhostname>` and logs
 * `QID: message-id=<…>`; Sendmail's configuration writes `Message-Id: <$t.$i@$j>` ($j its canonical name)
 * and logs it as `msgid=<…>` on the `from=` line. That name is taken for the sending host when its first
 * label is the short name the line's syslog host field gives (case aside), with a note citing its line.
 * So is the name Postfix's smtp(8) warns about when a server greets it with it (a mail loop: `warning: host
 * mx.example.net[192.0.2.5]:25 greeted me with my own hostname relay1.example.net`, and `replied to
 * HELO/EHLO with my own hostname …`; smtp_proto.c writes $myhostname there). So is the name a notice that
 * machine wrote gives when it is pasted with the log (Postfix's `This is the mail system at host
 * $myhostname.`, qmail's `Hi. This is the qmail-send program at …`, Haraka's `Hi. This is the Haraka Mailer
 * program at mxbt1.example.com.`, haraka/Haraka issue 848).
 * Never guessed: an application's Message-ID (`<…@example.com>`, no queue id inside), a Message-ID made on
 * another machine (a relayed one: its queue id is not this one's) and the sender's domain (a domain is no
 * host's name) are not taken.
 */
import type { Incident, Note, SourceRef } from '../../types';
import { splitLines } from '../header-block';
import { isMaskedHost } from '../redaction';
import { MAX_LINES, type MadeId, madeIdIn, syslogOf } from './message-id-clock';
import { detach } from './model';

/** A full name the log gave, the line that gave it, and how: a Message-ID made there, or smtp's warning. */
export interface FullHostName {
  name: string;
  ref: SourceRef;
  by: 'message-id' | 'own-hostname' | 'notice';
}

/** What marks Postfix's warning on a server greeting it with its own name (see OWN_HOSTNAME). */
export const OWN_HOSTNAME_MARK = 'with my own hostname ';
const OWN_HOSTNAME =
  /^warning: host \S{1,300} (?:greeted me|replied to HELO\/EHLO) with my own hostname (\S{1,255})$/;

/** What marks a notice's sentence naming the machine that wrote it (see NOTICE_SELF). */
export const NOTICE_MARK = 'This is the ';
const NOTICE_SELF =
  /^\s{0,12}(?:Hi\.\s{1,2})?This is the (?:mail system at host|qmail-send program at|Haraka Mailer program at) ([A-Za-z0-9][A-Za-z0-9.-]{0,252}[A-Za-z0-9])\.?\s{0,4}$/;

/** Full names by short syslog host (lower case). */
export type FullHostNames = Map<string, FullHostName>;

/** Hosts whose full name is kept at most (a log has a few; later ones keep their short name). */
export const MAX_HOSTS = 256;

/** A host name of at least two labels, letters, digits and hyphens (no placeholder like `[myhost]`). */
const FULL_NAME = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** The short name before `/` in rsyslog's `HOST/FROMHOST` field (as incident.ts reads it), lower case. */
function shortHost(field: string): string {
  const slash = field.indexOf('/');
  return (slash < 0 ? field : field.slice(0, slash)).toLowerCase();
}

/** True when `names` cannot take the full name of syslog host `field` (has it, is full, or it is whole). */
export function knowsHost(names: FullHostNames, field: string): boolean {
  const short = shortHost(field);
  return names.size >= MAX_HOSTS || short.includes('.') || names.has(short);
}

/** Adds to `names` the full `name` line `lineNo` (`line`) gives syslog host `field`, when it is one of it. */
function addName(
  field: string,
  found: string | undefined,
  by: FullHostName['by'],
  line: string,
  lineNo: number,
  names: FullHostNames,
): void {
  const short = shortHost(field);
  const name = found?.toLowerCase();
  if (!name || short === '' || knowsHost(names, short)) return;
  // A redaction's placeholder (`relay1.xxxxx.xx`) or a name under no public suffix (`nuc.home`,
  // `srv.corp.loc`) names nothing to Orange's desk, as a sending host read elsewhere (redaction.ts).
  if (!name.startsWith(`${short}.`) || !FULL_NAME.test(name) || isMaskedHost(name)) return;
  names.set(detach(short), { name: detach(name), ref: { line: lineNo, text: detach(line) }, by });
}

/** Adds to `names` the full name a Message-ID its MTA made gives, on line `lineNo` (`line`). */
export function addFullHostName(made: MadeId, line: string, lineNo: number, names: FullHostNames): void {
  addName(made.syslog.host, made.match.groups?.host, 'message-id', line, lineNo, names);
}

/** Adds to `names` the full name Postfix's smtp warns a server greeted it with, on line `lineNo` (`line`). */
export function addOwnHostname(line: string, lineNo: number, names: FullHostNames): void {
  if (names.size >= MAX_HOSTS || !line.includes(OWN_HOSTNAME_MARK)) return;
  const syslog = syslogOf(line.trimStart());
  if (!syslog?.program.endsWith('/smtp') || knowsHost(names, syslog.host)) return;
  const m = OWN_HOSTNAME.exec(syslog.message.trimEnd());
  if (m) addName(syslog.host, m[1], 'own-hostname', line, lineNo, names);
}

/** Adds to `names` the full name a notice pasted with the log gives the machine that wrote it, on line `lineNo`. */
export function addNoticeHostname(line: string, lineNo: number, names: FullHostNames): void {
  if (names.size >= MAX_HOSTS || !line.includes(NOTICE_MARK)) return;
  const name = NOTICE_SELF.exec(line)?.[1];
  const short = name?.split('.', 1)[0];
  if (name && short) addName(short, name, 'notice', line, lineNo, names);
}

/** True when an incident's sending host is the syslog host field's short name (incident.ts's note). */
export function hasShortSyslogHost(incident: Incident): boolean {
  const host = incident.sendingHosts[0];
  return (
    host !== undefined &&
    !host.includes('.') &&
    incident.assumptions.some((a) => a.code === 'sending-host-from-syslog')
  );
}

function fullNameNote(short: string, full: FullHostName): Note {
  const line = full.ref.line;
  const how =
    full.by === 'notice'
      ? {
          fr: `l’avis de non-remise que ce serveur a écrit, collé avec le journal, à la ligne ${line}`,
          en: `the delivery notice that server wrote, pasted with the log, on line ${line}`,
        }
      : full.by === 'message-id'
        ? {
            fr: `l’identifiant de message que son serveur de messagerie a formé à la ligne ${line} (avec son propre nom, le numéro de file d’attente dedans)`,
            en: `the Message-ID its mail server made on line ${line} (with its own name, the queue id inside)`,
          }
        : {
            fr: `l’avertissement de Postfix à la ligne ${line} (un serveur l’a salué avec son propre nom, $myhostname)`,
            en: `Postfix's warning on line ${line} (a server greeted it with its own name, $myhostname)`,
          };
  return {
    code: `sending-host-from-${full.by === 'own-hostname' ? 'own-hostname' : full.by}`,
    text: {
      fr: `Le nom de l’hôte émetteur est le nom complet de la machine qui a écrit le journal, «\u00a0${short}\u00a0» dans le champ hôte de syslog\u00a0: ${full.name}, tel que le donne ${how.fr}.`,
      en: `The sending host name is the full name of the machine that wrote the log, "${short}" in the syslog host field: ${full.name}, as ${how.en} gives it.`,
    },
  };
}

/** Gives an incident whose sending host is a short syslog name the full one `names` holds: true if so. */
export function withFullHostName(incident: Incident, names: ReadonlyMap<string, FullHostName>): boolean {
  if (names.size === 0 || !hasShortSyslogHost(incident)) return false;
  const short = incident.sendingHosts[0] as string;
  const full = names.get(short);
  if (!full) return false;
  // The reply may have named it too (`<relay1.example.net[IP]>: Client host rejected`): said once.
  incident.sendingHosts = [full.name, ...incident.sendingHosts.slice(1).filter((h) => h !== full.name)];
  incident.sources.sendingHosts = { ...full.ref };
  const at = incident.assumptions.findIndex((a) => a.code === 'sending-host-from-syslog');
  incident.assumptions[at] = fullNameNote(short, full);
  return true;
}

/** The full names of the syslog hosts that the first MAX_LINES of `lines` give, as the summary reads them. */
export function fullHostNames(lines: readonly string[]): FullHostNames {
  const names: FullHostNames = new Map();
  const count = Math.min(lines.length, MAX_LINES);
  for (let i = 0; i < count; i++) {
    const line = lines[i] as string;
    addOwnHostname(line, i + 1, names);
    addNoticeHostname(line, i + 1, names);
    if (!line.includes('id=<')) continue;
    const made = madeIdIn(line, (host) => knowsHost(names, host));
    if (made) addFullHostName(made, line, i + 1, names);
  }
  return names;
}

/**
 * Gives the incidents of a pasted log `text` whose sending host is a short syslog name the full one
 * (`linesOf` gives its lines, split once for the passes after a scan).
 */
export function withFullHostNames(
  incidents: Incident[],
  text: string,
  linesOf: () => readonly string[] = () => splitLines(text),
): void {
  if (!text.includes('id=<') && !text.includes(OWN_HOSTNAME_MARK) && !text.includes(NOTICE_MARK)) return;
  if (!incidents.some(hasShortSyslogHost)) return;
  const names = fullHostNames(linesOf());
  for (const incident of incidents) withFullHostName(incident, names);
}
