/**
 * A paste of thousands of refusals (the adversarial audit's ten megabytes of one Orange reply, each in
 * its Markdown fence, made 150,000 incidents and the CLI died printing them): at most MAX_INCIDENTS are
 * read, the first ones, and a warning in both languages says how many and from which line the text was
 * not. A log keeps every refusal.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../../core/extract';
import { MAX_INCIDENTS } from '../../../core/extract/incident-cap';

const REFUSAL = '550 5.7.1 Service refuse. Veuillez essayer plus tard. OFR006_102 [102]';

/** `count` copies of the reply, each fenced as a chat tool or a ticket shows a pasted block. */
function fenced(count: number): string {
  return Array.from({ length: count }, () => `\`\`\`\n${REFUSAL}\n\`\`\`\n`).join('\n');
}

describe('a paste of more refusals than one paste may give', () => {
  it('keeps the first ones and says from which line the text was not read', async () => {
    const { incidents, warnings } = await extract(fenced(MAX_INCIDENTS + 2500));
    expect(incidents).toHaveLength(MAX_INCIDENTS);
    expect(incidents.at(-1)?.sources.reply?.line).toBe(4 * (MAX_INCIDENTS - 1) + 2);
    const cut = warnings.find((w) => w.code === 'input.too-many-incidents');
    expect(cut?.text.en).toBe(
      'The text holds too many refusals (at most 1,000 incidents per text): only the first 1,000 were read, the text from line 4,002 on was not. Paste the rest apart.',
    );
    expect(cut?.text.fr).toBe(
      'Le texte contient trop de refus (au plus 1\u00a0000 incidents par texte)\u00a0: seuls les 1\u00a0000 premiers ont été lus, le texte à partir de la ligne 4\u00a0002 ne l’a pas été. Collez la suite à part.',
    );
    // The warnings about the incidents left out go with them.
    expect(warnings.some((w) => w.text.en.startsWith(`Incident ${MAX_INCIDENTS + 1}:`))).toBe(false);
    expect(warnings.some((w) => w.text.en.startsWith(`Incident ${MAX_INCIDENTS}:`))).toBe(true);
  });

  it('reads a paste at the limit whole, without a warning', async () => {
    const { incidents, warnings } = await extract(fenced(MAX_INCIDENTS));
    expect(incidents).toHaveLength(MAX_INCIDENTS);
    expect(warnings.map((w) => w.code)).not.toContain('input.too-many-incidents');
  });

  it('stops reading replies after a few thousand, saying so, when they merge into fewer incidents', async () => {
    // The same refusal stamped in the same minute is one incident (smtp-reply.ts withoutRepeats): the
    // reader still stops after its first 4,000 replies, and the warning says the rest was not read.
    const line = (k: number) =>
      `2024-05-10 14:02:${String(k % 60).padStart(2, '0')} ERROR failed to send email: ${REFUSAL}`;
    const text = Array.from({ length: 6000 }, (_, k) => line(k)).join('\n\n');
    const { incidents, warnings } = await extract(text);
    expect(incidents.length).toBeLessThan(MAX_INCIDENTS);
    expect(warnings.map((w) => w.code)).toContain('input.too-many-incidents');
  });

  it('keeps the first events of an ESP export of thousands of bounces, on one line', async () => {
    const event = (k: number) => ({
      event: 'bounce',
      email: `user${k}@orange.fr`,
      timestamp: 1715349771 + k,
      reason: REFUSAL,
      type: 'blocked',
      ip: '203.0.113.9',
    });
    const text = JSON.stringify(Array.from({ length: 3000 }, (_, k) => event(k)));
    const { incidents, warnings } = await extract(text);
    expect(incidents).toHaveLength(MAX_INCIDENTS);
    expect(incidents[0]?.format).toBe('json-event');
    expect(warnings[0]?.text.en).toContain(
      'only the first 1,000 were read, the rest of line 1 and the text after it were not',
    );
  });

  it('cuts a mailbox of Postfix notices, which is no log though its incidents are named after Postfix', async () => {
    const notice = (k: number) =>
      [
        `From MAILER-DAEMON Fri May 10 14:02:${String(k % 60).padStart(2, '0')} 2024`,
        'From: MAILER-DAEMON@mx1.example.net (Mail Delivery System)',
        'To: news@example.net',
        'Subject: Undelivered Mail Returned to Sender',
        `Date: Fri, 10 May 2024 14:02:${String(k % 60).padStart(2, '0')} +0200`,
        '',
        'This is the mail system at host mx1.example.net.',
        '',
        `<user${k}@orange.fr>: host smtp-in.orange.fr[193.252.22.84] said: ${REFUSAL}`,
        '    (in reply to MAIL FROM command)',
        '',
      ].join('\n');
    const text = Array.from({ length: MAX_INCIDENTS + 200 }, (_, k) => notice(k)).join('\n');
    const { incidents, warnings } = await extract(text);
    expect(incidents).toHaveLength(MAX_INCIDENTS);
    expect(incidents[0]?.format).toBe('postfix');
    expect(warnings[0]?.text.en).toContain(
      `the text from line ${(11 * MAX_INCIDENTS + 9).toLocaleString('en')} on was not`,
    );
  });

  it('keeps every refusal of a log', async () => {
    const line = (k: number) =>
      `May 10 14:02:${String(k % 60).padStart(2, '0')} mx1 postfix/smtp[${1000 + k}]: ${(10000 + k).toString(16).toUpperCase()}A: to=<user${k}@orange.fr>, relay=smtp-in.orange.fr[193.252.22.84]:25, delay=1, delays=0/0/0/1, dsn=5.7.1, status=bounced (host smtp-in.orange.fr[193.252.22.84] said: ${REFUSAL} (in reply to MAIL FROM command))`;
    const text = Array.from({ length: MAX_INCIDENTS + 200 }, (_, k) => line(k)).join('\n');
    const { incidents, warnings } = await extract(text, { now: new Date('2024-06-01T00:00:00Z') });
    expect(incidents).toHaveLength(MAX_INCIDENTS + 200);
    expect(warnings.map((w) => w.code)).not.toContain('input.too-many-incidents');
  });
});
