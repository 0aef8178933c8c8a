import { advise, ORANGE_FORM_OPTION } from '../../../core/orange/advice';
import { isAllowedLink } from '../../../core/orange/links';
import type { Incident, NextStep } from '../../../core/types';
import { incidentForReason, makeIncident } from './make-incident';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

// The mapping issue 4 specifies, reason by reason.
const EXPECTED: [number[], NextStep, boolean][] = [
  [[100, 101, 102, 425], 'delist-elsewhere', false],
  [[103, 506, 513, 536], 'contact-orange', true],
  [[104, 105, 108, 109, 505, 408, 988, 989, ...range(990, 999)], 'wait-and-retry', false],
  [[107, ...range(200, 209), ...range(390, 399), 405, 515, 519, 535], 'fix-configuration', false],
  [[106, 305, 402, 403, 415, 416, 417, 418, 514], 'not-an-abuse-desk-case', false],
];
const TABLE = EXPECTED.flatMap(([reasons, step, contact]) => reasons.map((r) => [r, step, contact] as const));

describe('advise: every reason number', () => {
  it.each(TABLE)('reason %i → %s (contact abuse desk: %s)', (reason, step, contact) => {
    const advice = advise(incidentForReason(reason));
    expect(advice.nextStep).toBe(step);
    expect(advice.contactAbuseDesk).toBe(contact);
    expect(advice.summary.fr.length).toBeGreaterThan(40);
    expect(advice.summary.en.length).toBeGreaterThan(40);
    expect(advice.summary.fr).not.toBe(advice.summary.en);
    expect(advice.summary.fr).toMatch(/\b(?:le|la|les|de|des|du)\b/);
    expect(advice.summary.en).toMatch(/\bthe\b/i);
    for (const text of [advice.summary.fr, advice.summary.en]) {
      expect(text).not.toMatch(/undefined|null|NaN|\[object/);
    }
    for (const link of advice.links) expect(isAllowedLink(link.url)).toBe(true);
  });

  it.each(TABLE.filter(([, step]) => step === 'wait-and-retry'))(
    'reason %i says how long to wait',
    (reason) => {
      const advice = advise(incidentForReason(reason));
      expect(advice.summary.fr).toContain('Délai\u00a0:');
      expect(advice.summary.en).toContain('How long:');
    },
  );

  it.each([103, 506, 513])('reason %i names the option to pick in Orange’s form', (reason) => {
    const advice = advise(incidentForReason(reason));
    expect(advice.summary.fr).toContain(`«\u00a0${ORANGE_FORM_OPTION}\u00a0»`);
    expect(advice.summary.en).toContain(ORANGE_FORM_OPTION);
    expect(advice.links.map((l) => l.url)).toContain('https://postmaster.orange.fr/');
  });

  it('a 999 asks for a two-hour pause', () => {
    expect(advise(incidentForReason(999)).summary.en).toContain('2 hours');
  });

  it.each([408, 536, 988, 989])('the unverified %i says its meaning is unverified', (reason) => {
    const advice = advise(incidentForReason(reason));
    expect(advice.summary.fr).toContain('n’est pas vérifiée');
    expect(advice.summary.en).toContain('unverified');
  });

  it.each([536, 988])('reason %i says its single source instead of calling the code unknown', (reason) => {
    const { fr, en } = advise(incidentForReason(reason)).summary;
    expect(en).not.toContain('Unknown Orange code');
    expect(fr).not.toContain('Code Orange inconnu');
    expect(en).toContain('According to a single source');
    expect(fr).toContain('Selon une seule source');
  });

  it('the submission relay codes say the abuse desk does not handle them', () => {
    for (const reason of [106, 305, 402, 403, 415]) {
      expect(advise(incidentForReason(reason)).summary.en).toContain('abuse desk does not handle');
    }
  });
});

describe('advise: delisting links', () => {
  // Public addresses of Google's servers (from the paste39 and audit17 fixtures): a documentation address
  // gets no link (advice-link-ips.test.ts).
  it('102 links to the Cloudmark reset request with each sending IP filled in', () => {
    const advice = advise(makeIncident({ sendingIps: ['209.85.128.52', '2a00:1450:400c:c05::1a'] }));
    expect(advice.links.map((l) => l.url)).toEqual([
      'https://csi.cloudmark.com/reset-request/?ip=209.85.128.52',
      'https://csi.cloudmark.com/reset-request/?ip=2a00%3A1450%3A400c%3Ac05%3A%3A1a',
    ]);
  });

  it('100 links to Abusix and 101 to Spamhaus for the sending IP', () => {
    expect(advise(incidentForReason(100, { sendingIps: ['209.85.128.52'] })).links[0]?.url).toBe(
      'https://lookup.abusix.com/search?q=209.85.128.52',
    );
    expect(advise(incidentForReason(101, { sendingIps: ['209.85.128.52'] })).links[0]?.url).toBe(
      'https://check.spamhaus.org/results/?query=209.85.128.52',
    );
  });

  it('425 looks the sending domain up at Abusix and Spamhaus', () => {
    const urls = advise(incidentForReason(425, { sendingDomain: 'news.example.org' })).links.map(
      (l) => l.url,
    );
    expect(urls).toEqual([
      'https://lookup.abusix.com/search?q=news.example.org',
      'https://check.spamhaus.org/results/?query=news.example.org',
    ]);
  });

  it('a link without a known IP has no query rather than a broken one', () => {
    const urls = advise(makeIncident({ sendingIps: [] })).links.map((l) => l.url);
    expect(urls).toEqual(['https://csi.cloudmark.com/reset-request/']);
  });
});

describe('advise: the SPF reply without a token', () => {
  const spf =
    '421 opmta1mti39nd1 smtp.orange.fr Xq3bR9 Emetteur invalide, Veuillez verifier la configuration SPF/DNS de votre nom de domaine. Invalid Sender. SPF check failed, please verify the SPF/DNS configuration for your domain name.';

  it('is recognised by its wording and calls for fixing SPF', () => {
    const advice = advise(makeIncident({ reply: { code: 421, enhanced: null, text: spf }, orange: null }));
    expect(advice.nextStep).toBe('fix-configuration');
    expect(advice.summary.en).toContain('SPF');
    expect(advice.summary.fr).toContain('sans jeton OFR');
  });

  it('does not swallow a 405 that lost its token', () => {
    const text = '501 5.1.0 Emetteur invalide. Invalid Sender.';
    const advice = advise(
      makeIncident({
        reply: { code: 501, enhanced: '5.1.0', text },
        orange: { token: null, reason: null, server: null },
      }),
    );
    expect(advice.nextStep).toBe('unknown');
  });
});

describe('advise: unknown and non-Orange replies', () => {
  it('an unknown reason gives an honest answer quoting the raw reply', () => {
    const incident = incidentForReason(777);
    const advice = advise(incident);
    expect(advice.nextStep).toBe('unknown');
    expect(advice.summary.fr).toContain('Code Orange inconnu [777]');
    expect(advice.summary.fr).toContain(incident.reply.text);
    expect(advice.summary.en).toContain(incident.reply.text);
    expect(advice.contactAbuseDesk).toBe(true);
  });

  it('an unknown temporary reply does not send the user to the abuse desk at once', () => {
    const incident = incidentForReason(777, {
      reply: { code: 421, enhanced: null, text: '421 Service refuse. OFR_777 [777]' },
    });
    expect(advise(incident).contactAbuseDesk).toBe(false);
  });

  it('a reply from another provider says the tool targets Orange', () => {
    const advice = advise(
      makeIncident({
        isOrange: false,
        orange: null,
        remoteHost: 'mx.example.net',
        recipientDomain: 'example.net',
        reply: {
          code: 550,
          enhanced: '5.7.1',
          text: '550 5.7.1 Service unavailable; client host blocked using zen',
        },
      }),
    );
    expect(advice.nextStep).toBe('unknown');
    expect(advice.contactAbuseDesk).toBe(false);
    expect(advice.summary.fr).toContain('service abuse d’Orange');
    expect(advice.summary.en).toContain("Orange's abuse desk");
    expect(advice.summary.en).toContain('mx.example.net');
    expect(advice.links).toEqual([]);
  });

  it('a notice with no reply at all does not speak of "the server that replied"', () => {
    const advice = advise(
      makeIncident({
        isOrange: false,
        orange: null,
        remoteHost: null,
        remoteIp: null,
        recipientDomain: 'exemple.fr',
        reply: { code: null, enhanced: '5.1.1', text: '' },
      }),
    );
    expect(advice.contactAbuseDesk).toBe(false);
    expect(advice.summary.en).toContain('No SMTP reply was found');
    expect(advice.summary.en).not.toContain('server that replied');
    expect(advice.summary.fr).toContain('Aucune réponse SMTP n’a été trouvée');
    expect(advice.summary.fr).not.toContain('qui a répondu');
  });
});

describe("advise: a refusal by Orange's customer submission relay", () => {
  const relayRefusal = (remoteHost: string) =>
    makeIncident({
      isOrange: true,
      orange: null,
      remoteHost,
      remoteIp: '80.12.242.86',
      recipientDomain: 'example.net',
      reply: {
        code: 504,
        enhanced: '5.5.2',
        text: '504 5.5.2 <jean@laptop>: Sender address rejected: need fully-qualified address',
      },
    });

  it('is no case for the abuse desk, even without a token the knowledge base knows', () => {
    const advice = advise(relayRefusal('smtp.orange.fr'));
    expect(advice.nextStep).toBe('not-an-abuse-desk-case');
    expect(advice.contactAbuseDesk).toBe(false);
    expect(advice.summary.fr).toContain('relais d’envoi des clients d’Orange (smtp.orange.fr)');
    expect(advice.summary.fr).toContain('need fully-qualified address');
    expect(advice.summary.en).toContain('not a case for the abuse desk');
  });

  it("while the same reply from Orange's inbound MX stays an unknown Orange refusal", () => {
    const advice = advise(relayRefusal('smtp-in.orange.fr'));
    expect(advice.nextStep).toBe('unknown');
    expect(advice.contactAbuseDesk).toBe(true);
  });
});

describe("advise: a refusal by the sender's own relay or sending service", () => {
  // Replies as real pastes show them: Microsoft 365's SMTP AUTH, Amazon SES, SendGrid, Gmail's submission.
  const relayCases: [string, Partial<Incident>][] = [
    [
      'Microsoft 365 refusing a login',
      {
        remoteHost: null,
        reply: {
          code: 535,
          enhanced: '5.7.139',
          text: '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.',
        },
      },
    ],
    [
      'Amazon SES refusing an unverified sender, mail addressed to Orange',
      {
        remoteHost: 'email-smtp.eu-west-1.amazonaws.com',
        remoteIp: '52.48.248.62',
        reply: {
          code: 554,
          enhanced: null,
          text: '554 Message rejected: Email address is not verified. The following identities failed the check in region EU-WEST-1: jean@example.com',
        },
      },
    ],
    [
      'SendGrid without a verified Sender Identity',
      {
        remoteHost: null,
        reply: {
          code: 550,
          enhanced: null,
          text: '550 The from address does not match a verified Sender Identity. Mail cannot be sent until this error is resolved.',
        },
      },
    ],
    [
      'Gmail’s submission asking for a login',
      {
        remoteHost: null,
        reply: {
          code: 530,
          enhanced: '5.7.0',
          text: '530 5.7.0 Authentication Required. Learn more at https://support.google.com/mail/?p=WantAuthError',
        },
      },
    ],
    [
      'Postfix as the sender’s smarthost refusing to relay (Java’s SMTPAddressFailedException)',
      {
        remoteHost: null,
        reply: {
          code: 454,
          enhanced: '4.7.1',
          text: '454 4.7.1 <jean.dupont@orange.fr>: Relay access denied',
        },
      },
    ],
    [
      'Exchange refusing to relay for a client that did not log in (nodemailer’s EENVELOPE)',
      {
        remoteHost: null,
        reply: { code: 550, enhanced: '5.7.1', text: '550 5.7.1 Unable to relay for jean.dupont@orange.fr' },
      },
    ],
    [
      'smtp2go refusing a connection from outside the account’s allowed addresses',
      {
        remoteHost: null,
        reply: { code: 550, enhanced: null, text: '550 that IP address is not allowed to send' },
      },
    ],
  ];

  it.each(relayCases)('%s: no case for the abuse desk, even to orange.fr', (_, overrides) => {
    const advice = advise(
      makeIncident({ orange: null, recipientDomain: 'orange.fr', isOrange: true, ...overrides }),
    );
    expect(advice.nextStep).toBe('not-an-abuse-desk-case');
    expect(advice.contactAbuseDesk).toBe(false);
    expect(advice.summary.fr).toContain('relais ou du service d’envoi de l’expéditeur');
    expect(advice.summary.fr).toContain('Orange ne l’a jamais reçu');
    expect(advice.summary.en).toContain("sender's own relay or sending service");
  });

  it('names the relay when the paste does', () => {
    const advice = advise(makeIncident({ orange: null, ...relayCases[1]?.[1] }));
    expect(advice.summary.en).toContain('(email-smtp.eu-west-1.amazonaws.com)');
  });

  it("is not what Gmail's inbound refusal of an unauthenticated message is, nor a STARTTLS demand", () => {
    for (const text of [
      '550 5.7.26 This mail has been blocked because the sender is unauthenticated. Gmail requires all senders to authenticate with either SPF or DKIM.',
      '530 5.7.0 Must issue a STARTTLS command first.',
      '550 5.7.1 RESOLVER.RST.AuthRequired; authentication required',
      '550 5.7.1 SPF: 192.0.2.7 is not allowed to send mail from example.com',
    ]) {
      const code = Number(text.slice(0, 3));
      const advice = advise(
        makeIncident({
          isOrange: false,
          orange: null,
          recipientDomain: 'gmail.com',
          remoteHost: 'gmail-smtp-in.l.google.com',
          reply: { code, enhanced: text.split(' ')[1] ?? null, text },
        }),
      );
      expect(advice.summary.en, text).not.toContain("sender's own relay");
    }
  });

  it("does not call another provider's MX refusing to relay the sender's own relay", () => {
    const advice = advise(
      makeIncident({
        orange: null,
        isOrange: false,
        recipientDomain: 'example.org',
        remoteHost: 'mailin-01.mx.example.com',
        reply: {
          code: 554,
          enhanced: '5.7.1',
          text: '554 5.7.1 <kijitora@example.org>: Relay access denied',
        },
      }),
    );
    expect(advice.summary.en).not.toContain("sender's own relay");
  });

  it("does not call the reply in an ESP's event the sender's own relay (Mandrill's deferral)", () => {
    const incident = makeIncident({
      orange: null,
      isOrange: false,
      format: 'json-event',
      recipientDomain: 'example.com',
      remoteHost: null,
      remoteIp: null,
      reply: {
        code: 454,
        enhanced: '4.7.1',
        text: '454 4.7.1 <username02@example.com>: Relay access denied',
      },
    });
    expect(advise(incident).summary.en).not.toContain("sender's own relay");
    // The same words in an application's error, with no recipient named: its own smarthost.
    const own = advise({ ...incident, format: 'smtp-reply', recipientDomain: null });
    expect(own.summary.en).toContain("sender's own relay");
  });

  it("leaves a relay refusal written by Orange's own servers to Orange's advice", () => {
    const advice = advise(
      makeIncident({
        orange: null,
        recipientDomain: 'orange.fr',
        isOrange: true,
        remoteHost: 'smtp-in.orange.fr',
        reply: { code: 550, enhanced: '5.7.1', text: '550 5.7.1 Relaying denied' },
      }),
    );
    expect(advice.summary.en).not.toContain("sender's own relay");
  });

  it("leaves Orange's own submission relay to its knowledge base", () => {
    const advice = advise(
      makeIncident({
        orange: null,
        remoteHost: 'smtp.orange.fr',
        reply: { code: 535, enhanced: '5.7.8', text: '535 5.7.8 Authentication failed' },
      }),
    );
    expect(advice.summary.en).not.toContain("sender's own relay");
  });

  it("reads Orange's token as Orange's submission relay when the reply is quoted without its host", () => {
    // `OFR 305` written with a space (the shared notes); no remote host: a reply pasted alone.
    const advice = advise(
      makeIncident({
        orange: { token: 'OFR_305', reason: 305, server: 'mwinf5d30' },
        remoteHost: null,
        remoteIp: null,
        reply: {
          code: 550,
          enhanced: '5.7.0',
          text: '550 5.7.0 mwinf5d30 ME Authentication failed. OFR 305',
        },
      }),
    );
    expect(advice.summary.en).not.toContain("sender's own relay");
    expect(advice.summary.en).toContain('code 305');
    expect(advice.nextStep).toBe('not-an-abuse-desk-case');
  });
});

describe('advise: a 999 and the error that triggered it', () => {
  const blocked102 =
    '550 mwinf5c11 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=203.0.113.25 [102]';

  it('names the trigger found by extraction and adds that error’s own advice', () => {
    const advice = advise(
      incidentForReason(999, {
        sendingIps: ['209.85.128.52'],
        trigger: {
          line: 12,
          text: blocked102,
          occurredAt: '2019-12-16T21:58:02+01:00',
          token: 'OFR006_102',
          reason: 102,
        },
      }),
    );
    expect(advice.nextStep).toBe('wait-and-retry');
    expect(advice.summary.fr).toContain('ligne 12');
    expect(advice.summary.fr).toContain(blocked102);
    expect(advice.summary.en).toContain('For that error: IP blocked by Cloudmark');
    // After a colon, French goes on in lower case.
    expect(advice.summary.fr).toContain('Pour cette erreur\u00a0: adresse IP bloquée par Cloudmark');
    expect(advice.links.map((l) => l.url)).toContain(
      'https://csi.cloudmark.com/reset-request/?ip=209.85.128.52',
    );
    expect(advice.contactAbuseDesk).toBe(false);
  });

  it('a trigger that is an Orange block makes the abuse desk the next contact', () => {
    const text = '550 mwinf5c20 ME Adresse IP source bloquee. OFR006_103 203.0.113.25 [103]';
    const advice = advise(
      incidentForReason(999, {
        trigger: { line: 3, text, occurredAt: null, token: 'OFR006_103', reason: 103 },
      }),
    );
    expect(advice.contactAbuseDesk).toBe(true);
    expect(advice.summary.fr).toContain(ORANGE_FORM_OPTION);
  });

  it('finds the trigger among the earlier incidents of the same IP when extraction did not', () => {
    const earlier = makeIncident({
      occurredAt: '2019-12-16T21:58:02+01:00',
      sources: { reply: { line: 4, text: blocked102 } },
    });
    const otherIp = incidentForReason(104, { sendingIps: ['198.51.100.7'] });
    const suspended = incidentForReason(999);
    const advice = advise(suspended, { incidents: [earlier, otherIp, suspended] });
    expect(advice.summary.en).toContain('(line 4, Monday 16 December 2019 at 21:58:02 UTC+01:00)');
    expect(advice.summary.fr).toContain('(ligne 4, lundi 16 décembre 2019 à 21:58:02 UTC+01:00)');
    expect(advice.summary.en).toContain('IP blocked by Cloudmark');
  });

  // Orange's 999 follows the error that triggered it (../shared/notes/orange.md, section 3): by time, the
  // latest earlier error for the same IP, whatever the order of the paste (Postal lists a message's
  // attempts newest first, an ESP posts its batches unordered).
  const blocked103 = '550 mwinf5c20 ME Adresse IP source bloquee. OFR006_103 203.0.113.25 [103]';
  const olderBlock = makeIncident({
    occurredAt: '2019-12-16T20:41:07+01:00',
    sources: { reply: { line: 2, text: blocked102 } },
  });
  const latestBlock = (line: number) =>
    incidentForReason(103, {
      occurredAt: '2019-12-16T21:58:02+01:00',
      reply: { code: 550, enhanced: null, text: blocked103 },
      orange: { token: 'OFR006_103', reason: 103, server: 'mwinf5c20' },
      sources: { reply: { line, text: blocked103 } },
    });

  it('takes the latest earlier error by time when it was pasted after the 999', () => {
    const suspended = incidentForReason(999, { sources: { reply: { line: 4, text: '421 ... [999]' } } });
    const advice = advise(suspended, { incidents: [olderBlock, suspended, latestBlock(6)] });
    expect(advice.summary.en).toContain(
      `(line 6, Monday 16 December 2019 at 21:58:02 UTC+01:00): "${blocked103}"`,
    );
    expect(advice.contactAbuseDesk).toBe(true);
  });

  it('takes the latest earlier error by time when it was pasted before an older one', () => {
    const suspended = incidentForReason(999);
    const advice = advise(suspended, { incidents: [latestBlock(1), olderBlock, suspended] });
    expect(advice.summary.en).toContain(
      `(line 1, Monday 16 December 2019 at 21:58:02 UTC+01:00): "${blocked103}"`,
    );
    expect(advice.summary.en).not.toContain('Cloudmark');
  });

  it('never takes an error dated after the 999; an undated one pasted before it stands in', () => {
    const after = makeIncident({
      occurredAt: '2019-12-16T22:05:00+01:00',
      sources: { reply: { line: 3, text: blocked102 } },
    });
    const undated = incidentForReason(103, {
      occurredAt: null,
      reply: { code: 550, enhanced: null, text: blocked103 },
      orange: { token: 'OFR006_103', reason: 103, server: 'mwinf5c20' },
      sources: { reply: { line: 1, text: blocked103 } },
    });
    const suspended = incidentForReason(999);
    const advice = advise(suspended, { incidents: [undated, after, suspended] });
    expect(advice.summary.en).toContain(`(line 1): "${blocked103}"`);
    expect(advice.summary.en).not.toContain('Cloudmark');
  });

  it('does not take another IP’s error as the trigger, and says none was found', () => {
    const otherIp = makeIncident({ sendingIps: ['198.51.100.7'] });
    const suspended = incidentForReason(999);
    const advice = advise(suspended, { incidents: [otherIp, suspended] });
    expect(advice.summary.en).not.toContain('Cloudmark');
    expect(advice.summary.en).toContain('No earlier Orange error for this IP');
  });
});

describe('advise: the French reads once, as a postmaster would write it', () => {
  it('says once that the meaning of 408 is unverified, not in its title too', () => {
    const { fr, en } = advise(incidentForReason(408)).summary;
    expect(fr.match(/vérifi/g)).toHaveLength(1);
    expect(en.match(/unverified/g)).toHaveLength(1);
  });

  it('does not write "Délai : pas de délai" for 109', () => {
    const { fr } = advise(incidentForReason(109)).summary;
    expect(fr).toContain(
      'Délai\u00a0: aucune attente particulière\u00a0; les nouvelles tentatives automatiques',
    );
    expect(fr).not.toMatch(/délai.{0,4}:.{0,20}délai/i);
  });
});
