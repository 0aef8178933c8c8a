/**
 * PHPMailer's error message (`ErrorInfo`) as PHP sites and WordPress plugins show it: the reply's parts
 * named apart, in English or in PHPMailer's French, and the list of refused recipients
 * (test/fixtures/extract/audit30orangewild/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { phpmailerServerErrors } from '../../core/extract/phpmailer-server-error';

const fixture = (name: string) =>
  readFileSync(
    fileURLToPath(new URL(`../fixtures/extract/audit30orangewild/${name}`, import.meta.url)),
    'utf8',
  );
const options = { now: new Date('2026-12-05T12:00:00Z') };

describe('PHPMailer’s error message', () => {
  it('puts the code and enhanced code it names apart back before Orange’s words (French)', async () => {
    const { incidents } = await extract(fixture('wordpress-fr-phpmailer-data-end-506.txt'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply).toEqual({
      code: 550,
      enhanced: '5.2.0',
      text: '550 5.2.0 Mail rejete. Mail rejected. OFR_506 [506]',
    });
    expect(incidents[0]?.orange?.reason).toBe(506);
    // Nothing in the post says when, from where, or to whom.
    expect(incidents[0]?.occurredAt).toBeNull();
    expect(incidents[0]?.sendingIps).toEqual([]);
    expect(incidents[0]?.recipientDomain).toBeNull();
  });

  it('reads each refused recipient with its own words, and no code it does not give', async () => {
    const { incidents, warnings } = await extract(
      fixture('phpmailer-recipients-failed-416-417.txt'),
      options,
    );
    expect(incidents.map((i) => [i.recipientDomain, i.reply.code, i.reply.text])).toEqual([
      ['orange.fr', null, 'Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416]'],
      ['wanadoo.fr', null, 'Boite du destinataire pleine. Recipient overquota. OFR_417 [417]'],
    ]);
    expect(incidents.map((i) => i.orange?.token)).toEqual(['OFR_416', 'OFR_417']);
    expect(warnings.map((w) => w.text.en).join(' ')).toMatch(/without its three-digit code/);
  });

  it('reads the English labels, the reply’s CRLF written out in a JSON string, an older enhanced code kept', () => {
    expect(
      phpmailerServerErrors(
        'SMTP server error: DATA END command failed Detail: Mail rejete. Mail rejected. OFR_506 [506]\\r\\n SMTP code: 550 Additional SMTP info: 5.2.0',
      ).map((r) => r.text),
    ).toEqual(['550 5.2.0 Mail rejete. Mail rejected. OFR_506 [506]']);
    expect(
      phpmailerServerErrors(
        'SMTP server error: DATA END command failed Detail: 5.7.60 SMTP; Client does not have permissions\n SMTP code: 550 Additional SMTP info: 5.7.60',
      ).map((r) => r.text),
    ).toEqual(['550 5.7.60 SMTP; Client does not have permissions']);
  });

  it('gives a refused recipient the code of the last error when it names the same words', () => {
    const text = [
      'SMTP Error: The following recipients failed: a.b@orange.fr: Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416]',
      'c.d@wanadoo.fr: Boite du destinataire pleine. Recipient overquota. OFR_417 [417]',
      'SMTP server error: RCPT TO command failed Detail: Boite du destinataire pleine. Recipient overquota. OFR_417 [417]',
      ' SMTP code: 552 Additional SMTP info: 5.1.1',
    ].join('\n');
    expect(phpmailerServerErrors(text).map((r) => [r.recipient, r.text])).toEqual([
      ['a.b@orange.fr', 'Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416]'],
      ['c.d@wanadoo.fr', '552 5.1.1 Boite du destinataire pleine. Recipient overquota. OFR_417 [417]'],
    ]);
  });
});
