/**
 * Google's delivery reports (Gmail's and Google Workspace's) name their writer `Reporting-MTA: dns;
 * googlemail.com`, and their notices come from `mailer-daemon@googlemail.com`: a name Google gives its mail
 * system, not the host that connected to the remote (Google's outgoing servers are `mail-….google.com`,
 * the PTR of the sending address). So are the names its submission hop writes in the returned copy (`by
 * smtp.gmail.com with ESMTPSA`, before 2015 `by mx.google.com with ESMTPSA`): generic names of Google's
 * front ends, not the outgoing server's. None is a sending host; the remote never saw them.
 */
import type { Incident } from '../../types';
import { note } from '../notes';

const GOOGLE_LABELS = /^(?:googlemail\.com|smtp\.gmail\.com|mx\.google\.com)\.?$/i;

/** True for a name Google's reports and hops give its mail system. */
export const isGoogleLabel = (host: string | null | undefined): boolean => GOOGLE_LABELS.test(host ?? '');

/** Said when a Google label was left out and no sending host was found elsewhere. */
export function noteGoogleLabel(incident: Incident, host: string): void {
  if (incident.sendingHosts.length > 0 || incident.assumptions.some((a) => a.code === 'host.google-label'))
    return;
  incident.assumptions.push(
    note(
      'host.google-label',
      `«\u00a0${host}\u00a0» est le nom que Google donne à son système de messagerie, pas celui du serveur qui a envoyé le message. Les serveurs d’envoi de Google se nomment mail-….google.com\u00a0: indiquez le nom inverse (PTR) de l’adresse IP d’envoi.`,
      `"${host}" is the name Google gives its mail system, not the name of the server that sent the message. Google's sending servers are named mail-….google.com: give the reverse name (PTR) of the sending IP address.`,
    ),
  );
}
