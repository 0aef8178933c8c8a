/**
 * A ticket for a message Microsoft 365 delivered (the extraction's note that Exchange Online relayed it, or
 * that the sending address is one of Microsoft's shared outbound ones) tells Orange's abuse desk, in one
 * sentence, that the address is Microsoft's, shared among its customers: not a server the sender owns.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../../core/extract';
import { NOTES } from '../../../core/extract/notes';
import { buildTickets } from '../../../core/ticket';
import { makeIncident } from '../orange/make-incident';

const NBSP = '\u00a0';
const now = new Date('2026-12-07T12:00:00Z');
const fixture = (path: string) =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/extract/${path}`, import.meta.url)), 'utf8');

async function ticketsOf(path: string) {
  const { incidents } = await extract(fixture(path), { now });
  return buildTickets({ incidents, context: {}, now });
}

const SHARED_FR = `Nos messages sont partis par les serveurs sortants partagés de Microsoft${NBSP}365${NBSP}: leur adresse IP est celle de Microsoft, commune à ses clients, et non la nôtre.`;
const SHARED_EN =
  "Our messages left through Microsoft 365's shared outbound servers: their IP address is Microsoft's, shared among its customers, not ours.";

describe('a ticket for a message Microsoft 365 delivered', () => {
  it('says, under the items, that the sending address is Microsoft’s shared one (an outbound address named)', async () => {
    const { fr, en } = await ticketsOf('ms45-leftovers/office365-orange-102-microsoft-outbound-ip.txt');
    expect(fr.items.ips).toBe('40.107.22.70');
    expect(fr.body).toContain(`\n\n${SHARED_FR}\n\n`);
    expect(en.body).toContain(`\n\n${SHARED_EN}\n\n`);
    expect(fr.body.indexOf(SHARED_FR)).toBeGreaterThan(fr.body.indexOf(fr.items.reply));
  });

  it('says it too where only the relay note is there, no address found', async () => {
    const { fr, en } = await ticketsOf('left47/office365-fr-lead-wanadoo-506.txt');
    expect(fr.missing).toContain('sendingIps');
    expect(fr.body).toContain(SHARED_FR);
    expect(en.body).toContain(SHARED_EN);
  });

  it('speaks of addresses in the plural when the ticket lists several', () => {
    const incidents = ['40.107.22.70', '40.107.23.51'].map((ip) =>
      makeIncident({ sendingIps: [ip], assumptions: [NOTES.microsoftSharedOutbound(ip)] }),
    );
    const { fr, en } = buildTickets({ incidents, context: {}, now });
    expect(fr.body).toContain(
      `Microsoft${NBSP}365${NBSP}: leurs adresses IP sont celles de Microsoft, communes à ses clients, et non les nôtres.`,
    );
    expect(en.body).toContain("their IP addresses are Microsoft's, shared among its customers, not ours.");
  });

  it('says nothing of Microsoft without the note', async () => {
    const { fr, en } = await ticketsOf('postfix-orange-greeting.eml');
    expect(fr.body).not.toContain('Microsoft');
    expect(en.body).not.toContain('Microsoft');
  });
});
