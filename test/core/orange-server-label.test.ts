import { describe, expect, it } from 'vitest';
import { orangeServerLabelBefore } from '../../core/extract/orange-server-label';

const tuple = "(550, b'5.7.1 refused')";

describe("orangeServerLabelBefore: Orange's server as the label of an application's error line", () => {
  it.each([
    ['... ERROR | newsletter.send:deliver:88 - smtp-in.orange.fr: SMTPConnectError: ', 'smtp-in.orange.fr'],
    ['worker-1  | 10:14:03 ERROR Smtp.Orange.FR: SMTPSenderRefused: ', 'smtp.orange.fr'],
    // A recipient's domain, an address, another server, the application's own host: no label taken.
    ['... ERROR - orange.fr: SMTPRecipientsRefused: ', null],
    ['... ERROR - marie.martin@orange.fr: SMTPRecipientsRefused: ', null],
    ['... ERROR - mx.example.net: SMTPConnectError: ', null],
    ['worker01: SMTPDataError: ', null],
    // The name must label the error itself, on its line.
    ['smtp-in.orange.fr\nSMTPConnectError: ', null],
    ['Connecting to smtp-in.orange.fr: done, then SMTPConnectError: ', null],
  ])('%s', (before, expected) => {
    const text = `${before}${tuple}`;
    expect(orangeServerLabelBefore(text, before.length)).toBe(expected);
  });

  it('stays linear on a long run of name characters', () => {
    const before = `${'a.'.repeat(500_000)}: SMTPConnectError: `;
    const started = performance.now();
    orangeServerLabelBefore(`${before}${tuple}`, before.length);
    expect(performance.now() - started).toBeLessThan(200);
  });
});
