/**
 * Amazon SES's complaint notification: its JSON says `"notificationType": "Complaint"` (SNS and e-mail
 * notifications; `"eventType": "Complaint"` in event publishing), with `complainedRecipients` and the
 * `complaintFeedbackType` the mailbox provider's feedback loop gave (AWS's documentation of the
 * notification contents; Sisimai's set-of-emails, lhost-amazonses-11, an e-mail notification from the
 * Mailbox Simulator). A recipient marked a delivered message as spam: no refusal, no SMTP reply. Also with
 * its quotes escaped, as SNS's `Message` string holds it.
 */
const SES_COMPLAINT =
  /\\?"(?:notificationType|eventType)\\?"\s{0,4}:\s{0,4}\\?"Complaint\\?"[\s\S]{0,2000}?\\?"complainedRecipients\\?"|\\?"complainedRecipients\\?"[\s\S]{0,2000}?\\?"(?:notificationType|eventType)\\?"\s{0,4}:\s{0,4}\\?"Complaint\\?"/;

/** True when `input` (its first 256 KiB) holds Amazon SES's complaint notification. */
export function isSesComplaint(input: string): boolean {
  const head = input.slice(0, 256 * 1024);
  return head.includes('Complaint') && SES_COMPLAINT.test(head);
}
