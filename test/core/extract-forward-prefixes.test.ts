/**
 * A postmaster's forward of a bounce under the prefix Outlook writes in its own language (Polish `PD:`,
 * Danish `VS:`; test/fixtures/extract/forward-prefixes/SOURCES.md): the From names a mail system's
 * address, the subject a person's forward. The attached bounce is read on its own, and the forward's
 * Date (the next morning) is not taken for the notice's.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../core/extract';
import { isForwardSubject } from '../../core/extract/forward-subject';

const path = (name: string) => fileURLToPath(new URL(`../fixtures/extract/${name}`, import.meta.url));
const read = (name: string) =>
  extractBytes(new Uint8Array(readFileSync(path(name))), { now: new Date('2026-12-05T12:00:00Z') });

describe('a postmaster’s forward under Outlook’s prefix in another language', () => {
  it.each([
    ['forward-prefixes/postmaster-outlook-pl-pd-attachment.eml', 'sklep-nowak.example'],
    ['forward-prefixes/postmaster-outlook-da-vs-attachment.eml', 'hansen-tegnestue.example'],
  ])('%s: the attached bounce is read, not the forward', async (name, domain) => {
    const { incidents } = await read(name);
    expect(incidents).toHaveLength(1);
    const incident = incidents[0];
    expect(incident?.occurredAt).toBe('2026-12-04T10:12:01+01:00');
    // The notice's own Date (10:12:03) bounds the queue, not the forward's (the 5th, in the morning).
    expect(incident?.assumptions.map((a) => a.code)).not.toContain('date.queued-until-bounce');
    expect(incident?.sendingDomain).toBe(domain);
    expect(incident?.sendingIps).toEqual(['198.51.100.23']);
  });
});

describe('isForwardSubject in Outlook’s other languages', () => {
  it.each([
    ['PD: Undelivered Mail Returned to Sender', true],
    ['VS: Undelivered Mail Returned to Sender', true],
    ['VB: Olevererat: Offert 2026-118', true],
    ['VL: Undelivered Mail Returned to Sender', true],
    ['RV: Mensaje no entregado', true],
    ['I: Messaggio non recapitato', true],
    ['WG: Unzustellbar: Angebot', true],
    ['Doorst: Onbestelbaar: Offerte', true],
    ['ENC: Não é possível entregar: Orçamento', true],
    ['PDF of the quote returned', false],
    ['Visszaküldött levél', false],
  ])('%s', (subject, forward) => {
    expect(isForwardSubject(subject)).toBe(forward);
  });
});
