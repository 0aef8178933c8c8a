/**
 * Orange's replies without their OFR token, read by their wording: one written before the tokens (a
 * vendor's page quotes it), one cut before its token (test/fixtures/extract/audit28/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { advise } from '../../core/orange/advice';
import { reasonForReply } from '../../core/orange/reason-lookup';
import { validateIncident } from '../../core/validate/incident';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit28/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };

describe("Orange's reply without its token", () => {
  it('reads the older too-many-connections reply as 104: wait and lower the connections', async () => {
    const { incidents } = await extract(fixture('derived-vendor-page-104-no-token.txt'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.reply.code).toBe(421);
    expect(incident?.isOrange).toBe(true);
    // The reply gives no reason number: none is made up.
    expect(incident?.orange?.reason).toBeNull();
    expect(incident?.orange?.token).toBeNull();
    // Nor is `xxxxxxxxx`, the page's stand-in for the server id, taken for one.
    expect(incident?.orange?.server).toBeNull();
    const advice = advise(incident as NonNullable<typeof incident>);
    expect(advice.nextStep).toBe('wait-and-retry');
    expect(advice.contactAbuseDesk).toBe(false);
    expect(advice.summary.en).toContain('reply without an OFR token, recognised by its wording');
    expect(advice.summary.fr).toContain('réponse sans jeton OFR, reconnue à son libellé');
  });

  it('does not send an unknown recipient cut before its token to the abuse desk', async () => {
    const { incidents } = await extract(fixture('derived-postfix-notice-416-cut-before-token.txt'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.reply.code).toBe(550);
    expect(incident?.reply.enhanced).toBe('5.1.1');
    expect(incident?.recipientDomain).toBe('orange.fr');
    expect(incident?.remoteIp).toBe('193.252.22.65');
    const advice = advise(incident as NonNullable<typeof incident>);
    expect(advice.nextStep).toBe('not-an-abuse-desk-case');
    expect(advice.contactAbuseDesk).toBe(false);
    const verdicts = validateIncident(incident as NonNullable<typeof incident>);
    expect(JSON.stringify(verdicts)).not.toContain('no OFR token');
  });

  it.each([
    [552, '552 5.1.1 Boite du destinataire pleine. Recipient overquota.', '417'],
    [null, '5.2.0 Taille limite du message atteinte. Maximum size of the message reached.', '514'],
    [
      550,
      '550 opmta1mti07aub smtp.orange.fr EnJyw4MoQfspR Adresse IP source bloquee par Abusix. IP blocked by Abusix,',
      '100',
    ],
  ])('reads a %s reply naming one reason by its wording', (code, text, id) => {
    expect(reasonForReply(null, code, text)?.id).toBe(id);
  });

  it.each([
    // 101 and 102 share this wording: the token alone tells them apart.
    [
      550,
      '550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues.',
    ],
    // 103, 105, 505 and 999 all say this.
    [421, '421 mwinf5c77 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later.'],
    // 506 and 513.
    [550, '550 5.2.0 Mail rejete. Mail rejected.'],
    // A permanent reply in the words of the temporary 104 is not taken for it.
    [550, '550 Trop de connexions, veuillez verifier votre configuration.'],
  ])('leaves a %s reply whose wording several reasons share unknown', (code, text) => {
    expect(reasonForReply(null, code, text)).toBeNull();
  });

  it('lets the reason number win over the wording', () => {
    const text =
      '421 mwinf5c27 ME Trop de connexions, veuillez verifier votre configuration. OFR004_411 [411]';
    expect(reasonForReply(411, 421, text)).toBeNull();
  });
});
