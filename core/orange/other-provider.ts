/**
 * Whose refusal it is when it is not Orange's: Orange's abuse desk deals only with its own servers'
 * refusals, so a Gmail or Yahoo refusal needs naming plainly, with the provider to turn to.
 *
 * The mailbox providers French senders meet most, known by the rejecting server's name (their MX names in
 * public DNS: gmail-smtp-in.l.google.com, mta5.am0.yahoodns.net, *.mail.protection.outlook.com,
 * mx01.mail.icloud.com, mx1.free.fr, …) or else by the recipient's domain. Any other refusal is named by
 * its server, or by the recipient's domain when no server is named.
 */
import { isOrangeMailDomain } from '../extract/orange-network';
import { isOrangeHost } from '../extract/orange-reply-parts';
import type { Incident } from '../types';

interface Provider {
  name: string;
  /** Host or domain suffixes (a name equal to one, or ending in `.` + one). */
  suffixes: readonly string[];
}

const PROVIDERS: readonly Provider[] = [
  { name: 'Google (Gmail)', suffixes: ['google.com', 'googlemail.com', 'gmail.com'] },
  {
    name: 'Yahoo',
    suffixes: ['yahoodns.net', 'yahoo.com', 'yahoo.fr', 'yahoo.co.uk', 'ymail.com', 'rocketmail.com'],
  },
  { name: 'AOL (Yahoo)', suffixes: ['aol.com', 'aol.fr'] },
  {
    name: 'Microsoft (Outlook.com, Microsoft 365)',
    suffixes: ['outlook.com', 'hotmail.com', 'hotmail.fr', 'live.com', 'live.fr', 'msn.com'],
  },
  { name: 'Apple (iCloud)', suffixes: ['icloud.com', 'me.com', 'mac.com'] },
  { name: 'Free', suffixes: ['free.fr', 'aliceadsl.fr'] },
  { name: 'SFR', suffixes: ['sfr.fr', 'neuf.fr', 'cegetel.net'] },
  { name: 'La Poste', suffixes: ['laposte.net'] },
  { name: 'Bouygues Telecom', suffixes: ['bbox.fr'] },
  { name: 'GMX', suffixes: ['gmx.net', 'gmx.de', 'gmx.fr', 'gmx.com'] },
  { name: 'WEB.DE', suffixes: ['web.de'] },
  { name: 'Proton', suffixes: ['protonmail.ch', 'proton.me', 'protonmail.com'] },
  { name: 'Yandex', suffixes: ['yandex.net', 'yandex.ru', 'yandex.com'] },
];

function knownProvider(name: string | null): string | null {
  const host = name?.trim().toLowerCase().replace(/\.$/, '');
  if (!host) return null;
  const found = PROVIDERS.find((p) => p.suffixes.some((s) => host === s || host.endsWith(`.${s}`)));
  return found?.name ?? null;
}

/**
 * Who refused, for a refusal that is not Orange's: a known provider's name (« Google (Gmail) »), else the
 * server that refused, else the recipient's domain; null for Orange's refusals, and when nothing names
 * anyone.
 */
/** The fields that tell whose refusal it is (a history record's summary keeps them all). */
export type RefusalParties = Pick<Incident, 'isOrange' | 'remoteHost' | 'recipientDomain' | 'reply'>;

export function otherProvider(incident: RefusalParties): string | null {
  if (incident.isOrange) return null;
  // Orange's own names say nothing of another provider (a refusal by Orange's server left unrecognised).
  const host = incident.remoteHost?.trim() || null;
  const domain = incident.recipientDomain?.trim() || null;
  if ((host && isOrangeHost(host)) || isOrangeMailDomain(domain)) return null;
  return knownProvider(host) ?? knownProvider(domain) ?? host ?? domain;
}

/**
 * Whether the incident is plainly another provider's refusal: not Orange's, with a server to name or a
 * reply to show for it. A form still empty is not (it is Orange's tool: Orange's words stay until then).
 */
export function refusedElsewhere(incident: RefusalParties): boolean {
  if (incident.isOrange) return false;
  return otherProvider(incident) !== null || incident.reply.text.trim() !== '';
}
