/**
 * The French texts core/orange, core/preflight and core/validate produce for the interface follow its
 * typography (renderer/src/i18n/fr.ts): ’ for elisions, a no-break space (U+00A0) before « : ; ? ! » and
 * inside « ». Every `fr` string reachable from the exported data and from the results of the real
 * functions over varied inputs is checked; only Orange's own wording (ORANGE_FORM_OPTION) is exempt.
 * FIELD_LABELS is not walked on its own: it goes into the ticket, which keeps keyboard apostrophes;
 * the warnings shown beside the ticket are walked.
 * Values the texts quote (DNS records, replies, names) are shown verbatim, so the inputs below are
 * chosen without « ' » or « ␠? » in them: a fault found here is always in the tool's own wording.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractBytes } from '../../core/extract';
import { NOTES } from '../../core/extract/notes';
import { type AdviceContext, advise, ORANGE_FORM_OPTION } from '../../core/orange/advice';
import {
  NEXT_STEP_LABELS,
  PERSISTENCE_LABELS,
  PLATFORM_LABELS,
  SURENESS_LABELS,
} from '../../core/orange/labels';
import { buildLink, type LinkKind } from '../../core/orange/links';
import { REASONS } from '../../core/orange/reasons';
import { FAILURE_TEXT } from '../../core/preflight/checks/common';
import { spfProblemText } from '../../core/preflight/checks/spf';
import { DNSBL_LISTS } from '../../core/preflight/dnsbl-lists';
import { preflightFindings } from '../../core/preflight/findings';
import { planPreflight } from '../../core/preflight/plan';
import { couldNotRun, runPreflightCheck } from '../../core/preflight/run';
import type { SpfProblem } from '../../core/preflight/spf/evaluate';
import { preflightTicketLine } from '../../core/preflight/ticket-line';
import { buildTicket } from '../../core/ticket';
import type { FieldName, Incident, Note } from '../../core/types';
import { validateDate } from '../../core/validate/date';
import { validateDomain } from '../../core/validate/domain';
import { validateHostname } from '../../core/validate/hostname';
import { checkIncident } from '../../core/validate/incident';
import { validateIp } from '../../core/validate/ip';
import { validateReplyCode } from '../../core/validate/reply';
import { FIELD_LABELS, missing } from '../../core/validate/verdict';
import { incidentForReason, makeIncident } from './orange/make-incident';
import { type FakeEntry, fakeDns } from './preflight/fake-dns';

interface FrenchText {
  where: string;
  text: string;
}

/** Every string under a `fr` key, at any depth, with the path that leads to it. */
function frenchTexts(value: unknown, where: string, out: FrenchText[] = []): FrenchText[] {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) frenchTexts(item, `${where}[${i}]`, out);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'fr' && typeof item === 'string') out.push({ where: `${where}.fr`, text: item });
      else frenchTexts(item, `${where}.${key}`, out);
    }
  }
  return out;
}

const FAULTS: readonly [string, RegExp][] = [
  ['straight apostrophe', /\p{L}'\p{L}/u],
  ['plain space before : ; ? !', / [:;?!]/],
  ['plain space inside « »', /« | »/],
];

function typographyFaults(texts: readonly FrenchText[]): string[] {
  const quotedOption = `«\u00a0${ORANGE_FORM_OPTION}\u00a0»`;
  const faults: string[] = [];
  for (const { where, text } of texts) {
    const own = text.split(quotedOption).join('«\u00a0…\u00a0»');
    // What a note quotes from the input (an English MTA's `I'm not going to try again`, Google Groups'
    // French `n'a pas pu être envoyé :`) stays as written: only the guillemets around it are checked.
    const ownWords = own.replace(/«([^«»]*)»/g, (_, quoted: string) =>
      quoted.startsWith('\u00a0') && quoted.endsWith('\u00a0') ? '«\u00a0…\u00a0»' : `«${quoted}»`,
    );
    for (const [fault, pattern] of FAULTS) {
      if (pattern.test(fault === 'plain space inside « »' ? own : ownWords))
        faults.push(`${where}: ${fault} in "${text}"`);
    }
  }
  return faults;
}

const IP = '198.51.100.23';
const HEALTHY: Record<string, FakeEntry> = {
  '23.100.51.198.in-addr.arpa': { PTR: ['mail.example.com'] },
  'mail.example.com': { A: [IP] },
  'example.com': { TXT: ['v=spf1 ip4:198.51.100.0/24 -all'] },
  '_dmarc.example.com': { TXT: ['v=DMARC1; p=reject'] },
  's1._domainkey.example.com': { TXT: ['v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA'] },
  'orange.fr': { MX: [{ priority: 10, exchange: 'smtp-in.orange.fr' }] },
  'wanadoo.fr': { MX: [{ priority: 10, exchange: 'smtp-in.orange.fr' }] },
  'smtp-in.orange.fr': { A: ['193.252.22.65'] },
};

/** Zones that lead the checks through their failures, warnings and unknowns. */
const ZONES: Record<string, Record<string, FakeEntry>> = {
  healthy: HEALTHY,
  timeouts: Object.fromEntries(Object.keys(HEALTHY).map((name) => [name, { fail: 'timeout' as const }])),
  broken: {
    'mail.example.com': { A: ['203.0.113.1'] },
    '23.100.51.198.in-addr.arpa': { PTR: ['mail.example.com'] },
    'example.com': { TXT: ['v=spf1 ip4:203.0.113.0/24 -all'] },
    '_dmarc.example.com': { TXT: ['v=DMARC1; p=none', 'v=DMARC1; p=reject'] },
    's1._domainkey.example.com': { TXT: ['v=DKIM1; k=rsa; p='] },
    '23.100.51.198.zen.spamhaus.org': { A: ['127.0.0.2', '127.0.0.10'] },
    '23.100.51.198.bl.spamcop.net': { A: ['127.0.0.2'] },
    '23.100.51.198.b.barracudacentral.org': { A: ['127.0.0.2'] },
    '23.100.51.198.psbl.surriel.com': { A: ['127.0.0.9'] },
  },
  lenient: {
    ...HEALTHY,
    'example.com': { TXT: ['v=spf1 ip4:203.0.113.0/24'] },
    '_dmarc.example.com': { TXT: ['v=DMARC1; p=none; adkim=s'] },
    's1._domainkey.example.com': { TXT: ['v=DKIM1; k=ed448; p=MCowBQYDK2VwAyEA'] },
    '23.100.51.198.zen.spamhaus.org': { A: ['127.255.255.254'] },
    'orange.fr': { MX: [] },
    'wanadoo.fr': { MX: [{ priority: 10, exchange: 'gone.orange.example' }] },
    'relay.example.com': { A: [IP] },
    '23.100.51.198.bl.spamcop.net': { A: ['127.255.255.255'] },
  },
  noSpf: {
    ...HEALTHY,
    'example.com': { TXT: ['some text'] },
    '_dmarc.example.com': { TXT: ['v=DMARC1; pct=1'] },
  },
  unknownInclude: { ...HEALTHY, 'example.com': { TXT: ['v=spf1 include:gone.example -all'] } },
  doubled: {
    'example.com': { TXT: ['v=spf1 mx -all', 'v=spf1 -all'] },
    '_dmarc.example.com': { TXT: ['p'] },
  },
};

/** DKIM key records: unreadable, wrong version, keyless, revoked, unknown key type, not base64. */
const DKIM_RECORDS = [
  'v=DKIM1; p',
  'p=MIIB; v=DKIM1',
  'v=DKIM1; k=rsa',
  'v=DKIM1; p=',
  'v=DKIM1; k=x; p=MIIB',
  'v=DKIM1; p=!!!!',
];

async function preflightTexts(): Promise<FrenchText[]> {
  const plan = planPreflight({
    sendingIps: [IP],
    sendingHosts: ['mail.example.com', 'mta1', 'relay.example.com'],
    sendingDomain: 'example.com',
    dkim: { selector: 's1', domain: 'example.com' },
  });
  const texts: FrenchText[] = [];
  for (const [zoneName, zone] of Object.entries(ZONES)) {
    const dns = fakeDns(zone);
    const results = await Promise.all(plan.map((check) => runPreflightCheck(check, dns)));
    frenchTexts(results, `checks(${zoneName})`, texts);
    frenchTexts(preflightFindings(results), `findings(${zoneName})`, texts);
    const line = preflightTicketLine(results, 'fr', new Date('2026-11-29T10:15:42Z'));
    if (line) texts.push({ where: `ticketLine(${zoneName})`, text: line });
  }
  const dkim = plan.filter((check) => check.kind === 'dkim');
  for (const record of DKIM_RECORDS) {
    const dns = fakeDns({ 's1._domainkey.example.com': { TXT: [record] } });
    frenchTexts(
      await Promise.all(dkim.map((check) => runPreflightCheck(check, dns))),
      `dkim(${record})`,
      texts,
    );
  }
  const passing = await Promise.all(plan.map((check) => runPreflightCheck(check, fakeDns(HEALTHY))));
  frenchTexts(
    preflightFindings(passing.filter((result) => result.status === 'ok')),
    'findings(all ok)',
    texts,
  );
  frenchTexts(
    plan.map((check) => couldNotRun(check, 'offline')),
    'couldNotRun',
    texts,
  );
  return texts;
}

const SPF_PROBLEMS: Record<SpfProblem['code'], SpfProblem> = {
  'no-record': { code: 'no-record', domain: 'example.com' },
  'invalid-domain': { code: 'invalid-domain', domain: 'exa mple' },
  'multiple-records': { code: 'multiple-records', domain: 'example.com' },
  syntax: { code: 'syntax', domain: 'example.com', detail: 'ip4:300.1.1.1' },
  'too-many-lookups': { code: 'too-many-lookups', domain: 'example.com' },
  'too-many-void-lookups': { code: 'too-many-void-lookups', domain: 'example.com' },
  'include-without-spf': { code: 'include-without-spf', domain: 'example.com', target: 'gone.example' },
  'redirect-without-spf': { code: 'redirect-without-spf', domain: 'example.com', target: 'gone.example' },
  'too-many-mx': { code: 'too-many-mx', domain: 'example.com', target: 'example.com' },
  dns: { code: 'dns', domain: 'example.com', name: 'example.com', failure: 'servfail' },
};

function adviceTexts(): FrenchText[] {
  const numbers = [...REASONS.flatMap((entry) => entry.reasons), 777, 888];
  const incidents: Incident[] = numbers.map((reason) => incidentForReason(reason));
  const earlier = incidentForReason(102, { occurredAt: '2019-12-16T21:00:00+01:00' });
  const suspended = incidentForReason(999);
  const trigger = {
    line: 3,
    text: earlier.reply.text,
    occurredAt: earlier.occurredAt,
    token: null,
    reason: 102,
  };
  incidents.push(
    incidentForReason(999, { trigger }),
    makeIncident({
      reply: {
        code: 421,
        enhanced: null,
        text: '421 mwinf5c20 ME Emetteur invalide, Veuillez verifier la configuration SPF/DNS. Invalid Sender. SPF check failed',
      },
      orange: null,
    }),
    makeIncident({ isOrange: false, orange: null, remoteHost: 'mx.example.net' }),
    incidentForReason(106, { orange: { token: 'OFR004_888', reason: 888, server: null } }),
    makeIncident({ reply: { code: null, enhanced: null, text: '' }, orange: null }),
    // Orange's tokenless IP-block wording, shared by reasons 101 and 102: the advice covers both.
    makeIncident({
      reply: {
        code: 550,
        enhanced: '5.7.1',
        text: '550 5.7.1 Service refuse. Adresse IP source bloquee pour incident de spam.',
      },
      orange: null,
    }),
  );
  const cases: [Incident, AdviceContext | undefined][] = incidents.map((incident) => [incident, undefined]);
  cases.push([suspended, { incidents: [earlier, suspended] }]);
  return cases.flatMap(([incident, context], i) =>
    frenchTexts(advise(incident, context), `advise#${i}(${incident.orange?.reason ?? '-'})`),
  );
}

function validationTexts(): FrenchText[] {
  const now = new Date('2026-11-29T10:00:00Z');
  const dates = [
    '',
    '2027-06-01T10:00:00Z',
    'hier',
    '2019-12-16T22:00:18',
    '1820-01-01T00:00:00Z',
    '2019-12-16T22:00:18+01:00',
  ];
  const domains = [
    '',
    'news.example.com',
    'bob@example.com',
    '192.0.2.1',
    'exa_mple.com',
    'example.zzzq',
    'co.uk',
    'orange.fr',
  ];
  const hosts = [
    '',
    `${'a'.repeat(250)}.com`,
    'a..example.com',
    `${'b'.repeat(64)}.com`,
    '192.0.2.1',
    '-bad-.example.com',
    'mta1',
    'mail.zzzq',
    'smtp-in.orange.fr',
    'co.uk',
  ];
  const ips = ['999.1.1.1', '193.252.22.65', '192.0.2.1', '10.0.0.1', 'fd00::1', '::1', '169.254.1.1'];
  ips.push('100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255', '240.0.0.1', '198.18.0.1', '2001::1', '');
  const replies: [number | null, string | null][] = [
    [null, null],
    [42, null],
    [250, null],
    [550, '5.7'],
    [550, '4.0.0'],
  ];
  const incidents = [
    makeIncident({ recipientDomain: 'example.net', remoteHost: 'mx.example.net', remoteIp: '192.0.2.9' }),
    makeIncident({ remoteIp: 'not-an-ip', isOrange: false }),
    makeIncident({ orange: null, reply: { code: 550, enhanced: null, text: '550 refused' } }),
    incidentForReason(888),
    makeIncident({ occurredAt: null, sendingIps: [], sendingHosts: [], sendingDomain: null }),
    makeIncident({ recipientDomain: null, remoteHost: null, remoteIp: null }),
  ];
  return [
    ...dates.flatMap((value) => frenchTexts(validateDate(value, now), `validateDate(${value})`)),
    ...domains.flatMap((value) => frenchTexts(validateDomain(value), `validateDomain(${value})`)),
    ...hosts.flatMap((value) => frenchTexts(validateHostname(value), `validateHostname(${value})`)),
    ...ips.flatMap((value) => frenchTexts(validateIp(value), `validateIp(${value})`)),
    ...replies.flatMap(([code, enhanced]) =>
      frenchTexts(validateReplyCode(code, enhanced), `validateReplyCode(${code}, ${enhanced})`),
    ),
    ...incidents.flatMap((incident, i) =>
      frenchTexts(checkIncident(incident, { now }), `checkIncident#${i}`),
    ),
    ...(Object.keys(FIELD_LABELS) as FieldName[]).flatMap((field) =>
      frenchTexts(missing(field), `missing(${field})`),
    ),
  ];
}

function staticTexts(): FrenchText[] {
  const kinds: LinkKind[] = ['cloudmark-reset', 'abusix-lookup', 'spamhaus-lookup', 'orange-postmaster'];
  return [
    ...frenchTexts(REASONS, 'REASONS'),
    ...frenchTexts({ NEXT_STEP_LABELS, SURENESS_LABELS, PLATFORM_LABELS, PERSISTENCE_LABELS }, 'labels'),
    ...frenchTexts(
      kinds.flatMap((kind) => [buildLink(kind, null), buildLink(kind, IP)]),
      'links',
    ),
    ...frenchTexts(DNSBL_LISTS, 'DNSBL_LISTS'),
    ...frenchTexts(
      DNSBL_LISTS.map((list) => list.link(IP)),
      'DNSBL_LISTS.link',
    ),
    ...frenchTexts(FAILURE_TEXT, 'FAILURE_TEXT'),
    ...frenchTexts(Object.values(SPF_PROBLEMS).map(spfProblemText), 'spfProblemText'),
  ];
}

/** The warnings shown beside the ticket (the ticket itself keeps keyboard apostrophes). */
function ticketWarningTexts(): FrenchText[] {
  const now = new Date('2019-12-17T09:00:00+01:00');
  const cases: [string, Incident[]][] = [
    ['nothing found', []],
    ['no zone', [{ ...incidentForReason(102), occurredAt: '2019-12-16T22:00:18' }]],
    ['unreadable date', [{ ...incidentForReason(102), occurredAt: 'Mon Dec 16 22:00:18' }]],
    ['delisting follow-up', [incidentForReason(102)]],
    ['after a fix', [incidentForReason(519)]],
    ['not for the abuse desk', [incidentForReason(416)]],
    ['not Orange', [makeIncident({ isOrange: false, orange: null })]],
    ['wait first', [incidentForReason(104)]],
    ['none for the abuse desk', [incidentForReason(416), incidentForReason(417)]],
    [
      'none Orange',
      [makeIncident({ isOrange: false, orange: null }), makeIncident({ isOrange: false, orange: null })],
    ],
    ['some not Orange', [incidentForReason(416), makeIncident({ isOrange: false, orange: null })]],
    ['some left out', [incidentForReason(506), incidentForReason(416)]],
    ['several left out', [incidentForReason(506), incidentForReason(416), incidentForReason(417)]],
  ];
  return cases.flatMap(([name, incidents]) =>
    frenchTexts(
      buildTicket({ incidents, context: {}, lang: 'fr', now }).warnings,
      `ticket warnings (${name})`,
    ),
  );
}

describe('French typography of the texts core shows', () => {
  let texts: FrenchText[] = [];
  beforeAll(async () => {
    texts = [
      ...staticTexts(),
      ...adviceTexts(),
      ...validationTexts(),
      ...ticketWarningTexts(),
      ...(await preflightTexts()),
    ];
  });

  test('the walk reaches the texts it claims to check', () => {
    const all = texts.map((item) => item.text).join('\n');
    // One sentence from each source, so a walk that silently finds nothing cannot pass.
    for (const sample of [
      'Orange refuse la connexion parce que l’adresse IP d’envoi',
      'Demander le retrait d’une liste de blocage',
      'SBL\u00a0: source de spam connue',
      'Attention\u00a0: cette signification n’est pas vérifiée.',
      'Vérification impossible\u00a0: pas de réponse dans le délai',
      'Élément obligatoire manquant\u00a0: nom(s) d’hôte d’envoi.',
      '«\u00a0mta1\u00a0» n’est pas un nom complet (FQDN)',
      'DNS inverse et SPF vérifiés le 29/11/2026 à 10:15 UTC\u00a0:',
      'Éléments obligatoires manquants\u00a0: date et heure de l’incident',
      'Mieux vaut laisser le serveur réessayer avant d’écrire à Orange (voir le conseil).',
    ]) {
      expect(all).toContain(sample);
    }
    expect(texts.length).toBeGreaterThan(300);
  });

  test('no straight apostrophe between letters, no plain space before : ; ? ! or inside « »', () => {
    expect(typographyFaults(texts)).toEqual([]);
  });

  test('the check itself flags each fault and spares Orange’s quoted wording', () => {
    const faults = typographyFaults([
      { where: 'a', text: "l'adresse d’envoi" },
      { where: 'b', text: 'Délai : deux heures' },
      { where: 'c', text: 'Réponse\u00a0: « 550 »' },
      { where: 'd', text: `choisissez l’option «\u00a0${ORANGE_FORM_OPTION}\u00a0».` },
      { where: 'e', text: 'v=DMARC1; p=none, 10:15 UTC, include:example.com' },
      { where: 'f', text: "Le groupe a écrit «\u00a0n'a pas pu être envoyé :\u00a0»\u00a0: voyez-le." },
      { where: 'g', text: 'Le groupe a écrit «\u00a0envoyé\u00a0» : voyez-le.' },
    ]);
    expect(faults.map((fault) => fault.split(':')[0])).toEqual(['a', 'b', 'c', 'g']);
  });
});

/** Every fixture the extraction tests read, so that each note the engine writes is met at least once. */
function fixtureFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return fixtureFiles(path);
    return /\.(?:eml|txt|log|json|jsonl|csv|mbox)$/.test(name) ? [path] : [];
  });
}

describe('French typography of the notes extraction writes', () => {
  // Reads every fixture (over 1,000 files): a few seconds, more on a loaded machine; not a speed check.
  test('no fault in the warnings and assumptions of any extraction fixture', async () => {
    const root = fileURLToPath(new URL('../fixtures/', import.meta.url));
    const files = [...fixtureFiles(join(root, 'extract')), ...fixtureFiles(join(root, 'logs'))];
    const texts: FrenchText[] = [];
    for (const file of files) {
      const result = await extractBytes(new Uint8Array(readFileSync(file)));
      const notes = [...result.warnings, ...result.incidents.flatMap((incident) => incident.assumptions)];
      for (const note of notes) texts.push({ where: `${basename(file)} ${note.code}`, text: note.text.fr });
    }
    // The notes met include those that quote what the input said (« connect to ...: Connection timed out »).
    const codes = new Set(texts.map((t) => t.where.split(' ')[1]));
    for (const code of [
      'input.no-server-reply',
      'input.delay-notice',
      'input.esp-suppressed',
      'queue.arrival-only',
    ])
      expect(codes).toContain(code);
    expect(typographyFaults(texts)).toEqual([]);
  }, 60_000);
});

/**
 * Every note of NOTES, called with plain values (a domain, a number, true: one of them suits each
 * note's parameters): the fixtures do not meet them all (`ip.private-in-link` had a plain space before
 * its colon that no fixture showed).
 */
/** Arguments for the notes whose parameters no plain value suits. */
const NOTE_ARGUMENTS: Record<string, unknown[]> = {
  decodedPart: ['sendingDomain', 12],
  severalReportedRecipients: [['orange.fr', 'exemple.fr']],
  sizeLimitAnnounced: [{ size: 30_000_000, limit: 20_971_520, host: 'mx.exemple.fr', ip: null }],
};

function everyNoteText(): FrenchText[] {
  const texts: FrenchText[] = [];
  for (const [name, entry] of Object.entries(NOTES)) {
    if (typeof entry !== 'function') {
      texts.push({ where: `NOTES.${name}`, text: (entry as Note).text.fr });
      continue;
    }
    const make = entry as (...args: unknown[]) => Note;
    const given = NOTE_ARGUMENTS[name];
    if (given) {
      texts.push({ where: `NOTES.${name}(…)`, text: make(...given).text.fr });
      continue;
    }
    for (const value of ['exemple.fr', 3, true]) {
      try {
        const made = make(...Array.from({ length: Math.max(make.length, 1) }, () => value));
        if (typeof made?.text?.fr === 'string') {
          texts.push({ where: `NOTES.${name}(${String(value)})`, text: made.text.fr });
          break;
        }
      } catch {
        // Another kind of value suits this note's parameters.
      }
    }
  }
  return texts;
}

describe('French typography of every note NOTES can write', () => {
  test('each one is reached and has no fault', () => {
    const texts = everyNoteText();
    expect(new Set(texts.map((t) => t.where.split('(')[0])).size).toBe(Object.keys(NOTES).length);
    expect(typographyFaults(texts)).toEqual([]);
  });
});
