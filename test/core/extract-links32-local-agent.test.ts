/**
 * Sendmail's transcript when its local delivery program failed (core/extract/local-agent-status.ts): the
 * program's words are the reply, without the code Sendmail wrote for its own status.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const FIXTURE = 'links32/sendmail-mail-local-unknown-user.eml';
const fixture = (path: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/${path}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };

describe('Sendmail: `mail.local: unknown user: x` above `554 5.3.0 <rcpt>... Service unavailable`', () => {
  it("quotes mail.local's words with no reply code, the DSN's Status kept, and says there is no code to ask for", async () => {
    const { incidents, warnings } = await extract(fixture(FIXTURE), options);
    expect(incidents.map((i) => [i.reply, i.sources.reply?.line, i.remoteHost, i.recipientDomain])).toEqual([
      [
        { code: null, enhanced: '5.3.0', text: 'mail.local: unknown user: urbanisme' },
        30,
        'mx2.mairie-exemple.fr',
        'mairie-exemple.fr',
      ],
    ]);
    expect(incidents[0]?.assumptions.map((a) => a.code)).toEqual(['input.local-delivery-failed']);
    expect(warnings.map((w) => w.code)).not.toContain('missing.replyCode');
    expect(warnings.map((w) => w.code)).not.toContain('missing.reply');
  });

  it('reads maildrop the same way (`X-Unix; 77`: its exit status, Sendmail writing 550 for it)', async () => {
    const text = fixture(FIXTURE)
      .replace('mail.local: unknown user: urbanisme', 'maildrop: maildir over quota.')
      .replace(
        '554 5.3.0 <urbanisme@mairie-exemple.fr>... Service unavailable',
        '550 5.0.0 <urbanisme@mairie-exemple.fr>... Insufficient permission',
      )
      .replace('Status: 5.3.0\n', 'Status: 5.3.0\nDiagnostic-Code: X-Unix; 77\n');
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => i.reply)).toEqual([
      { code: null, enhanced: '5.3.0', text: 'maildrop: maildir over quota.' },
    ]);
  });

  it("keeps a remote server's reply Sendmail's transcript quotes (`<<< 550 ...` then its own `550 ... User unknown`)", async () => {
    const text = fixture(FIXTURE)
      .replace(
        'mail.local: unknown user: urbanisme\n554 5.3.0 <urbanisme@mairie-exemple.fr>... Service unavailable',
        '... while talking to mx.mairie-exemple.fr.:\n>>> RCPT To:<urbanisme@mairie-exemple.fr>\n<<< 550 5.1.1 <urbanisme@mairie-exemple.fr>... User unknown\n550 5.1.1 <urbanisme@mairie-exemple.fr>... User unknown',
      )
      .replace('Status: 5.3.0', 'Status: 5.1.1');
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => [i.reply.code, i.reply.enhanced])).toEqual([[550, '5.1.1']]);
    expect(incidents[0]?.assumptions.map((a) => a.code)).not.toContain('input.local-delivery-failed');
  });
});
