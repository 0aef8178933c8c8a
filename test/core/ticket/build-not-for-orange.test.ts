/**
 * A ticket for a refusal that is not Orange's (Gmail's, Yahoo's, pasted by mistake or to check): Orange's
 * abuse desk can do nothing about it. The ticket says so plainly in both languages, naming the provider
 * that refused, and its text no longer says that Orange's server refused the mail.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../../core/extract';
import { buildTickets } from '../../../core/ticket';
import type { TicketContext } from '../../../core/types';

const NBSP = '\u00a0';
const now = new Date('2026-12-07T12:00:00Z');
const fixture = (path: string) =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/extract/${path}`, import.meta.url)), 'utf8');
const CONTEXT: TicketContext = {
  company: 'Exemple Routage SAS',
  dailyVolume: '20000',
  contactName: 'Claire Martin',
};

async function ticketsOf(path: string) {
  const { incidents } = await extract(fixture(path), { now });
  return buildTickets({ incidents, context: CONTEXT, now });
}

/** Words that would put the refusal on Orange (its server, its addresses, its reply). */
const ORANGE_CLAIM = /Orange|Wanadoo|[Vv]otre serveur|[Yy]our server/;

describe('a ticket for another provider’s refusal', () => {
  it('says a Gmail refusal is Google’s, that Orange’s desk cannot help, and words the text without Orange', async () => {
    const { fr, en } = await ticketsOf('audit10/gmail-5726-spf-domain.txt');
    expect(fr.notForOrange?.fr).toBe(
      `Ce refus vient de Google (Gmail), pas d’Orange${NBSP}: le service abuse d’Orange ne peut rien pour vous, ne lui envoyez pas ce message. Le texte du message ne met pas Orange en cause${NBSP}: vous pouvez vous en servir auprès de Google (Gmail).`,
    );
    expect(en.notForOrange?.en).toBe(
      "This rejection comes from Google (Gmail), not from Orange: Orange's abuse desk cannot help you, so do not send it this message. The message's text does not put the blame on Orange: you can use it with Google (Gmail).",
    );
    // First among the warnings (the command line's report prints them), instead of the vaguer one.
    expect(fr.warnings[0]).toEqual(fr.notForOrange);
    expect(fr.warnings.map((w) => w.en).join('\n')).not.toContain('does not seem to come from Orange');
    expect(fr.body).toContain(`Nos messages ont été refusés avec la réponse reproduite ci-dessous.`);
    expect(en.body).toContain('Our messages were rejected with the reply quoted below.');
    expect(fr.body).toContain('Gmail requires all senders to authenticate');
    expect(fr.body).not.toMatch(ORANGE_CLAIM);
    expect(en.body).not.toMatch(ORANGE_CLAIM);
    expect(fr.subject).not.toMatch(ORANGE_CLAIM);
  });

  it('names Yahoo for its TS03 deferrals by its MX (the log gives no recipient domain)', async () => {
    const { fr, en } = await ticketsOf('audit15/postfix-yahoo-ts03-several-mx.log');
    expect(fr.notForOrange?.fr).toMatch(/^Ces refus viennent de Yahoo, pas d’Orange/);
    expect(en.notForOrange?.en).toMatch(/^These rejections come from Yahoo, not from Orange/);
    expect(fr.body).not.toMatch(ORANGE_CLAIM);
    expect(en.body).not.toMatch(ORANGE_CLAIM);
  });

  it('gives no such notice when an Orange refusal is among them: the ticket speaks of Orange’s alone', async () => {
    const { fr } = await ticketsOf('mixed44/gmail-421-and-orange-550-mixed.txt');
    expect(fr.notForOrange).toBeNull();
    expect(fr.body).toContain('OFR006_102');
    expect(fr.body).not.toContain('Gmail has detected');
    expect(fr.body).toContain(`Volume quotidien vers Orange${NBSP}: 20${NBSP}000 messages`);
  });
});
