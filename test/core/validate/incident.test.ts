import type { FieldName } from '../../../core/types';
import { checkIncident, missingRequired, validateIncident } from '../../../core/validate';
import { incidentForReason, makeIncident } from '../orange/make-incident';

const now = new Date('2019-12-17T09:00:00+01:00');
const ALL_FIELDS: FieldName[] = [
  'occurredAt',
  'sendingIps',
  'sendingHosts',
  'sendingDomain',
  'recipientDomain',
  'remoteHost',
  'remoteIp',
  'reply',
  'orange',
];

describe('validateIncident', () => {
  it('gives every field a verdict with messages in both languages', () => {
    const verdicts = validateIncident(makeIncident({ sendingIps: ['8.8.8.8'] }), { now });
    expect(Object.keys(verdicts).sort()).toEqual([...ALL_FIELDS].sort());
    for (const field of ALL_FIELDS) {
      expect(verdicts[field].level).toBe('ok');
      expect(verdicts[field].message.fr).not.toBe('');
      expect(verdicts[field].message.en).not.toBe('');
    }
  });

  it('flags Orange’s MX address given as the sending IP, among good ones', () => {
    const verdicts = validateIncident(makeIncident({ sendingIps: ['8.8.8.8', '193.252.22.65'] }), { now });
    expect(verdicts.sendingIps.level).toBe('error');
    expect(verdicts.sendingIps.message.en).toContain('193.252.22.65');
    expect(verdicts.sendingIps.message.en).not.toContain('8.8.8.8');
  });

  it('flags a bare host name and a date in the future', () => {
    const verdicts = validateIncident(
      makeIncident({ sendingHosts: ['server1'], occurredAt: '2019-12-18T09:00:00+01:00' }),
      { now },
    );
    expect(verdicts.sendingHosts.level).toBe('error');
    expect(verdicts.occurredAt.level).toBe('error');
  });

  it('reports each missing required item as an error', () => {
    const incident = makeIncident({
      occurredAt: null,
      sendingIps: [],
      sendingHosts: ['  '],
      sendingDomain: '',
      reply: { code: null, enhanced: null, text: '' },
      orange: null,
    });
    const verdicts = validateIncident(incident, { now });
    for (const field of ['occurredAt', 'sendingIps', 'sendingHosts', 'sendingDomain', 'reply'] as const) {
      expect(verdicts[field].level).toBe('error');
      expect(verdicts[field].message.en).toContain('Required item missing');
    }
    expect(missingRequired(incident)).toEqual([
      'occurredAt',
      'sendingIps',
      'sendingHosts',
      'sendingDomain',
      'reply',
    ]);
  });

  it('does not say Orange asks for an item missing from another provider’s refusal', () => {
    // Gmail's refusal as test/fixtures/extract/audit10/gmail-5726-spf-domain.txt gives it: no date, no host.
    const gmail = makeIncident({
      isOrange: false,
      orange: null,
      occurredAt: null,
      sendingHosts: [],
      remoteHost: 'gmail-smtp-in.l.google.com',
      recipientDomain: null,
      reply: { code: 550, enhanced: '5.7.26', text: '550 5.7.26 Your email has been blocked' },
    });
    const verdicts = validateIncident(gmail, { now });
    for (const field of ['occurredAt', 'sendingHosts'] as const) {
      expect(verdicts[field].level).toBe('error');
      expect(verdicts[field].message.fr).toContain('Élément obligatoire manquant\u00a0:');
      expect(verdicts[field].message.fr).toContain('Tout signalement d’un refus en a besoin.');
      expect(verdicts[field].message.fr).not.toContain('Orange');
      expect(verdicts[field].message.en).toBe(
        `Required item missing: ${field === 'occurredAt' ? 'date and time of the incident' : 'sending host name(s)'}. Any report of a refusal needs it.`,
      );
    }
    // Its reply emptied by hand: the reply missing is the server's, not Orange's.
    const emptied = validateIncident({ ...gmail, reply: { code: null, enhanced: null, text: '' } }, { now });
    expect(emptied.reply.message.fr).toBe(
      'Élément obligatoire manquant\u00a0: réponse SMTP du serveur. Tout signalement d’un refus en a besoin.',
    );
    expect(emptied.reply.message.en).toBe(
      "Required item missing: the server's SMTP reply. Any report of a refusal needs it.",
    );
  });

  it('keeps Orange’s reason for an item missing from Orange’s refusal, and from a form still empty', () => {
    const orange = validateIncident(makeIncident({ occurredAt: null }), { now });
    expect(orange.occurredAt.message.fr).toContain('Orange le demande dans chaque signalement.');
    const empty = validateIncident(
      makeIncident({
        isOrange: false,
        orange: null,
        remoteHost: null,
        recipientDomain: null,
        occurredAt: null,
        reply: { code: null, enhanced: null, text: '' },
      }),
      { now },
    );
    expect(empty.occurredAt.message.en).toContain('Orange asks for it in every request.');
    expect(empty.reply.message.en).toBe(
      "Required item missing: Orange's SMTP reply. Orange asks for it in every request.",
    );
  });

  it('accepts a missing optional field', () => {
    const verdicts = validateIncident(
      makeIncident({ remoteHost: null, remoteIp: null, recipientDomain: null }),
      {
        now,
      },
    );
    expect(verdicts.remoteHost.level).toBe('ok');
    expect(verdicts.remoteIp.level).toBe('ok');
    expect(verdicts.recipientDomain.level).toBe('ok');
  });

  it('warns when the remote side does not look like Orange', () => {
    const verdicts = validateIncident(
      makeIncident({
        remoteHost: 'mx.example.net',
        remoteIp: '198.51.100.80',
        recipientDomain: 'example.net',
      }),
      { now },
    );
    expect(verdicts.remoteHost.level).toBe('warning');
    expect(verdicts.remoteIp.level).toBe('warning');
    expect(verdicts.recipientDomain.level).toBe('warning');
  });

  it('flags the Postfix 4.0.0 trap on a 550 reply', () => {
    const incident = makeIncident();
    incident.reply = { ...incident.reply, enhanced: '4.0.0' };
    expect(validateIncident(incident, { now }).reply.level).toBe('warning');
  });

  it('judges the Orange part: known reason, unknown reason, no token, not Orange', () => {
    expect(validateIncident(incidentForReason(506), { now }).orange.level).toBe('ok');
    expect(validateIncident(incidentForReason(777), { now }).orange.level).toBe('warning');
    expect(
      validateIncident(
        makeIncident({ orange: null, reply: { code: 550, enhanced: null, text: '550 blocked' } }),
        {
          now,
        },
      ).orange.message.en,
    ).toContain('no OFR token');
    expect(validateIncident(makeIncident({ isOrange: false, orange: null }), { now }).orange.level).toBe(
      'warning',
    );
  });

  it('the tokenless SPF reply counts as a known Orange reply', () => {
    const text =
      '421 opmta1mti39nd1 smtp.orange.fr Ab12 Emetteur invalide, Veuillez verifier la configuration SPF/DNS de votre nom de domaine. Invalid Sender. SPF check failed';
    const verdicts = validateIncident(
      makeIncident({ reply: { code: 421, enhanced: null, text }, orange: null }),
      { now },
    );
    expect(verdicts.orange.level).toBe('ok');
  });
});

describe('checkIncident', () => {
  it('sums up the worst level and the missing items', () => {
    expect(checkIncident(makeIncident({ sendingIps: ['8.8.8.8'] }), { now })).toMatchObject({
      level: 'ok',
      missing: [],
    });
    const result = checkIncident(makeIncident({ sendingDomain: null }), { now });
    expect(result.level).toBe('error');
    expect(result.missing).toEqual(['sendingDomain']);
  });

  it('a documentation IP is a warning, not an error', () => {
    expect(checkIncident(makeIncident(), { now }).level).toBe('warning');
  });
});
