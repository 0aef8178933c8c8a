/**
 * The notice of X2, a Japanese ESP's MTA (shape of Sisimai's lhost-x2-07): the reply follows
 * `Remote host said[Response Message]:`, and the SMTP step is on the next line, outside the reply.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../../core/extract';

const notice = [
  'From: MAILER-DAEMON@emb1.esmtp.example.com',
  'To: claire@example.com',
  'Subject: Delivery Failure',
  'Date: Tue, 17 Nov 2026 09:42:19 +0100',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=us-ascii',
  '',
  'NOTICE: Delivery Failure.',
  '',
  'This Delivery Status Notification is sent from MTA...',
  '',
  'Your delivery to the following address has been failed.',
  'Please refer to the below for details.',
  '------------------------------------------------------',
  '',
  'Delivery failed: paul.girard@orange.fr',
  '193.252.22.65 failed after I sent the message.',
  'Remote host said[Response Message]: 550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=203.0.113.25 [102]',
  'STEP: MAIL FROM',
  '',
].join('\r\n');

describe('X2 notice', () => {
  it('reads the reply after `said[Response Message]:`, without the STEP line', async () => {
    const i = (await extract(notice)).incidents[0];
    expect(i?.reply.code).toBe(550);
    expect(i?.reply.text).toMatch(/^550 mwinf5c04 ME .* \[102\]$/);
    expect(i?.orange?.token).toBe('OFR006_102');
    expect(i?.sendingIps).toEqual(['203.0.113.25']);
    expect(i?.recipientDomain).toBe('orange.fr');
  });
});
