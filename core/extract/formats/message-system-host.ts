/**
 * The bounce's own host as its text names it: Postfix's `This is the mail system at host ...`, qmail's,
 * Haraka's, Courier's, Exchange's `Generating server:`, a Reporting-MTA, Exim's delay warning.
 */

/**
 * Exchange's `Generating server:` label in English, German, French, Italian (Sisimai's Exchange2007
 * sample), Spanish (Microsoft's Exchange 2013 documentation on NDRs) and Norwegian (a notice pasted in an
 * Ubuntu Forums thread, 2012), French typography's space before the colon allowed.
 */
export const GENERATING_SERVER = String.raw`(?:Generating server|Generierender Server|Serveur de g[ée]n[ée]ration|Server di generazione|Servidor de generaci[óo]n|Genererende server)\s?:`;

// Exim's delay warning: `... after more than 24 hours on the queue on sapin.o2switch.net.`; Postfix before
// 2.3 wrote `This is the Postfix program at host ...`; Haraka's notice, after qmail's, `Hi. This is the
// Haraka Mailer program at mail.example.com.` (its outbound bounce template; Haraka issue #568); Courier's
// `This is a delivery status notification from mail.example.com,` (then `running the Courier mail server`).
export const SYSTEM_HOST = new RegExp(
  String.raw`(?:This is the (?:mail system|(?:[A-Z]{2,12} )?Postfix program) at host|This is the (?:qmail-send|Haraka Mailer) program at|This is a delivery status notification from|${GENERATING_SERVER}|Reporting-MTA:\s{0,4}dns;|on the queue on)\s{0,4}([A-Za-z0-9][A-Za-z0-9.-]{0,252})`,
  'i',
);

/** The first of the first 80 body lines naming the bounce's own host (Postfix, qmail, Exchange, Exim). */
export function systemHostLine(bodyLines: readonly string[]): string | undefined {
  const count = Math.min(bodyLines.length, 80);
  for (let i = 0; i < count; i++) {
    const line = bodyLines[i] as string;
    // The shortest match ("Generating server:" and a host's first character) is 19 characters long.
    if (line.length >= 19 && SYSTEM_HOST.test(line)) return line;
  }
  return undefined;
}
