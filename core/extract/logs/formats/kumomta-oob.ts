/**
 * KumoMTA's `OOB` records (docs/reference/log_record.md; logging.rs): when a listener with `log_oob`
 * receives an out-of-band bounce, one record for each failed recipient of its RFC 3464 report. The
 * `sender` is the bounce's envelope recipient (the original sender), `recipient` the report's
 * Original- or Final-Recipient, `response` its Status (as `enhanced_code`) and its `smtp;` Diagnostic-Code
 * split at the first blank into `code` and `content` (the content keeps the reply's own enhanced code),
 * `timestamp` its Last-Attempt-Date (the time of reception when it has none). `peer_address` is the
 * report's Reporting-MTA and the address that delivered the bounce: not the server that refused, which
 * the record does not name.
 */

import type { Note } from '../../../types';

export const OOB_NOTE: Note = {
  code: 'kumomta-oob',
  text: {
    fr: 'Cet enregistrement KumoMTA (OOB) résume un rebond reçu après coup\u00a0: la réponse vient du rapport de non-remise, daté de sa dernière tentative (ou, à défaut, de la réception du rebond). Le serveur qui a refusé et son adresse n’y figurent pas (peer_address désigne le système qui a envoyé le rebond).',
    en: 'This KumoMTA record (OOB) sums up a bounce received afterwards: the reply comes from the delivery report, dated by its last attempt (or, failing that, by the bounce’s reception). The server that refused and its address are not in it (peer_address is the system that sent the bounce).',
  },
};

/**
 * The reply of an OOB record: its code and content, which is the rest of the Diagnostic-Code with the
 * reply's own enhanced code if it had one. The record's `enhanced_code` is the report's Status, not part
 * of the reply (Orange's connection refusals have none; a Postfix report says 4.0.0 for a 550): left out.
 */
export function oobReply(response: Record<string, unknown> | null): string | null {
  const code = typeof response?.code === 'number' ? response.code : null;
  const content = typeof response?.content === 'string' ? response.content.trim() : '';
  if (code === null || code < 400 || code > 599 || !content) return null;
  return `${code} ${content}`;
}
