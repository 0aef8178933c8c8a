/**
 * Log lines cut with an ellipsis where they were pasted: the reply read is only its beginning, which the
 * incident says (test/fixtures/extract/audit29logwild/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { cutReplyNote, cutStatusNote } from '../../core/extract/logs/cut-reply';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit29logwild/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-05T12:00:00Z') };

const notes = (incident: { assumptions: { code: string }[] } | undefined) =>
  incident?.assumptions.map((a) => a.code) ?? [];

describe('Postfix lines cut with … in a post', () => {
  it('says of each cut reply that the whole line must be taken from the log; not of the whole one', async () => {
    const { incidents } = await extract(fixture('postfix-lines-cut-ellipsis.md'), options);
    expect(incidents).toHaveLength(3);
    const [first, second, third] = incidents;
    expect(first?.orange?.token).toBe('OFR006_102');
    expect(first?.sendingIps).toEqual([]);
    expect(notes(first)).toContain('log-reply-cut');
    expect(second?.orange?.token ?? null).toBeNull();
    expect(notes(second)).toContain('log-reply-cut');
    expect(third?.orange?.token).toBe('OFR_999');
    expect(notes(third)).not.toContain('log-reply-cut');
    // The 999 still finds its trigger, cut or not.
    expect(third?.trigger?.line).toBe(6);
  });
});

describe('a Postfix status line cut before its closing parenthesis, without an ellipsis', () => {
  it('says the reply may lack its end; the whole line of the next message is left as it was', async () => {
    const { incidents } = await extract(fixture('postfix-status-cut-no-ellipsis.log'), options);
    expect(incidents).toHaveLength(2);
    const [cut, whole] = incidents;
    expect(cut?.reply.text).toMatch(/reset-req$/);
    expect(cut?.sendingIps).toEqual([]);
    expect(notes(cut)).toContain('log-reply-cut');
    expect(cut?.assumptions.filter((a) => a.code === 'log-reply-cut')).toHaveLength(1);
    expect(notes(whole)).not.toContain('log-reply-cut');
  });

  it('says nothing of an Orange reply whole up to its reason, the line cut after it', () => {
    const message =
      '9B2C4A1F0E: to=<a@orange.fr>, relay=smtp-in.orange.fr[193.252.22.65]:25, dsn=4.0.0, status=deferred (host smtp-in.orange.fr[193.252.22.65] refused to talk to me: 421 mwinf5c77 ME Service refuse. OFR_999 [999]';
    expect(cutStatusNote(message, '421 mwinf5c77 ME Service refuse. OFR_999 [999]')).toBeNull();
    expect(cutStatusNote(`${message})`, '421 mwinf5c77 ME Service refuse.')).toBeNull();
    expect(
      cutStatusNote(message.replace(' [999]', ''), '421 mwinf5c77 ME Service refuse. OFR_999'),
    ).not.toBeNull();
  });
});

describe('cutReplyNote', () => {
  it('sees an ellipsis at the end, before the log’s closing parenthesis too', () => {
    expect(cutReplyNote('550 5.7.1 Service refuse. Veuillez essayer plus tard...')).not.toBeNull();
    expect(cutReplyNote('550 5.7.1 Service refuse [...])')).not.toBeNull();
    expect(cutReplyNote('550 mwinf5c10 ME Adresse IP source … [102]')).toBeNull();
    expect(cutReplyNote('550 5.2.0 Mail rejete. Mail rejected. ofr_506 [506]')).toBeNull();
    expect(cutReplyNote('451 4.7.1 Please try again... later')).toBeNull();
  });
});
