/**
 * Exchange Online's message trace saved with PowerShell's `Export-Csv` (`Get-MessageTrace ... |
 * Get-MessageTraceDetail | Export-Csv`): the cmdlet's properties as quoted columns, `"Organization",
 * "MessageId","Date","Event","Action","Detail","Data",...,"RecipientAddress","SenderAddress"` (after
 * `PSComputerName`, `RunspaceId` and `PSShowComputerName` from a remote session, under a `#TYPE` line
 * without `-NoTypeInformation`). A Fail or Defer event's `Detail` holds the tagged status
 * (`Reason: [{LED=550 ...};{MSG=};{FQDN=host};{IP=ip};{LRT=}]. OutboundProxyTargetIP: ...`). Its rows
 * read as a tracking log's once the names are the tracking log's; `Date` is written in the culture of the
 * PowerShell that exported it and is UTC (Microsoft's cmdlet reference: "The time stamps on the output
 * are in UTC time format"), so it gets a column of its own (`trace-date-utc`).
 */
import { parseCsvRow } from './csv';

const NAMES: Record<string, string> = {
  Date: 'trace-date-utc',
  Event: 'event-id',
  Detail: 'recipient-status',
  RecipientAddress: 'recipient-address',
  SenderAddress: 'sender-address',
};

/** True for the header row of Get-MessageTraceDetail's CSV (its `Date`, `Event` and `Detail` columns). */
export function isMessageTraceCsvHeader(text: string): boolean {
  if (!/^"?(?:PSComputerName|RunspaceId|Organization|MessageId|Date|Event)"?,/.test(text)) return false;
  const names = parseCsvRow(text).map((name) => name.trim());
  return names.includes('Date') && names.includes('Event') && names.includes('Detail');
}

/** The CSV's columns under the tracking log's names (the others as they are). */
export function messageTraceCsvColumns(text: string): string[] {
  return parseCsvRow(text).map((name) => NAMES[name.trim()] ?? name.trim());
}
