/**
 * The refusing side (rejecting host, its IP, the recipient's domain): Orange's refusal warns when one of
 * them is not Orange's; another provider's refusal is not told to check that its server is Orange's.
 */
import { validateIncident } from '../../../core/validate';
import { makeIncident } from '../orange/make-incident';

const now = new Date('2023-09-12T12:00:00+02:00');

// Gmail's refusal as test/fixtures/extract/audit11/postfix-gmail-5726-spf-check-for.log gives it.
const gmail = makeIncident({
  occurredAt: '2023-09-12T10:09:42+02:00',
  sendingIps: ['199.203.204.1'],
  sendingHosts: ['misp.gov.test'],
  sendingDomain: 'misp.gov.test',
  recipientDomain: 'gmail.com',
  remoteHost: 'gmail-smtp-in.l.google.com',
  remoteIp: '142.250.27.27',
  reply: {
    code: 550,
    enhanced: '5.7.26',
    text: '550-5.7.26 This mail is unauthenticated, which poses a security risk to the 550-5.7.26 sender and Gmail users, and has been blocked.',
  },
  orange: null,
  isOrange: false,
});

describe('the refusing side of another provider’s refusal', () => {
  it('is not said to be outside Orange’s servers and networks', () => {
    const verdicts = validateIncident(gmail, { now });
    for (const field of ['remoteHost', 'remoteIp', 'recipientDomain'] as const) {
      expect(verdicts[field]).toEqual({ level: 'ok', message: { fr: 'Valide.', en: 'Valid.' } });
    }
  });

  it('still flags a value that is not well formed, without naming Orange', () => {
    const verdicts = validateIncident(
      { ...gmail, remoteHost: 'gmail-smtp-in..google.com', remoteIp: '142.250.27.270' },
      { now },
    );
    expect(verdicts.remoteHost.level).toBe('warning');
    expect(verdicts.remoteHost.message.fr).toBe(
      '«\u00a0gmail-smtp-in..google.com\u00a0» n’est pas un nom valide\u00a0: point en trop ou étiquette vide.',
    );
    expect(verdicts.remoteHost.message.en).toBe(
      '"gmail-smtp-in..google.com" is not a valid name: extra dot or empty label.',
    );
    expect(verdicts.remoteIp.level).toBe('error');
    expect(verdicts.remoteIp.message.en).toBe('"142.250.27.270" is not a valid IP address.');
  });

  it('keeps Orange’s warnings for Orange’s refusal handled by a server that is not Orange’s', () => {
    const verdicts = validateIncident(
      makeIncident({
        remoteHost: 'gmail-smtp-in.l.google.com',
        remoteIp: '142.250.27.27',
        recipientDomain: 'gmail.com',
      }),
      { now },
    );
    expect(verdicts.remoteHost).toEqual({
      level: 'warning',
      message: {
        fr: '«\u00a0gmail-smtp-in.l.google.com\u00a0» n’est pas un serveur d’Orange connu.',
        en: '"gmail-smtp-in.l.google.com" is not a known Orange server.',
      },
    });
    expect(verdicts.remoteIp.message.fr).toBe(
      '142.250.27.27 n’appartient pas aux réseaux d’Orange connus\u00a0: vérifiez qu’il s’agit bien du serveur d’Orange.',
    );
    expect(verdicts.recipientDomain.message.en).toBe(
      '"gmail.com" is not an Orange domain (orange.fr, wanadoo.fr): check that the rejection really comes from Orange.',
    );
  });
});
