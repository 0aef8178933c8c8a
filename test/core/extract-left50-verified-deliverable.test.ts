/**
 * Postfix's address verification report (`sendmail -bv`: `Action: deliverable`, `Status: 2.1.5`, a 250
 * reply) says the recipient was accepted: no incident, a note saying so; a recipient it lists as
 * `undeliverable` beside it is still one (test/fixtures/extract/left50/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const dir = fileURLToPath(new URL('../fixtures/extract/left50/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');
const options = { now: new Date('2026-12-07T12:00:00Z') };

describe('a delivery report whose recipients are all deliverable', () => {
  it('makes no incident and says the report confirms the recipient, in both languages', async () => {
    const { incidents, warnings } = await extract(fixture('postfix-verify-report-deliverable.eml'), options);
    expect(incidents).toEqual([]);
    // The file holds two such reports: the note is said once.
    expect(warnings.map((w) => w.code)).toEqual(['input.verified-deliverable-report']);
    expect(warnings[0]?.text.fr).toContain('peut être remis');
    expect(warnings[0]?.text.en).toContain('confirms that the recipient is deliverable');
  });

  it('still makes the incident of an undeliverable recipient listed beside a deliverable one', async () => {
    const first =
      fixture('postfix-verify-report-deliverable.eml').split(/\n(?=From MAILER-DAEMON )/)[0] ?? '';
    const text = first.replace(
      'Diagnostic-Code: smtp; 250 2.1.5 Ok\n',
      'Diagnostic-Code: smtp; 250 2.1.5 Ok\n\nFinal-Recipient: rfc822; jean@orange.fr\nAction: undeliverable\nStatus: 5.1.1\nRemote-MTA: dns; smtp-in.orange.fr\nDiagnostic-Code: smtp; 550 5.1.1 <jean@orange.fr>: Recipient address rejected\n',
    );
    const { incidents, warnings } = await extract(text, options);
    expect(incidents.map((i) => [i.recipientDomain, i.reply.code, i.remoteHost])).toEqual([
      ['orange.fr', 550, 'smtp-in.orange.fr'],
    ]);
    expect(warnings.map((w) => w.code)).not.toContain('input.verified-deliverable-report');
  });
});
