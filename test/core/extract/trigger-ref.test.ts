/**
 * An Orange error as the trigger of a later 999: one shape for the log reader, a paste's linking and
 * the advice, the quoted text being the only difference (on purpose).
 */
import { describe, expect, it } from 'vitest';
import { triggerRefOf } from '../../../core/extract/trigger-ref';
import { makeIncident } from '../orange/make-incident';

// A Postfix line of Orange's 102 refusal, as a log writes it (sender-side names replaced).
const line =
  'Dec 16 21:58:02 mail postfix/smtp[4242]: 3F2A1C0D: to=<m.leroy@orange.fr>, relay=smtp-in.orange.fr[193.252.22.65]:25, delay=0.4, dsn=5.0.0, status=bounced (host smtp-in.orange.fr[193.252.22.65] refused to talk to me: 550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 [102])';

describe('an Orange error as a trigger', () => {
  const error = makeIncident({
    occurredAt: '2019-12-16T21:58:02+01:00',
    sources: { reply: { line: 7, text: line } },
  });

  it('keeps its reply as read, or the line the log wrote', () => {
    expect(triggerRefOf(error, 'reply')).toEqual({
      line: 7,
      text: error.reply.text,
      occurredAt: '2019-12-16T21:58:02+01:00',
      token: 'OFR006_102',
      reason: 102,
      sendingIps: ['203.0.113.25'],
    });
    expect(triggerRefOf(error, 'line').text).toBe(line);
  });

  it('names sending IPs only when the error gave some, as a copy', () => {
    expect(triggerRefOf({ ...error, sendingIps: [] }, 'line')).not.toHaveProperty('sendingIps');
    expect(triggerRefOf(error, 'reply').sendingIps).not.toBe(error.sendingIps);
  });

  it('points at no line when the reply has none', () => {
    expect(triggerRefOf({ ...error, sources: {} }, 'line')).toMatchObject({
      line: 0,
      text: error.reply.text,
    });
  });
});
