/**
 * A qmail notice whose failed recipient carries only the words of vpopmail's vdelivermail, the local
 * delivery program of qmail's own machine (`vdelivermail: account is locked email bounced <rcpt>`): no
 * server replied, so no reply code is asked for and a note says why, in French and English
 * (core/extract/qmail-child-status.ts; test/fixtures/extract/left62/SOURCES.md: Sisimai's lhost-qmail-10).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const NOW = new Date('2026-12-08T12:00:00Z');
const notice = readFileSync(
  fileURLToPath(new URL('../fixtures/extract/left62/qmail-vdelivermail-account-locked.eml', import.meta.url)),
  'utf8',
);
const WORDS = 'vdelivermail: account is locked email bounced kijitora@neko2.example.co.jp';

describe("vpopmail's vdelivermail words under qmail's failed recipient", () => {
  it('are no reply: a note in French and English quotes them, and no reply code is asked for', async () => {
    const { incidents, warnings } = await extract(notice, { now: NOW });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.recipientDomain).toBe('neko2.example.co.jp');
    expect(incidents[0]?.reply).toEqual({ code: null, enhanced: null, text: '' });
    const note = warnings.find((w) => w.code === 'input.qmail-local-program');
    expect(note?.text.en).toContain(`its local delivery program wrote "${WORDS}".`);
    expect(note?.text.fr).toContain(`a écrit «\u00a0${WORDS}\u00a0».`);
    expect(warnings.map((w) => w.code)).not.toContain('missing.replyCode');
    expect(warnings.map((w) => w.code)).not.toContain('missing.reply');
  });

  it('are not read so when the block quotes a remote server (qmail-remote’s words)', async () => {
    const remote = notice.replace(WORDS, `${WORDS}\nRemote host said: 550 5.1.1 account is locked`);
    const { incidents, warnings } = await extract(remote, { now: NOW });
    expect(incidents[0]?.reply.code).toBe(550);
    expect(warnings.map((w) => w.code)).not.toContain('input.qmail-local-program');
  });
});
