/**
 * Fifth audit of real input (bounces, ESP events and logs gathered from public sources nobody here
 * wrote): each case is modelled on a shape the audit found wrong. Fixtures and their sources:
 * test/fixtures/extract/audit5/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const dir = fileURLToPath(new URL('../fixtures/extract/audit5/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');

describe("Zoho's `ERROR CODE :550 - reply` notice", () => {
  it('takes the basic code before the dash and keeps the reply as the remote wrote it', async () => {
    const { incidents } = await extract(fixture('zoho-error-code-dash.txt'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply.code).toBe(550);
    expect(i?.reply.enhanced).toBe('5.7.1');
    expect(i?.reply.text).toMatch(/^550 5\.7\.1 Service refuse\. .* OFR006_102 \[102\]$/);
    expect(i?.orange?.reason).toBe(102);
    expect(i?.remoteHost).toBe('smtp-in.orange.fr');
    expect(i?.sources.reply?.line).toBe(4);
  });

  it('reads the notice line alone, without its DSN block', async () => {
    const { incidents } = await extract(
      'user@example.org, ERROR CODE :550 - Message headers fail syntax check\n',
    );
    expect(incidents[0]?.reply.code).toBe(550);
    expect(incidents[0]?.reply.text).toBe('550 Message headers fail syntax check');
  });
});

describe("Exim's `SMTP error from remote mail server after ...:` with the reply right after", () => {
  it('reads each of several pasted alone, whatever command they name', async () => {
    const { incidents } = await extract(
      [
        'SMTP error from remote mail server after initial connection: 554 mx.example.net bizsmtp refused',
        '',
        'SMTP error from remote mail server after pipelined MAIL FROM:<news@shop.example.com> SIZE=14506: 550 5.7.1 Service refuse. OFR006_103 [103]',
        '',
        'SMTP error from remote mail server after end of data: 421 4.2.0 Service refuse. OFR_505 [505]',
      ].join('\n'),
    );
    expect(incidents.map((i) => [i.reply.code, i.sources.reply?.line])).toEqual([
      [554, 1],
      [550, 3],
      [421, 5],
    ]);
    expect(incidents[1]?.orange?.reason).toBe(103);
    // The sender named in MAIL FROM is no recipient.
    expect(incidents[1]?.recipientDomain).toBeNull();
  });

  it("reads Exim's debug output: the remote from `H=`, the recipient from RCPT TO, the reply to its line's end", async () => {
    const { incidents } = await extract(
      [
        ' 308 Connecting to smtp-in.orange.fr [193.252.22.65]:25 ... connected',
        '  308   SMTP<< 421 mwinf5c21 ME Trop de connexions. Too many connections, slow down. OFR005_104 [104]',
        '  308 LOG: MAIN',
        '  308   H=smtp-in.orange.fr [193.252.22.65]: SMTP error from remote mail server after RCPT TO:<jean.dupont@orange.fr>: 421 mwinf5c21 ME Trop de connexions. Too many connections, slow down. OFR005_104 [104]',
        '  308   SMTP>> QUIT',
      ].join('\n'),
    );
    const i = incidents[0];
    expect(i?.reply.text).toBe(
      '421 mwinf5c21 ME Trop de connexions. Too many connections, slow down. OFR005_104 [104]',
    );
    expect([i?.remoteHost, i?.remoteIp, i?.recipientDomain]).toEqual([
      'smtp-in.orange.fr',
      '193.252.22.65',
      'orange.fr',
    ]);
    expect(i?.sendingIps).toEqual([]);
  });
});
