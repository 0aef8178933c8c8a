/**
 * The addresses an Exchange cmdlet pasted with its output was asked about (`Get-MessageTrace
 * -SenderAddress news@example.com -RecipientAddress jean@orange.fr | Get-MessageTraceDetail`,
 * `Get-MessageTrackingLog -Sender ... -Recipients ...`): when the output (a Format-Table of Date, Event,
 * Detail) names no address itself, they are the message's sender and recipient. The first address of
 * the paste would be the sender's, never the recipient.
 */
const SENDER_PARAMETER = /(?:^|\s)-Sender(?:Address)?\s{1,8}["']?<?([^\s"'<>,]{1,320}@[^\s"'<>,]{1,253})/im;
const RECIPIENT_PARAMETER =
  /(?:^|\s)-Recipient(?:s|Address)\s{1,8}["']?<?([^\s"'<>,]{1,320}@[^\s"'<>,]{1,253})/im;

/** The address a cmdlet's `-SenderAddress`/`-Sender` parameter names, or null. */
export function cmdletSender(text: string): string | null {
  return SENDER_PARAMETER.exec(text)?.[1] ?? null;
}

/** The (first) address a cmdlet's `-RecipientAddress`/`-Recipients` parameter names, or null. */
export function cmdletRecipient(text: string): string | null {
  return RECIPIENT_PARAMETER.exec(text)?.[1] ?? null;
}
