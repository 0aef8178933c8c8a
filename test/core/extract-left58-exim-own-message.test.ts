/**
 * Exim's notice whose failed address carries only a message of Exim's own machine (a router's `:fail:`
 * text, a filter's or an ACL's), naming no remote server and no reply code: no server replied, so no SMTP
 * reply is asked for and a note says why, in French and English (test/fixtures/extract/left58/SOURCES.md:
 * Sisimai's lhost-exim-57).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const NOW = new Date('2026-12-08T12:00:00Z');
const notice = readFileSync(
  fileURLToPath(
    new URL('../fixtures/extract/left58/exim-router-fail-blacklisted-derived.eml', import.meta.url),
  ),
  'utf8',
);
const WORDS = 'Sorry, you are sending to/from an address that has been blacklisted';

describe("Exim's own message under the failed address", () => {
  it('says in French and English that Exim turned the address away itself, and asks for no reply', async () => {
    const { incidents, warnings } = await extract(notice, { now: NOW });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe('');
    const note = warnings.find((w) => w.code === 'input.exim-own-message');
    expect(note?.text.en).toContain(`in its own words ("${WORDS}")`);
    expect(note?.text.fr).toContain(`(«\u00a0${WORDS}\u00a0»)\u00a0:`);
    expect(warnings.map((w) => w.code)).not.toContain('missing.reply');
  });

  it('is not read when the lines under the address name the remote server that replied', async () => {
    const remote = notice.replace(
      `    "${WORDS}"`,
      '    host mx.menuiserie-nord.example [192.0.2.25]\n    SMTP error from remote mail server after RCPT TO:<devis@menuiserie-nord.example>:\n    550 Sorry, you are sending to/from an address that has been blacklisted',
    );
    const { incidents, warnings } = await extract(remote, { now: NOW });
    expect(incidents[0]?.reply.code).toBe(550);
    expect(warnings.map((w) => w.code)).not.toContain('input.exim-own-message');
  });

  it('is not read from a reply code under the address', async () => {
    const coded = notice.replace(`    "${WORDS}"`, `    550 5.7.1 ${WORDS}`);
    const { warnings } = await extract(coded, { now: NOW });
    expect(warnings.map((w) => w.code)).not.toContain('input.exim-own-message');
  });
});
