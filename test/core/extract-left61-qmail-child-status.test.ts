/**
 * A qmail notice whose failed recipient carries only its delivery program's exit status and words
 * (`child status 100...The e-mail message could not be delivered because the user's mailfolder is
 * full.`): the machine that wrote the notice failed its own delivery, no server replied, so no SMTP reply
 * is asked for and a note says why, in French and English (core/extract/qmail-child-status.ts;
 * test/fixtures/extract/left61/SOURCES.md: Sisimai's lhost-x4-01).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const NOW = new Date('2026-12-08T12:00:00Z');
const notice = readFileSync(
  fileURLToPath(
    new URL('../fixtures/extract/left61/qmail-child-status-mailfolder-full-derived.eml', import.meta.url),
  ),
  'utf8',
);
const WORDS = "The e-mail message could not be delivered because the user's mailfolder is full.";
const STATUS_LINE = `child status 100...${WORDS}`;

describe("qmail's delivery program exit status under the failed recipient", () => {
  it('is no reply: a note in French and English says so, and no reply is asked for', async () => {
    const { incidents, warnings } = await extract(notice, { now: NOW });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.recipientDomain).toBe('editions-est.example');
    expect(incidents[0]?.reply.text).toBe('');
    const note = warnings.find((w) => w.code === 'input.qmail-child-status');
    expect(note?.text.en).toContain(`ended with status 100 ("${WORDS}")`);
    expect(note?.text.fr).toContain(`avec le statut 100 («\u00a0${WORDS}\u00a0»).`);
    expect(warnings.map((w) => w.code)).not.toContain('missing.reply');
  });

  it('is not read when the block quotes a remote server (qmail-remote’s words)', async () => {
    const remote = notice.replace(
      STATUS_LINE,
      '198.51.100.80 does not like recipient.\nRemote host said: 552 5.2.2 Mailbox full\nGiving up on 198.51.100.80.',
    );
    const { incidents, warnings } = await extract(remote, { now: NOW });
    expect(incidents[0]?.reply.code).toBe(552);
    expect(warnings.map((w) => w.code)).not.toContain('input.qmail-child-status');
  });

  it('is not read when the words below the status name an address', async () => {
    const named = notice.replace(STATUS_LINE, `${STATUS_LINE}\nrelay 198.51.100.80 refused it.`);
    const { warnings } = await extract(named, { now: NOW });
    expect(warnings.map((w) => w.code)).not.toContain('input.qmail-child-status');
  });
});
