/**
 * Fuzzing the extraction engine: thousands of mutated fixtures and random texts must never throw, and
 * pathological inputs (1 MB lines, long repetitions, deep MIME nesting, broken base64) must take time
 * roughly linear in their size: the time for 8n is compared with the time for n, with a generous ratio
 * (linear is 8x; garbage collection of big inputs adds some; a quadratic or catastrophic regex gives 64x and more).
 */
import { type Dirent, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract, extractBytes } from '../../../core/extract';
import { MAX_INCIDENTS } from '../../../core/extract/incident-cap';
import { parseReply } from '../../../core/extract/reply';
import { seededRandom } from '../../fixtures/prng';
import { fixtureBytes } from './fixtures';

const fixtureDir = fileURLToPath(new URL('../../fixtures/extract/', import.meta.url));
// Every extraction fixture, those in sub-folders included, as seeds for the mutations.
const fixtures = (readdirSync(fixtureDir, { recursive: true, withFileTypes: true }) as Dirent[])
  .filter((entry) => entry.isFile())
  .map((entry) => fixtureBytes(relative(fixtureDir, join(entry.parentPath, entry.name))));

const PIECES = [
  '550 ',
  '421-',
  '5.7.1 ',
  'OFR006_102 ',
  '[102]',
  '?ip=',
  '203.0.113.7',
  'smtp;',
  'host ',
  '[',
  ']',
  ' said: ',
  '\r\n',
  '\n',
  '\r',
  '\n\n',
  'Content-Type: multipart/report; boundary="b"\n',
  '--b\n',
  '--b--\n',
  'Content-Transfer-Encoding: base64\n',
  'Content-Transfer-Encoding: quoted-printable\n',
  '=C3=A9',
  '=\n',
  'Diagnostic-Code: ',
  'Final-Recipient: rfc822; a@orange.fr\n',
  'From ',
  'Received: from ',
  '(',
  ')',
  '<',
  '>',
  '@',
  'é',
  '\u0000',
  '{',
  '}',
  '"',
  ':',
  'xxx.xxx.xxx.xxx',
  '2001:db8::',
  'Réponse du serveur : ',
];

function mutate(bytes: Uint8Array, random: () => number): Uint8Array {
  const out = Array.from(bytes);
  const edits = 1 + Math.floor(random() * 8);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(random() * (out.length + 1));
    const kind = random();
    if (kind < 0.3) out[at] = Math.floor(random() * 256);
    else if (kind < 0.5) out.splice(at, Math.floor(random() * 64));
    else if (kind < 0.8) {
      const piece = new TextEncoder().encode(PIECES[Math.floor(random() * PIECES.length)] ?? '');
      out.splice(at, 0, ...piece);
    } else {
      const from = Math.floor(random() * out.length);
      out.splice(at, 0, ...out.slice(from, from + Math.floor(random() * 200)));
    }
  }
  return new Uint8Array(out);
}

function randomText(random: () => number): string {
  let s = '';
  const n = Math.floor(random() * 40);
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(random() * PIECES.length)];
  return s;
}

describe('fuzz: no exception', () => {
  it('survives 2,000 mutated fixtures', async () => {
    const random = seededRandom(20191216);
    for (let i = 0; i < 2000; i++) {
      const base = fixtures[i % fixtures.length] as Uint8Array;
      const input = mutate(base, random);
      const result = await extractBytes(input);
      expect(Array.isArray(result.incidents)).toBe(true);
    }
  }, 120_000);

  it('survives 2,000 random texts built from meaningful pieces', async () => {
    const random = seededRandom(42);
    for (let i = 0; i < 2000; i++) {
      const text = randomText(random);
      const result = await extract(text);
      for (const incident of result.incidents) {
        for (const ref of Object.values(incident.sources)) expect(ref.line).toBeGreaterThanOrEqual(1);
      }
      expect(() => parseReply(text)).not.toThrow();
    }
  }, 120_000);

  it('survives deep MIME nesting and broken base64', async () => {
    let nested = '';
    for (let d = 0; d < 400; d++) nested += `Content-Type: multipart/mixed; boundary="b${d}"\n\n--b${d}\n`;
    const deep = `From: MAILER-DAEMON@example.com\nSubject: Undelivered Mail\n${nested}550 5.1.1 OFR_416 [416]\n`;
    await expect(extract(deep)).resolves.toBeDefined();
    const broken = `From: MAILER-DAEMON@example.com\nSubject: Undelivered\nContent-Type: multipart/report; boundary="x"\n\n--x\nContent-Type: message/delivery-status\nContent-Transfer-Encoding: base64\n\n!!!!not*base64===\nUmVwb3J0aW5nLU1UQTog\n--x--\n`;
    await expect(extract(broken)).resolves.toBeDefined();
  });
});

async function timeOf(input: string): Promise<number> {
  const t0 = performance.now();
  await extract(input);
  return performance.now() - t0;
}

/** A linear reader gives about 8x, a quadratic one 64x: this ratio lies between, with room for noise. */
const MAX_RATIO = 32;

/**
 * The time of `large` over that of `small` (floored at 5 ms: below that, timer and GC noise dominate and
 * nothing can be catastrophic), each the best of five runs. On a loaded machine one round can still
 * catch the large input's runs all slowed down, so up to four rounds are run while the ratio stays at or
 * above MAX_RATIO, each keeping the best times so far. More runs only remove noise: a quadratic reader
 * stays at 64x in every round.
 */
async function growthRatio(small: string, large: string): Promise<number> {
  let bestSmall = Number.POSITIVE_INFINITY;
  let bestLarge = Number.POSITIVE_INFINITY;
  let ratio = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 4 && ratio >= MAX_RATIO; round++) {
    for (let i = 0; i < 5; i++) {
      bestSmall = Math.min(bestSmall, await timeOf(small));
      bestLarge = Math.min(bestLarge, await timeOf(large));
    }
    ratio = bestLarge / Math.max(bestSmall, 5);
  }
  return ratio;
}

const PATHOLOGICAL: [string, (n: number) => string][] = [
  ['one long line of a', (n) => 'a'.repeat(n)],
  ['550 repeated', (n) => '550 '.repeat(n / 4)],
  ['host [ repeated', (n) => 'host x['.repeat(n / 7)],
  ['OFR tokens repeated', (n) => 'OFR006_102 '.repeat(n / 11)],
  ['dotted digits', (n) => '1.2.3.'.repeat(n / 6)],
  ['colons and hex', (n) => 'ab:'.repeat(n / 3)],
  [
    'angle brackets in a bounce',
    (n) => `From: MAILER-DAEMON@x.example\nSubject: Undelivered\nContent-Type: text/html\n\n${'<'.repeat(n)}`,
  ],
  ['at signs', (n) => `${'a@'.repeat(n / 2)}: 550 x`],
  ['headers repeated', (n) => `Received: from a\n`.repeat(n / 17)],
  ['spaces after a marker', (n) => `Remote Server returned${' '.repeat(n)}x`],
  ['many short lines', (n) => '550 5.1.1 x\n'.repeat(n / 12)],
  [
    'a log record wrapped over many lines',
    (n) =>
      `Mar 14 00:00:01 mx postfix/smtp[1]: ABCDE12345: status=deferred (host x[192.0.2.1] said: 550 x\n${'abc (\n'.repeat(n / 6)}`,
  ],
  [
    'a multi-line Postfix reply wrapped over many lines',
    (n) =>
      `Mar 14 00:00:01 mx postfix/smtp[1]: ABCDE12345: host x[192.0.2.1] said: 421-4.7.0 x\n${'More words of the reply\n'.repeat(n / 24)}`,
  ],
  [
    'a qmail status line wrapped over many lines',
    (n) => `@400000004a0b0c0d0e0f1011 delivery 5: failure: 192.0.2.1_said:_550\n${'abc_def\n'.repeat(n / 8)}`,
  ],
  ['json array', (n) => `[${`{"reason":"550 x","pad":"${'p'.repeat(4000)}"},`.repeat(n / 4028)}{}]`],
  [
    'a KumoMTA record whose reply holds a long run of blanks',
    (n) =>
      `{"type":"Bounce","recipient":"b@orange.fr","response":{"code":550,"enhanced_code":null,"content":"550 x${' \\t'.repeat(n / 3)}y"},"timestamp":1775030000}\n`,
  ],
  [
    'a Postfix record whose reply holds a long run of spaces',
    (n) =>
      `Mar 14 00:00:01 mx postfix/smtp[1]: ABCDE12345: to=<a@b.example>, relay=x[192.0.2.1]:25, status=bounced (host x[192.0.2.1] said: 550-5.7.1 a 550-5.7.1 b${' '.repeat(n)}c (in reply to RCPT TO command))\n`,
  ],
  [
    'a KumoMTA record copied from the documentation, with a comment and many members',
    (n) => `{"type":"Bounce", // x\n"response":{"code":550,"content":"x"},${' "a": b,'.repeat(n / 9)}}\n`,
  ],
  ['swaks named many times on one line', (n) => `${'swaks -t x '.repeat(n / 11)}\n<** 550 5.1.1 unknown\n`],
  [
    'swaks named many times before its options',
    (n) => `${'swaks '.repeat(n / 6)}-f\n<** 550 5.1.1 unknown\n`,
  ],
  ['a line of opening brackets (JSON nested beyond reason)', (n) => '['.repeat(n)],
  [
    "IronPort's tuples opened on a line and never closed",
    (n) => `Info: Bounced: 1\n${"Response: \"('451', \n['a b\n".repeat(n / 22)}`,
  ],
  [
    "IronPort's tuple opened on a line a megabyte long",
    (n) => `Info: x ${"('451', ".repeat(n / 8)}\n['a'])\n`,
  ],
  [
    "a name before smtplib's class, a megabyte long",
    (n) => `${'a.'.repeat(n / 2)}: SMTPConnectError: (550, b'5.7.1 x')\n`,
  ],
  [
    "Apprise's envelope lines repeated above its error",
    (n) =>
      `${'Email From: "N" <a@b.example>\nEmail To: c@d.example\n'.repeat(n / 50)}Sending email to "c@d.example" failed. Reason: (550, b'5.7.1 x')\n`,
  ],
  [
    'a session refused thousands of times, its sender and recipient named once',
    (n) => {
      let text = '>>> MAIL FROM:<me@sender.example>\n>>> RCPT TO:<rcpt@b.example>\n';
      for (let i = 0; text.length < n; i++) text += `<<< 550 5.7.1 refused number ${i}\n`;
      return text;
    },
  ],
];

describe('fuzz: time grows linearly', () => {
  it.each(PATHOLOGICAL)(
    '%s: 1 MB takes less than 32x the time of 128 kB (linear is 8x, quadratic 64x)',
    async (_name, make) => {
      const small = make(128 * 1024);
      const large = make(1024 * 1024);
      await timeOf(small);
      expect(await growthRatio(small, large)).toBeLessThan(MAX_RATIO);
    },
    60_000,
  );
});

/**
 * One paragraph listing many replies: each is read (identical ones make one incident), and a paragraph
 * is read up to 200,000 characters. The least number of incidents the large one must give (at most
 * MAX_INCIDENTS from one paste: incident-cap.ts).
 */
const ONE_PARAGRAPH: [string, (n: number) => string, number][] = [
  ['recipient blocks (Exim)', (n) => '550 x\na@b.example\n'.repeat(n / 19), MAX_INCIDENTS],
  ['reasons (Sendmail)', (n) => '<a@b.example>\n(reason: 550 x)\n'.repeat(n / 31), MAX_INCIDENTS],
  [
    'host said (Postfix, Exim)',
    (n) => 'host mx.b.example[192.0.2.1] said: 550 x\nu@b.example\n'.repeat(n / 53),
    MAX_INCIDENTS,
  ],
  [
    'Exim wordings on one line',
    (n) =>
      `host mx.b.example [192.0.2.1]\n${'SMTP error from remote mail server after initial connection: 550 x '.repeat(n / 66)}`,
    1,
  ],
  ['PHPMailer errors', (n) => 'SMTP ERROR: RCPT TO command failed: 550-x\n'.repeat(n / 42), MAX_INCIDENTS],
  [
    "smtplib's refused recipients",
    (n) => `SMTPRecipientsRefused: {${"'a@b.example': (554, b'x'), ".repeat(n / 28)}}`,
    1,
  ],
];

describe('fuzz: one paragraph of many replies is read in linear time', () => {
  it.each(ONE_PARAGRAPH)(
    '%s: 192 kB takes less than 32x the time of 24 kB (linear is 8x, quadratic 64x)',
    async (_name, make, least) => {
      const small = make(24 * 1024);
      const large = make(192 * 1024);
      expect((await extract(large)).incidents.length).toBeGreaterThanOrEqual(least);
      expect(await growthRatio(small, large)).toBeLessThan(MAX_RATIO);
    },
    60_000,
  );
});

/** A bounce notice of refusals, one per paragraph, each naming no recipient and starting alike. */
function noticeOfRefusals(n: number): string {
  let text =
    'From: MAILER-DAEMON@x.example\nTo: s@sender.example\nSubject: Undelivered Mail Returned to Sender\n\n';
  for (let i = 0; text.length < n; i++) text += `550 5.7.1 refused number ${i}\n\n`;
  return text;
}

describe('fuzz: a notice of thousands of refusals is read in linear time', () => {
  it('192 kB takes less than 32x the time of 24 kB (linear is 8x, quadratic 64x)', async () => {
    const small = noticeOfRefusals(24 * 1024);
    const large = noticeOfRefusals(192 * 1024);
    // Over 5,000 refusals, of which the first MAX_INCIDENTS are kept (incident-cap.ts): the whole notice
    // is still read, its recipients looked up for each kept incident.
    expect((await extract(large)).incidents.length).toBe(MAX_INCIDENTS);
    expect((await extract(small)).incidents.length).toBeGreaterThan(500);
    expect(await growthRatio(small, large)).toBeLessThan(MAX_RATIO);
  }, 60_000);
});
