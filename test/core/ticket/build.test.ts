import { buildTicket, buildTickets, MAX_LISTED_INCIDENTS } from '../../../core/ticket';
import type { FieldName, Incident, Lang, TicketContext } from '../../../core/types';
import { incidentForReason, makeIncident } from '../orange/make-incident';

const NBSP = '\u00a0';
const now = new Date('2019-12-17T09:00:00+01:00');
const FULL_CONTEXT: TicketContext = {
  company: 'Exemple Routage SAS',
  dailyVolume: 'environ 20 000 messages',
  collectionMethod: 'inscription volontaire avec double confirmation',
  signalSpamMember: true,
  actionsTaken: 'retrait des adresses inactives depuis douze mois',
  contactName: 'Claire Martin',
};

const blocked103 = makeIncident({
  sendingIps: ['198.51.100.20'],
  sendingHosts: ['mta1.mail.example.com'],
  sendingDomain: 'news.example.com',
  reply: {
    code: 550,
    enhanced: null,
    text: '550 mwinf5c20 ME Adresse IP source bloquee par Orange. Client host blocked. OFR006_103 198.51.100.20 [103]',
  },
  orange: { token: 'OFR006_103', reason: 103, server: 'mwinf5c20' },
});

function allText(ticket: ReturnType<typeof buildTicket>): string {
  return [
    ticket.subject,
    ticket.body,
    ...Object.values(ticket.items),
    ...ticket.warnings.flatMap((w) => [w.fr, w.en]),
  ].join('\n');
}

describe('buildTicket: the five required items', () => {
  it.each<Lang>(['fr', 'en'])('every item appears verbatim (%s)', (lang) => {
    const ticket = buildTicket({ incidents: [blocked103], context: {}, lang, now });
    for (const value of [
      '198.51.100.20',
      'mta1.mail.example.com',
      'news.example.com',
      blocked103.reply.text,
    ]) {
      expect(ticket.body).toContain(value);
    }
    expect(ticket.missing).toEqual([]);
    expect(ticket.items).toEqual({
      date:
        lang === 'fr'
          ? 'lundi 16 décembre 2019 à 22:00:18 (UTC+01:00)'
          : 'Monday 16 December 2019 at 22:00:18 (UTC+01:00)',
      ips: '198.51.100.20',
      hosts: 'mta1.mail.example.com',
      domain: 'news.example.com',
      reply: blocked103.reply.text,
    });
    expect(ticket.body).toContain(ticket.items.date);
  });

  it('lays the items out as labelled lines, with French spacing', () => {
    const body = buildTicket({ incidents: [blocked103], context: {}, lang: 'fr', now }).body;
    expect(body).toContain(`Date de l'incident${NBSP}: lundi 16 décembre 2019 à 22:00:18 (UTC+01:00)\n`);
    expect(body).toContain(`Adresse IP d'envoi${NBSP}: 198.51.100.20\n`);
    expect(body).toContain(`Nom d'hôte d'envoi${NBSP}: mta1.mail.example.com\n`);
    expect(body).toContain(`Domaine d'envoi${NBSP}: news.example.com\n`);
    expect(body).toContain(`Réponse SMTP d'Orange${NBSP}:\n${blocked103.reply.text}\n`);
    expect(body.startsWith('Bonjour,\n\n')).toBe(true);
    expect(body).toContain('\n\nCordialement,\n');
  });

  it('keeps the English plain', () => {
    const body = buildTicket({ incidents: [blocked103], context: {}, lang: 'en', now }).body;
    expect(body).toContain('Sending IP address: 198.51.100.20\n');
    expect(body.startsWith('Hello,\n\n')).toBe(true);
    expect(body).toContain('\n\nKind regards,\n');
    expect(body).not.toContain(NBSP);
  });

  const MISSING_CASES: [FieldName, Partial<Incident>, string][] = [
    ['occurredAt', { occurredAt: null }, "[à compléter\u00a0: date et heure de l'incident]"],
    ['sendingIps', { sendingIps: [] }, "[à compléter\u00a0: adresse(s) IP d'envoi]"],
    ['sendingHosts', { sendingHosts: ['  '] }, "[à compléter\u00a0: nom(s) d'hôte d'envoi]"],
    ['sendingDomain', { sendingDomain: '' }, "[à compléter\u00a0: domaine d'envoi]"],
    [
      'reply',
      { reply: { code: null, enhanced: null, text: '' }, orange: null },
      "[à compléter\u00a0: réponse SMTP d'Orange]",
    ],
  ];

  it.each(MISSING_CASES)('a missing %s is marked and reported', (field, override, markerText) => {
    const incident = { ...blocked103, ...override };
    const fr = buildTicket({ incidents: [incident], context: {}, lang: 'fr', now });
    const en = buildTicket({ incidents: [incident], context: {}, lang: 'en', now });
    expect(fr.missing).toEqual([field]);
    expect(en.missing).toEqual([field]);
    expect(fr.body).toContain(markerText);
    expect(en.body).toContain('[to be completed: ');
    expect(fr.warnings[0]?.fr).toContain('Éléments obligatoires manquants');
    expect(fr.warnings[0]?.en).toContain('Required items missing');
  });

  it('with no incident at all, all five items are markers', () => {
    const ticket = buildTicket({ incidents: [], context: {}, lang: 'fr', now });
    expect(ticket.missing).toEqual(['occurredAt', 'sendingIps', 'sendingHosts', 'sendingDomain', 'reply']);
    for (const value of Object.values(ticket.items)) expect(value).toMatch(/^\[à compléter/);
  });

  it('warns when the date was read in a zone the text did not give, and only then', () => {
    const assumed = {
      ...blocked103,
      occurredAt: '2019-12-16T22:00:18+00:00',
      assumptions: [{ code: 'assumed-zone', text: { fr: 'fuseau supposé', en: 'zone assumed' } }],
    };
    const ticket = buildTicket({ incidents: [assumed], context: {}, lang: 'fr', now });
    expect(ticket.warnings.map((w) => w.fr)).toContain(
      `La date lundi 16 décembre 2019 à 22:00:18 (UTC+00:00) a été lue dans un fuseau horaire supposé (le texte n’en indiquait pas)${NBSP}: vérifiez-la avant l’envoi.`,
    );
    expect(ticket.warnings.map((w) => w.en)).toContain(
      'The date Monday 16 December 2019 at 22:00:18 (UTC+00:00) was read in an assumed time zone (the text gave none): check it before sending.',
    );
    const written = buildTicket({
      incidents: [{ ...assumed, assumptions: [] }],
      context: {},
      lang: 'fr',
      now,
    });
    expect(written.warnings.some((w) => w.en.includes('assumed time zone'))).toBe(false);
  });

  it('asks the cause of a refusal at the end of DATA (505), and limits only for a message rate (408)', () => {
    const withReason = (reason: number) =>
      makeIncident({
        ...blocked103,
        reply: {
          code: 421,
          enhanced: '4.2.0',
          text: `421 4.2.0 Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR005_${reason} [${reason}]`,
        },
        orange: { token: `OFR005_${reason}`, reason, server: null },
      });
    const endOfData = buildTicket({ incidents: [withReason(505)], context: {}, lang: 'fr', now });
    expect(endOfData.body).toContain(
      `Pourriez-vous nous indiquer l'origine de ces refus temporaires, et ce que nous devrions modifier de notre côté${NBSP}?`,
    );
    expect(endOfData.body).not.toContain('limites à respecter');
    const rate = buildTicket({ incidents: [withReason(408)], context: {}, lang: 'en', now });
    expect(rate.body).toContain('the limits to respect (sending rate, messages per connection)');
  });

  it('warns when the quoted reply holds an address a poster masked, and only then', () => {
    const masked = {
      ...blocked103,
      reply: { ...blocked103.reply, text: `${blocked103.reply.text.replace(/\[103\]$/, '')}X.X.X.X [103]` },
    };
    const ticket = buildTicket({ incidents: [masked], context: {}, lang: 'fr', now });
    expect(ticket.warnings.map((w) => w.fr)).toContain(
      `La réponse citée contient une adresse masquée (${'«'}${NBSP}X.X.X.X${NBSP}»)${NBSP}: remettez la valeur réelle avant l’envoi, Orange en a besoin pour retrouver l’incident.`,
    );
    for (const text of [
      '?ip=xxx.xxx.xxx.xxx [102]',
      'IP=***.***.***.*** blocked',
      'Email from ...................... refused',
    ])
      expect(
        buildTicket({
          incidents: [{ ...blocked103, reply: { ...blocked103.reply, text } }],
          context: {},
          lang: 'en',
          now,
        }).warnings.some((w) => w.en.includes('masked address')),
      ).toBe(true);
    const plain = buildTicket({ incidents: [blocked103], context: {}, lang: 'fr', now });
    expect(plain.warnings.some((w) => w.en.includes('masked address'))).toBe(false);
  });

  it('says the year was assumed too when a log line gave neither year nor zone', () => {
    const yearAndZone = [
      {
        code: 'assumed-year-and-zone',
        text: { fr: 'année et fuseau supposés', en: 'year and zone assumed' },
      },
    ];
    const one = buildTicket({
      incidents: [{ ...blocked103, occurredAt: '2026-10-22T02:20:53+00:00', assumptions: yearAndZone }],
      context: {},
      lang: 'fr',
      now,
    });
    expect(one.warnings.map((w) => w.fr)).toContain(
      `La date jeudi 22 octobre 2026 à 02:20:53 (UTC+00:00) a été lue avec une année et un fuseau horaire supposés (la ligne de journal n’indiquait ni l’un ni l’autre)${NBSP}: vérifiez-la avant l’envoi.`,
    );
    expect(one.warnings.some((w) => w.en.includes('read in an assumed time zone'))).toBe(false);
    const several = buildTicket({
      incidents: ['2026-10-22T02:20:53+00:00', '2026-10-22T02:21:00+00:00'].map((occurredAt) => ({
        ...blocked103,
        occurredAt,
        assumptions: yearAndZone,
      })),
      context: {},
      lang: 'fr',
      now,
    });
    expect(several.warnings.map((w) => w.en)).toContain(
      'The dates of 2 incidents were read with an assumed year and time zone (the log lines gave neither): check them before sending.',
    );
  });

  it('says the year was assumed when it was taken from the message quoting the log line', () => {
    const fromMessage = [
      {
        code: 'assumed-year-from-message',
        text: { fr: 'année du message supposée', en: 'year of the message assumed' },
      },
    ];
    const ticket = buildTicket({
      incidents: [{ ...blocked103, occurredAt: '2025-12-03T14:02:11+00:00', assumptions: fromMessage }],
      context: {},
      lang: 'fr',
      now,
    });
    expect(ticket.warnings.some((w) => w.en.includes('assumed year and time zone'))).toBe(true);
  });

  it('says once how many dates were read in an assumed zone when several were', () => {
    const zone = [{ code: 'assumed-zone', text: { fr: 'fuseau supposé', en: 'zone assumed' } }];
    const incidents = [
      '2019-12-16T22:00:18+00:00',
      '2019-12-16T22:05:00+00:00',
      '2019-12-16T22:09:00+00:00',
    ].map((occurredAt) => ({ ...blocked103, occurredAt, assumptions: zone }));
    const ticket = buildTicket({ incidents, context: {}, lang: 'fr', now });
    const about = ticket.warnings.filter((w) => w.en.includes('assumed time zone'));
    expect(about.map((w) => w.en)).toEqual([
      'The dates of 3 incidents were read in an assumed time zone (the text gave none): check them before sending.',
    ]);
    expect(about[0]?.fr).toBe(
      `Les dates de 3 incidents ont été lues dans un fuseau horaire supposé (le texte n’en indiquait pas)${NBSP}: vérifiez-les avant l’envoi.`,
    );
  });

  it('a date without zone is shown with a marker for the zone and a warning', () => {
    const ticket = buildTicket({
      incidents: [{ ...blocked103, occurredAt: '2019-12-16T22:00:18' }],
      context: {},
      lang: 'fr',
      now,
    });
    expect(ticket.items.date).toBe(`lundi 16 décembre 2019 à 22:00:18 [à compléter${NBSP}: fuseau horaire]`);
    expect(ticket.warnings.some((w) => w.en.includes('has no time zone'))).toBe(true);
  });

  it('an unreadable date is kept as written, with a warning', () => {
    const ticket = buildTicket({
      incidents: [{ ...blocked103, occurredAt: 'Mon Dec 16 22:00:18' }],
      context: {},
      lang: 'fr',
      now,
    });
    expect(ticket.items.date).toBe('Mon Dec 16 22:00:18');
    expect(ticket.warnings.some((w) => w.en.includes('could not be read'))).toBe(true);
  });
});

describe('buildTicket: dates the French way', () => {
  it.each([
    [
      '2019-12-01T09:05:00+01:00',
      'dimanche 1er décembre 2019 à 09:05:00 (UTC+01:00)',
      'Sunday 1 December 2019 at 09:05:00 (UTC+01:00)',
    ],
    [
      '2020-03-29T02:30:00+02:00',
      'dimanche 29 mars 2020 à 02:30:00 (UTC+02:00)',
      'Sunday 29 March 2020 at 02:30:00 (UTC+02:00)',
    ],
    [
      '2019-12-16T00:00:01Z',
      'lundi 16 décembre 2019 à 00:00:01 (UTC+00:00)',
      'Monday 16 December 2019 at 00:00:01 (UTC+00:00)',
    ],
    [
      '2019-12-16T23:59:59-05:30',
      'lundi 16 décembre 2019 à 23:59:59 (UTC-05:30)',
      'Monday 16 December 2019 at 23:59:59 (UTC-05:30)',
    ],
  ])('%s', (iso, fr, en) => {
    const incident = { ...blocked103, occurredAt: iso };
    expect(buildTicket({ incidents: [incident], context: {}, lang: 'fr' }).items.date).toBe(fr);
    expect(buildTicket({ incidents: [incident], context: {}, lang: 'en' }).items.date).toBe(en);
  });
});

describe('buildTicket: plural forms and several incidents', () => {
  const second = makeIncident({
    occurredAt: '2019-12-16T22:04:51+01:00',
    sendingIps: ['198.51.100.21'],
    sendingHosts: ['mta2.mail.example.com'],
    sendingDomain: 'news.example.com',
    reply: { ...blocked103.reply, text: blocked103.reply.text.replaceAll('198.51.100.20', '198.51.100.21') },
    orange: blocked103.orange,
  });

  it('one IP reads in the singular', () => {
    const body = buildTicket({ incidents: [blocked103], context: {}, lang: 'fr', now }).body;
    expect(body).toContain("notre adresse IP d'envoi est bloquée");
    expect(body).toContain(`Adresse IP d'envoi${NBSP}:`);
    expect(body).not.toContain('Adresses IP');
  });

  it('two IPs and two incidents read in the plural, each reply verbatim', () => {
    const fr = buildTicket({ incidents: [blocked103, second], context: {}, lang: 'fr', now });
    expect(fr.body).toContain("nos adresses IP d'envoi sont bloquées");
    expect(fr.body).toContain(`Adresses IP d'envoi${NBSP}: 198.51.100.20, 198.51.100.21\n`);
    expect(fr.body).toContain(`Noms d'hôte d'envoi${NBSP}: mta1.mail.example.com, mta2.mail.example.com\n`);
    expect(fr.body).toContain(`Domaine d'envoi${NBSP}: news.example.com\n`);
    expect(fr.body).toContain(`Dates des incidents et réponses SMTP d'Orange${NBSP}:`);
    expect(fr.body).toContain(
      `1. lundi 16 décembre 2019 à 22:00:18 (UTC+01:00), IP 198.51.100.20\n${blocked103.reply.text}\n`,
    );
    expect(fr.body).toContain(
      `2. lundi 16 décembre 2019 à 22:04:51 (UTC+01:00), IP 198.51.100.21\n${second.reply.text}\n`,
    );
    expect(fr.items.reply).toBe(`${blocked103.reply.text}\n${second.reply.text}`);
    const en = buildTicket({ incidents: [blocked103, second], context: {}, lang: 'en', now });
    expect(en.body).toContain('our sending IP addresses are blocked');
    expect(en.body).toContain('Sending IP addresses: 198.51.100.20, 198.51.100.21\n');
  });

  it('two incidents from one IP list the IP once and do not repeat it per incident', () => {
    const again = { ...blocked103, occurredAt: '2019-12-16T22:10:00+01:00' };
    const body = buildTicket({ incidents: [blocked103, again], context: {}, lang: 'fr', now }).body;
    expect(body).toContain(`Adresse IP d'envoi${NBSP}: 198.51.100.20\n`);
    expect(body).toContain('2. lundi 16 décembre 2019 à 22:10:00 (UTC+01:00)\n');
  });

  it('several domains are listed in the plural', () => {
    const other = { ...second, sendingDomain: 'example.org' };
    const body = buildTicket({ incidents: [blocked103, other], context: {}, lang: 'fr', now }).body;
    expect(body).toContain(`Domaines d'envoi${NBSP}: news.example.com, example.org\n`);
  });

  it(`lists ${MAX_LISTED_INCIDENTS} incidents and counts the others`, () => {
    const many = Array.from({ length: MAX_LISTED_INCIDENTS + 3 }, (_, i) => ({
      ...blocked103,
      occurredAt: `2019-12-16T22:${String(10 + i).padStart(2, '0')}:00+01:00`,
    }));
    const fr = buildTicket({ incidents: many, context: {}, lang: 'fr', now });
    expect(fr.body).toContain(`${MAX_LISTED_INCIDENTS}. lundi`);
    expect(fr.body).not.toContain(`${MAX_LISTED_INCIDENTS + 1}. lundi`);
    expect(fr.body).toContain('3 autres refus semblables ne sont pas reproduits ici.');
    const one = buildTicket({
      incidents: many.slice(0, MAX_LISTED_INCIDENTS + 1),
      context: {},
      lang: 'fr',
      now,
    });
    expect(one.body).toContain("1 autre refus semblable n'est pas reproduit ici.");
    expect(buildTicket({ incidents: many, context: {}, lang: 'en', now }).body).toContain(
      '3 more similar rejections are not reproduced here.',
    );
  });

  it('the subject names up to two IPs, then counts', () => {
    const ips = ['198.51.100.20', '198.51.100.21', '198.51.100.22', '198.51.100.23'];
    const incident = { ...blocked103, sendingIps: ips };
    expect(buildTicket({ incidents: [incident], context: {}, lang: 'fr', now }).subject).toBe(
      'Demande de levée de blocage - IP 198.51.100.20, 198.51.100.21 et 2 autres - news.example.com - OFR006_103',
    );
    expect(buildTicket({ incidents: [incident], context: {}, lang: 'en', now }).subject).toBe(
      'Request to lift a block - IP 198.51.100.20, 198.51.100.21 and 2 more - news.example.com - OFR006_103',
    );
  });
});

describe('buildTicket: the text follows the advice', () => {
  it.each<[number, string, string]>([
    [103, 'lever ce blocage', 'Demande de levée de blocage'],
    [506, 'rejetés comme spam présumé (code 506)', 'Messages rejetés comme spam présumé'],
    [513, 'rejetés comme spam présumé (code 513)', 'Messages rejetés comme spam présumé'],
    [
      999,
      'la cause de cette suspension et la lever',
      "Suspension persistante malgré l'interruption de nos envois",
    ],
    [
      505,
      "refuse temporairement les messages envoyés depuis notre adresse IP d'envoi (code 505)",
      'Refus temporaires de nos messages',
    ],
    [408, 'limites à respecter (débit, messages par connexion)', 'Refus temporaires de nos messages'],
    [104, 'refuse temporairement les connexions', 'Refus temporaires de connexion'],
    [
      102,
      "la réputation de notre adresse IP d'envoi auprès de Cloudmark (code 102) ; nous en avons demandé la réinitialisation à Cloudmark",
      'Refus persistant après demande de réinitialisation Cloudmark',
    ],
    [100, "retrait auprès d'Abusix", 'Refus persistant après demande de retrait de liste de blocage'],
    [101, 'retrait auprès de Spamhaus', 'Refus persistant après demande de retrait de liste de blocage'],
    [
      425,
      "notre domaine d'envoi sur une liste de blocage (code 425) ; nous en avons demandé le retrait auprès d'Abusix et de Spamhaus",
      'Refus persistant',
    ],
    [
      519,
      'problème de configuration de notre côté (code 519)',
      'Vérification après correction de configuration',
    ],
    [416, 'avec la réponse reproduite ci-dessous (code 416)', 'Refus de nos messages'],
    [777, 'avec la réponse reproduite ci-dessous (code 777)', 'Refus de nos messages'],
  ])('reason %i', (reason, phrase, subject) => {
    const ticket = buildTicket({ incidents: [incidentForReason(reason)], context: {}, lang: 'fr', now });
    expect(ticket.body.replaceAll(NBSP, ' ')).toContain(phrase);
    expect(ticket.subject.startsWith(subject)).toBe(true);
  });

  it('speaks of the replies, and of these refusals, when it quotes several different ones', () => {
    const incidents = [
      incidentForReason(416),
      incidentForReason(417, {
        reply: { code: 552, enhanced: '5.1.1', text: '552 5.1.1 Boite pleine. OFR_417 [417]' },
      }),
    ];
    const fr = buildTicket({ incidents, context: {}, lang: 'fr', now }).body.replaceAll(NBSP, ' ');
    expect(fr).toContain('avec les réponses reproduites ci-dessous (codes 416 et 417)');
    expect(fr).toContain('la cause de ces refus et ce que nous devons corriger ?');
    const en = buildTicket({ incidents, context: {}, lang: 'en', now }).body;
    expect(en).toContain('with the replies quoted below (codes 416 and 417)');
    // One reply, however many incidents repeat it: "the reply", "this refusal".
    const one = buildTicket({
      incidents: [incidentForReason(416), incidentForReason(416)],
      context: {},
      lang: 'fr',
      now,
    });
    expect(one.body.replaceAll(NBSP, ' ')).toContain('la cause de ce refus');
  });

  it('a delisting follow-up warns that it assumes the delisting was requested', () => {
    const ticket = buildTicket({ incidents: [incidentForReason(100)], context: {}, lang: 'fr', now });
    expect(ticket.warnings.map((w) => w.en)).toContain(
      'The ticket says you have already asked Abusix to delist you: send it only once you have.',
    );
    // Cloudmark (102) resets an address's reputation: the warning speaks of that request.
    const cloudmark = buildTicket({ incidents: [incidentForReason(102)], context: {}, lang: 'fr', now });
    expect(cloudmark.warnings.map((w) => w.en)).toContain(
      "The ticket says you have already asked Cloudmark to reset your IP address's reputation: send it only once you have.",
    );
  });

  it('warns when the advice says this is not an abuse desk case, or not Orange, or to wait first', () => {
    const en = (incidents: Incident[]) =>
      buildTicket({ incidents, context: {}, lang: 'fr', now })
        .warnings.map((w) => w.en)
        .join('\n');
    expect(en([incidentForReason(416)])).toContain("This rejection is not a case for Orange's abuse desk");
    expect(en([incidentForReason(416), incidentForReason(417)])).toContain(
      "None of these rejections is a case for Orange's abuse desk",
    );
    expect(en([makeIncident({ isOrange: false, orange: null })])).toContain(
      'This rejection does not seem to come from Orange',
    );
    expect(en([incidentForReason(416), makeIncident({ isOrange: false, orange: null })])).toContain(
      'At least one of these rejections does not seem to come from Orange',
    );
    expect(en([incidentForReason(104)])).toContain('Better let the server retry before');
    // A reason the knowledge base does not know, with a 4xx code: its advice says to retry too.
    const unknown411 = makeIncident({
      reply: {
        code: 421,
        enhanced: '4.1.1',
        text: '421 4.1.1 BXpE Service refuse. Veuillez essayer plus tard. OFR005_411 [411]',
      },
      orange: { token: 'OFR005_411', reason: 411, server: null },
    });
    expect(en([unknown411])).toContain('Better let the server retry before');
    expect(en([{ ...unknown411, reply: { ...unknown411.reply, code: 550 } }])).not.toContain(
      'Better let the server retry before',
    );
    // A 999 asks for a pause first: its own warning says the ticket claims one.
    const suspension = en([incidentForReason(999)]);
    expect(suspension).toContain('The ticket says you stopped sending to Orange for more than two hours');
    expect(suspension).not.toContain('Better let the server retry before');
    expect(en([blocked103])).not.toContain('Better let the server retry before');
  });

  it('leaves out the refusals that are no case for the desk when some are, and names their number', () => {
    const other = makeIncident({
      isOrange: false,
      orange: null,
      reply: { code: 550, enhanced: '5.7.1', text: '550 5.7.1 Blocked by another provider' },
    });
    const ticket = buildTicket({
      incidents: [incidentForReason(416), incidentForReason(506), other, incidentForReason(417)],
      context: {},
      lang: 'fr',
      now,
    });
    expect(ticket.subject).toMatch(/OFR\d*_506/);
    expect(ticket.subject).not.toMatch(/_41[67]/);
    expect(ticket.body).not.toContain('Blocked by another provider');
    expect(ticket.body).not.toContain('[416]');
    expect(ticket.warnings.map((w) => w.fr)).toContain(
      '3 refus qui ne relèvent pas du service abuse d’Orange (autre fournisseur, adresse erronée, relais de l’expéditeur) sont laissés hors du ticket.',
    );
  });

  it("labels the replies « reçue » rather than « d'Orange » when one is not Orange's", () => {
    const other = makeIncident({ isOrange: false, orange: null });
    const fr = buildTicket({ incidents: [other], context: {}, lang: 'fr', now });
    expect(fr.body).toContain(`Réponse SMTP reçue${NBSP}:`);
    expect(fr.body).not.toContain("Réponse SMTP d'Orange");
    const orange = buildTicket({ incidents: [blocked103], context: {}, lang: 'fr', now });
    expect(orange.body).toContain(`Réponse SMTP d'Orange${NBSP}:`);
  });

  it('the strongest case leads: an Orange block with a 416 is a request to lift the block', () => {
    const ticket = buildTicket({
      incidents: [incidentForReason(416), blocked103],
      context: {},
      lang: 'fr',
      now,
    });
    expect(ticket.body).toContain('lever ce blocage');
    expect(ticket.body).toContain('(code 103)');
  });

  it('a 999 quotes the earlier error that triggered it, and follows that error’s case', () => {
    const triggerText =
      '550 mwinf5c11 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=203.0.113.25 [102]';
    const suspended = incidentForReason(999, {
      trigger: {
        line: 7,
        text: triggerText,
        occurredAt: '2019-12-16T21:58:02+01:00',
        token: 'OFR006_102',
        reason: 102,
      },
    });
    const fr = buildTicket({ incidents: [suspended], context: {}, lang: 'fr', now });
    expect(fr.body).toContain(
      `La suspension de notre adresse IP (code 999) fait suite à un refus antérieur de votre serveur, le lundi 16 décembre 2019 à 21:58:02 (UTC+01:00)${NBSP}:\n${triggerText}\n`,
    );
    expect(fr.body).toContain('réinitialisation à Cloudmark');
    expect(fr.body.replaceAll(NBSP, ' ')).toContain('auprès de Cloudmark (code 102) ;');
    const en = buildTicket({ incidents: [suspended], context: {}, lang: 'en', now });
    expect(en.body).toContain(
      'The suspension of our IP address (code 999) follows an earlier rejection by your server, on Monday',
    );
  });
});

describe('buildTicket: a 999 whose trigger is listed too', () => {
  it('points to the listed incident instead of quoting it twice', () => {
    const blocked = incidentForReason(102, { occurredAt: '2019-12-16T21:58:02+01:00' });
    const logLine = `Dec 16 21:58:02 mta1 postfix/smtp[2211]: 4A1B2C3D4E: to=<marie.dupont@orange.fr>, status=deferred (host smtp-in.orange.fr[193.252.22.65] refused to talk to me: ${blocked.reply.text})`;
    const suspended = incidentForReason(999, {
      trigger: { line: 2, text: logLine, occurredAt: blocked.occurredAt, token: 'OFR004_102', reason: 102 },
    });
    const fr = buildTicket({ incidents: [blocked, suspended], context: {}, lang: 'fr', now });
    expect(fr.body).toContain(
      'La suspension de notre adresse IP (code 999) fait suite à un refus antérieur de votre serveur (incident 1 ci-dessous).',
    );
    expect(fr.body).not.toContain(logLine);
    expect(fr.body.split(blocked.reply.text).length - 1).toBe(1);
    const en = buildTicket({ incidents: [blocked, suspended], context: {}, lang: 'en', now });
    expect(en.body).toContain('follows an earlier rejection by your server (incident 1 below).');
  });

  it('points to the incident read from the trigger line when two listed ones have the same reply', () => {
    const reply = incidentForReason(102).reply;
    const at = (line: number, occurredAt: string) =>
      incidentForReason(102, { occurredAt, reply, sources: { reply: { line, text: `line ${line}` } } });
    const first = at(1, '2026-03-04T09:12:07+00:00');
    const second = at(2, '2026-03-04T09:12:08+00:00');
    const suspended = incidentForReason(999, {
      trigger: {
        line: 2,
        text: `line 2 ${reply.text}`,
        occurredAt: second.occurredAt,
        token: 'OFR006_102',
        reason: 102,
      },
    });
    const fr = buildTicket({ incidents: [first, second, suspended], context: {}, lang: 'fr', now });
    expect(fr.body).toContain('fait suite à un refus antérieur de votre serveur (incident 2 ci-dessous).');
  });
});

describe('buildTicket: the optional context', () => {
  it('writes every filled item, and the signature', () => {
    const fr = buildTicket({
      incidents: [blocked103],
      context: FULL_CONTEXT,
      lang: 'fr',
      now,
      preflightLine: 'PTR, SPF, DKIM et DMARC valides',
    });
    expect(fr.body).toContain(
      [
        `Informations complémentaires${NBSP}:`,
        `Société${NBSP}: Exemple Routage SAS`,
        `Volume quotidien vers Orange${NBSP}: environ 20 000 messages`,
        `Collecte des adresses${NBSP}: inscription volontaire avec double confirmation`,
        `Membre de Signal Spam${NBSP}: oui`,
        `Mesures correctives prises${NBSP}: retrait des adresses inactives depuis douze mois`,
        `Vérifications techniques${NBSP}: PTR, SPF, DKIM et DMARC valides`,
      ].join('\n'),
    );
    expect(fr.body.endsWith('Cordialement,\nClaire Martin\nExemple Routage SAS\n')).toBe(true);
  });

  it('leaves out what is not filled', () => {
    const fr = buildTicket({
      incidents: [blocked103],
      context: { company: '  ', dailyVolume: '', signalSpamMember: null },
      lang: 'fr',
      now,
      preflightLine: null,
    });
    expect(fr.body).not.toContain('informations complémentaires');
    expect(fr.body).not.toContain('Signal Spam');
    expect(fr.body.endsWith('Cordialement,\n')).toBe(true);
  });

  it('says "non" for a sender outside Signal Spam', () => {
    const en = buildTicket({
      incidents: [blocked103],
      context: { signalSpamMember: false },
      lang: 'en',
      now,
    });
    expect(en.body).toContain('Further information:\nSignal Spam member: no\n');
  });

  it('writes a daily volume typed as a bare number with its grouping and unit, other words as typed', () => {
    const ticket = (dailyVolume: string, lang: 'fr' | 'en') =>
      buildTicket({ incidents: [blocked103], context: { dailyVolume }, lang, now }).body;
    expect(ticket('20000', 'fr')).toContain(`Volume quotidien vers Orange${NBSP}: 20${NBSP}000 messages`);
    expect(ticket('1 250 000', 'en')).toContain('Daily volume to Orange: 1,250,000 messages');
    expect(ticket('about 20k a day', 'en')).toContain('Daily volume to Orange: about 20k a day');
  });
});

describe('buildTicket: the missing dates of several incidents', () => {
  it('are named as the dates of the incidents, or of some of them', () => {
    const undated = makeIncident({ occurredAt: null });
    const missing = (incidents: Incident[]) =>
      buildTicket({ incidents, context: {}, lang: 'fr', now }).warnings.map((w) => w.fr)[0] ?? '';
    expect(
      missing([undated, { ...undated, reply: { ...undated.reply, text: `${undated.reply.text} (2)` } }]),
    ).toContain('dates et heures des incidents');
    expect(missing([undated, blocked103])).toContain('date et heure de certains incidents');
    expect(missing([undated])).toContain('date et heure de l’incident');
  });
});

describe('buildTicket: no placeholder ever leaks', () => {
  const incidentSets: Incident[][] = [
    [],
    [blocked103],
    [makeIncident({ occurredAt: null, sendingIps: [], sendingHosts: [], sendingDomain: null })],
    [makeIncident({ reply: { code: null, enhanced: null, text: '' }, orange: null, isOrange: false })],
    [
      incidentForReason(999, {
        trigger: { line: 2, text: blocked103.reply.text, occurredAt: null, token: null, reason: null },
      }),
    ],
    [incidentForReason(425), incidentForReason(519), incidentForReason(416)],
    [incidentForReason(777, { occurredAt: '2019-12-16T22:00:18' })],
    Array.from({ length: 12 }, (_, i) =>
      incidentForReason([100, 101, 102, 104, 105, 108, 109, 505, 506, 513, 514, 535][i] ?? 100),
    ),
  ];
  const contexts: TicketContext[] = [{}, FULL_CONTEXT, { signalSpamMember: false, contactName: 'C. Martin' }];
  const cases = incidentSets.flatMap((incidents, i) =>
    contexts.flatMap((context, j) =>
      (['fr', 'en'] as const).flatMap((lang) =>
        [null, 'SPF et DKIM valides'].map(
          (preflightLine) =>
            [
              `set ${i}, context ${j}, ${lang}, preflight ${preflightLine !== null}`,
              { incidents, context, lang, preflightLine },
            ] as const,
        ),
      ),
    ),
  );

  it.each(cases)('%s', (_, input) => {
    const ticket = buildTicket({ ...input, now });
    const text = allText(ticket);
    expect(text).not.toMatch(/undefined|null|NaN|\[object|\{\w+\}/);
    expect(ticket.subject.trim()).not.toBe('');
    for (const value of Object.values(ticket.items)) expect(value.trim()).not.toBe('');
    expect(ticket.body).not.toMatch(/\n{3,}/);
    expect(ticket.body).not.toMatch(/[ \t]\n/);
  });
});

describe('buildTicket: French typography', () => {
  it('puts a non-breaking space, never a plain one, before « : », « ? » and « ; »', () => {
    const suspended = incidentForReason(999, {
      trigger: {
        line: 3,
        text: 'REPLY-PLACEHOLDER',
        occurredAt: '2019-12-16T21:58:02+01:00',
        token: null,
        reason: 102,
      },
    });
    const incidents = [blocked103, incidentForReason(102), suspended];
    const fr = buildTicket({
      incidents,
      context: FULL_CONTEXT,
      lang: 'fr',
      now,
      preflightLine: 'PTR valide',
    });
    let text = `${fr.subject}\n${fr.body}`;
    for (const incident of incidents) text = text.replaceAll(incident.reply.text, '');
    expect(text).toMatch(new RegExp(`${NBSP}[:?;]`));
    expect(text).not.toMatch(/ [:?;!]/);
  });
});

describe('buildTickets', () => {
  it('gives the French ticket for the form and the English one for the records', () => {
    const both = buildTickets({ incidents: [blocked103], context: FULL_CONTEXT, now });
    expect(both.fr.body.startsWith('Bonjour,')).toBe(true);
    expect(both.en.body.startsWith('Hello,')).toBe(true);
    expect(both.fr.items.reply).toBe(both.en.items.reply);
    expect(both.fr.missing).toEqual(both.en.missing);
  });
});
