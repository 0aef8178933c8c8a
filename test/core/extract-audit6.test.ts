/**
 * Sixth audit of real input (bounces, admin tools' exports and French providers' refusals gathered from
 * public sources nobody here wrote): each case is modelled on a shape the audit found wrong. Fixtures
 * and their sources: test/fixtures/extract/audit6/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const dir = fileURLToPath(new URL('../fixtures/extract/audit6/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');
const codes = (notes: readonly { code: string }[] | undefined) => (notes ?? []).map((n) => n.code);

describe('delay notices: the sending MTA is still trying', () => {
  it("says so on a DSN whose recipient's Action is delayed, the reply and fields still read", async () => {
    const { incidents } = await extract(fixture('postfix-delayed-orange.eml'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(codes(i?.assumptions)).toContain('input.delay-notice');
    expect(i?.reply.code).toBe(421);
    expect(i?.orange?.token).toBe('OFR004_104');
    expect(i?.sendingDomain).toBe('example.com');
  });

  it("says so on a notice without a DSN block, from its subject (Sendmail's `Warning: could not send`)", async () => {
    const { incidents } = await extract(fixture('sendmail-warning-no-dsn.txt'));
    expect(incidents).toHaveLength(1);
    expect(codes(incidents[0]?.assumptions)).toContain('input.delay-notice');
    expect(incidents[0]?.orange?.reason).toBe(103);
    // Sendmail's `<rcpt>... Deferred: 421 ...` line: the reply ends with the line, before Sendmail's words.
    expect(incidents[0]?.reply.text).toMatch(/^421 mwinf5c12 ME Service refuse\. .* OFR005_103 \[103\]$/);
    expect(incidents[0]?.sources.reply?.line).toBe(15);
  });

  it('says nothing of the kind on a final failure', async () => {
    const failed = fixture('postfix-delayed-orange.eml')
      .replace('Subject: Delayed Mail (still being retried)', 'Subject: Undelivered Mail Returned to Sender')
      .replace('Action: delayed', 'Action: failed');
    const { incidents } = await extract(failed);
    expect(incidents).toHaveLength(1);
    expect(codes(incidents[0]?.assumptions)).not.toContain('input.delay-notice');
    // A failed DSN under a delay subject is a failure: the recipient's action decides.
    const { incidents: mixed } = await extract(
      failed.replace('Undelivered Mail Returned to Sender', 'Delayed Mail (still being retried)'),
    );
    expect(codes(mixed[0]?.assumptions)).not.toContain('input.delay-notice');
  });
});

describe("Sendmail's `<rcpt>... Deferred: 421 ...` line", () => {
  it('keeps the remote the transcript above it names (the line alone names none)', async () => {
    const { incidents } = await extract(
      [
        '   ----- Transcript of session follows -----',
        '... while talking to smtp-in.orange.fr.:',
        '>>> MAIL From:<billing@example.org> SIZE=4211',
        '<<< 421 mwinf5c12 ME Service refuse. Veuillez essayer plus tard. OFR005_103 [103]',
        '<jean.martin@wanadoo.fr>... Deferred: 421 mwinf5c12 ME Service refuse. Veuillez essayer plus tard. OFR005_103 [103]',
        'Warning: message still undelivered after 4 hours',
        '',
      ].join('\n'),
    );
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(
      '421 mwinf5c12 ME Service refuse. Veuillez essayer plus tard. OFR005_103 [103]',
    );
    expect(incidents[0]?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incidents[0]?.recipientDomain).toBe('wanadoo.fr');
  });
});
