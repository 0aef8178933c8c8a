/**
 * A bounce's HTML pasted on one line (a help desk's export, a webmail's source), its blocks repeating
 * the same refusal: the adversarial audit saw N copies give N incidents, and the last reply end in a
 * tag cut in half (`</di`).
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../../core/extract';

const REFUSAL = '550 5.7.1 Service refuse. Veuillez essayer plus tard. OFR006_102 [102]';

/** One attempt's block as a help desk's ticket shows it. */
const block = (recipient: string, reply = REFUSAL) =>
  `<div>Delivery to <b>${recipient}</b> failed:</div><div>${reply} - message refused</div><div>&nbsp;</div>`;

describe('a one-line HTML paste repeating a refusal', () => {
  it('gives one incident for the refusal its blocks repeat', async () => {
    const text = `<html><body>${block('jean.dupont@orange.fr').repeat(40)}</body></html>`;
    const { incidents, warnings } = await extract(text);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.orange?.token).toBe('OFR006_102');
    expect(incidents[0]?.reply.text).toBe(`${REFUSAL} - message refused`);
    expect(warnings.filter((w) => w.text.en.startsWith('Incident 2'))).toEqual([]);
  });

  it('keeps refusals that differ', async () => {
    const other = '550 5.1.1 <marie@example.com>: Recipient address rejected: User unknown';
    const text = `<div>${block('jean.dupont@orange.fr').repeat(3)}${block('marie@example.com', other).repeat(3)}</div>`;
    const { incidents } = await extract(text);
    expect(incidents.map((i) => i.recipientDomain)).toEqual(['orange.fr', 'example.com']);
  });

  it('reads no half tag where the text was cut (at the engine’s limit)', async () => {
    const reply = '550 5.7.1 Message refused by policy of the receiving server';
    const text = `<div>Delivery failed: ${reply}</div><div>&nbsp;</div><div>Delivery failed: ${reply}</di`;
    const { incidents } = await extract(text);
    expect(incidents.length).toBeGreaterThan(0);
    for (const i of incidents) expect(i.reply.text).toBe(reply);
  });

  it('reads a one-line HTML paste of more than 4 MB as the text it shows, not with its tags', async () => {
    const reply = '550 5.7.1 Message refused by policy of the receiving server';
    const one = `<div>Delivery to jean@example.com failed: ${reply} (refused)</div><div>&nbsp;</div>`;
    const text = one.repeat(Math.ceil((4.2 * 1024 * 1024) / one.length));
    const { incidents } = await extract(text);
    expect(incidents.map((i) => i.reply.text)).toEqual([`${reply} (refused)`]);
  });
});
