/**
 * au by KDDI's notice that a message it took in could not be delivered: no SMTP reply, a From and a
 * Subject that do not say bounce (test/fixtures/extract/corpus30/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { isKddiNotice } from '../../core/extract/kddi-notice';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/corpus30/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-05T12:00:00Z') };

describe('KDDI’s mailbox-full notice without a reply', () => {
  it('gives an incident with the date, recipient and sender it states, the reply left empty and said missing', async () => {
    const { incidents, warnings } = await extract(fixture('kddi-mailbox-full-no-reply.eml'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.reply).toEqual({ code: null, enhanced: null, text: '' });
    // The notice's own Date (a server's, when it gave up), not the returned copy's (its writer's clock).
    expect(incident?.occurredAt).toBe('2025-10-14T09:12:47+09:00');
    expect(incident?.recipientDomain).toBe('example.dion.ne.jp');
    expect(incident?.sendingDomain).toBe('pivert-conseil.example');
    expect(warnings.map((w) => w.code)).toContain('missing.reply');
  });

  it('takes none of KDDI’s own hosts for the sender’s (the copy’s only hop is inside KDDI)', async () => {
    const { incidents } = await extract(fixture('kddi-mailbox-full-no-reply.eml'), options);
    expect(incidents[0]?.sendingHosts).toEqual([]);
    expect(incidents[0]?.sendingIps).toEqual([]);
  });
});

describe('isKddiNotice', () => {
  it('needs the date line followed by the recipient line, in either wording', () => {
    const attempted = [
      'Your mail attempted to be delivered on: Mon, 3 Mar 2025 10:00:00 +0900',
      '',
      '     Could not be delivered to: <user@example.dion.ne.jp>',
      '     As the remote domain doesnt exist.',
    ];
    expect(isKddiNotice(attempted)).toBe(true);
    // A person writing the words is no notice.
    expect(isKddiNotice(['Hello, my mail could not be delivered to: <user@example.jp>, why?'])).toBe(false);
    expect(isKddiNotice(['Your mail sent on: Mon, 3 Mar 2025', 'Thanks, it arrived.'])).toBe(false);
  });
});
