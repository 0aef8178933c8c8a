import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../../fixtures/extract/', import.meta.url));

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(`${dir}${name}`));
}

export function fixtureText(name: string): string {
  return readFileSync(`${dir}${name}`, 'utf8');
}

export function fixturePath(name: string): string {
  return `${dir}${name}`;
}

/** A minimal Postfix-style delivery report for one recipient: its Status and Diagnostic-Code as given. */
export function deliveryReport(recipient: string, status: string, diagnostic: string): string {
  return [
    'From: MAILER-DAEMON@mta1.example.com (Mail Delivery System)',
    'To: news@example.com',
    'Subject: Undelivered Mail Returned to Sender',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
    '',
    '--b1',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mta1.example.com',
    '',
    `Final-Recipient: rfc822;${recipient}`,
    'Action: failed',
    `Status: ${status}`,
    `Diagnostic-Code: ${diagnostic}`,
    '--b1--',
  ].join('\n');
}
