/**
 * An application's log line labelled by the server it talked to, before the mail library's error:
 * `smtp-in.orange.fr: SMTPConnectError: (550, b'...')` (orange53's loguru fixtures). A label is taken
 * as the server that replied only when it is one of Orange's MX or relay names (orange-network.ts): such
 * a name is a server's, never a recipient's domain or the application's own host, which a label of
 * another name may as well be (`gmail.com: SMTPRecipientsRefused: ...`, `worker01: ...`).
 */

import { ORANGE_MX_NAMES } from './orange-network';

/** `<name>: ` then the library's class and its colon, ending where the error's tuple starts. */
const LABEL_BEFORE_CLASS =
  /(?:^|[\s|\]-])([A-Za-z0-9][A-Za-z0-9.-]{0,252}[A-Za-z0-9])\.?:[ \t]{1,4}SMTP[A-Za-z]{0,20}(?:Refused|Error|Exception):[ \t]{0,4}$/;

/** Orange's server named as the label of the error whose tuple starts at `at`, or null. */
export function orangeServerLabelBefore(text: string, at: number): string | null {
  // (Within the last 300 characters only: a line of thousands of tuples is not searched back each time.)
  const window = text.slice(Math.max(0, at - 300), at);
  const before = window.slice(window.lastIndexOf('\n') + 1);
  const host = LABEL_BEFORE_CLASS.exec(before)?.[1]?.toLowerCase();
  return host && ORANGE_MX_NAMES.includes(host) ? host : null;
}
