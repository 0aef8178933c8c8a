/**
 * Exchange Online's message trace summary (`Get-MessageTrace`, saved with `Export-Csv` or downloaded from
 * the admin center's message trace): one row per message and recipient, `Received`, `SenderAddress`,
 * `RecipientAddress`, `Subject`, `Status`, `ToIP`, `FromIP`... Its `Status` says `Failed` but the row holds
 * no reply of the server that refused: that is in the message's detail (`Get-MessageTraceDetail`, its
 * Fail event). Such a paste gives no incident; a note says where the reply is.
 */
import { parseCsvRow } from './logs/formats/csv';

/** The recipient of the first failed row of a message trace summary, or null for another text. */
export function failedTraceSummaryRecipient(input: string): string | null {
  const lines = input.slice(0, 200_000).split(/\r?\n/);
  const at = lines.findIndex((line) =>
    /^\uFEFF?"?(?:PSComputerName|RunspaceId|Organization|MessageId|Received)"?,/.test(line),
  );
  if (at < 0) return null;
  const names = parseCsvRow(lines[at]?.replace(/^\uFEFF/, '') ?? '').map((name) => name.trim());
  const status = names.indexOf('Status');
  const recipient = names.indexOf('RecipientAddress');
  if (status < 0 || recipient < 0 || !names.includes('Received') || !names.includes('ToIP')) return null;
  for (const line of lines.slice(at + 1)) {
    const fields = parseCsvRow(line);
    if (fields[status]?.trim() === 'Failed') return fields[recipient]?.trim() || null;
  }
  return null;
}
