import {
  findReason,
  findReasonById,
  isTokenlessSpfReply,
  reasonForReply,
} from '../../../core/orange/reason-lookup';
import { REASONS } from '../../../core/orange/reasons';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

// Every reason number the shared notes on Orange list (section 3), plus the unverified 408 and 199, seen
// verbatim in a real reply of Orange's submission relay (`StartTLS obligatoire. StartTLS mandatory.OFR203_199 [199]`),
// and the unverified 536, 988 and 989 a third-party guide (2026-09) gives from Orange's postmaster page.
const NOTED = [
  ...range(100, 109),
  199,
  ...range(200, 209),
  305,
  ...range(390, 399),
  402,
  403,
  405,
  408,
  ...range(415, 418),
  425,
  505,
  506,
  513,
  514,
  515,
  519,
  535,
  536,
  988,
  989,
  ...range(990, 999),
];

describe('the Orange knowledge base', () => {
  it.each(NOTED)('describes reason %i', (reason) => {
    expect(findReason(reason)).not.toBeNull();
  });

  it('covers no number twice and nothing the notes do not list', () => {
    const covered = REASONS.flatMap((entry) => entry.reasons);
    expect(new Set(covered).size).toBe(covered.length);
    expect([...covered].sort()).toEqual([...NOTED].sort());
  });

  it.each(REASONS.map((entry) => [entry.id, entry] as const))(
    'entry %s is complete in both languages',
    (_, entry) => {
      for (const text of [entry.title, entry.meaning, entry.action, ...(entry.wait ? [entry.wait] : [])]) {
        expect(text.fr.trim()).not.toBe('');
        expect(text.en.trim()).not.toBe('');
        expect(text.fr).not.toBe(text.en);
      }
      expect(entry.sources.length).toBeGreaterThan(0);
      if (entry.nextStep === 'wait-and-retry') expect(entry.wait).toBeDefined();
      if (entry.lookup) expect(entry.links.length).toBeGreaterThan(0);
    },
  );

  it('marks the unverified 408, 536 and 988–989 and only them', () => {
    expect(REASONS.filter((entry) => !entry.verified).map((entry) => entry.id)).toEqual([
      '408',
      '536',
      '988',
    ]);
  });

  it('keeps 990 in Orange’s own 99X and gives 988–989, known from one guide only, an entry of their own', () => {
    expect(findReason(988)?.id).toBe('988');
    expect(findReason(989)?.id).toBe('988');
    expect(findReason(990)?.id).toBe('99X');
    expect(findReason(987)).toBeNull();
    expect(findReason(536)?.sources).toEqual(['third-party']);
  });

  it('puts 106, 199, 305, 402, 403 and 415 on the submission relay, never as abuse desk cases', () => {
    const relay = REASONS.filter((entry) => entry.platform === 'submission-relay');
    expect(relay.map((entry) => entry.id).sort()).toEqual(['106', '199', '305', '402', '403', '415']);
    for (const entry of relay) expect(entry.nextStep).toBe('not-an-abuse-desk-case');
  });

  it('agrees with the typical codes seen in bounces', () => {
    expect(findReason(102)?.typical).toEqual({ basic: 550, enhanced: null });
    expect(findReason(405)?.typical).toEqual({ basic: 501, enhanced: '5.1.0' });
    expect(findReason(417)?.typical).toEqual({ basic: 552, enhanced: '5.1.1' });
    expect(findReason(999)?.persistence).toBe('temporary');
    expect(findReason(103)?.persistence).toBe('permanent');
  });

  it('groups the ranges Orange groups', () => {
    expect(findReason(204)?.id).toBe('20X');
    expect(findReason(391)?.id).toBe('39X');
    expect(findReason(990)).toBe(findReasonById('99X'));
    expect(findReason(210)).toBeNull();
    expect(findReason(null)).toBeNull();
  });
});

describe('the tokenless SPF reply', () => {
  it.each([
    [
      421,
      '421 opmta1mti39nd1 smtp.orange.fr Hd8tL2 Emetteur invalide, Veuillez verifier la configuration SPF/DNS de votre nom de domaine. Invalid Sender. SPF check failed, please verify the SPF/DNS configuration for your domain name.',
      true,
    ],
    [421, '421 mwinf5c41 ME Invalid Sender. SPF check failed', true],
    [421, '421 mwinf5c41 ME Emetteur invalide.', true],
    [501, '501 5.1.0 Emetteur invalide. Invalid Sender.', false],
    [
      421,
      '421 mwinf5c41 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down.',
      false,
    ],
  ])('code %i "%s" → %s', (code, text, expected) => {
    expect(isTokenlessSpfReply(code, text)).toBe(expected);
    // (Another wording may name another reason, reason-wordings.ts: the 104 below; never SPF's.)
    const id = reasonForReply(null, code, text)?.id ?? null;
    if (expected) expect(id).toBe('39X');
    else expect(id).not.toBe('39X');
  });

  it('a reason number wins over the wording', () => {
    expect(
      reasonForReply(405, 501, '501 5.1.0 Emetteur invalide. SPF check failed OFR004_405 [405]')?.id,
    ).toBe('405');
  });
});

describe('category labels', () => {
  it('name every next step, source kind, platform and persistence in both languages', async () => {
    const labels = await import('../../../core/orange/labels');
    const tables = [
      labels.NEXT_STEP_LABELS,
      labels.SURENESS_LABELS,
      labels.PLATFORM_LABELS,
      labels.PERSISTENCE_LABELS,
    ];
    for (const table of tables) {
      for (const label of Object.values(table)) {
        expect(label.fr.trim()).not.toBe('');
        expect(label.en.trim()).not.toBe('');
        expect(label.fr).not.toBe(label.en);
      }
    }
    const used = new Set(
      REASONS.flatMap((entry) => [entry.nextStep, entry.platform, entry.persistence, ...entry.sources]),
    );
    const named = new Set(tables.flatMap((table) => Object.keys(table)));
    for (const key of used) expect(named).toContain(key);
  });
});
