/**
 * A DSN whose Final-Recipient is a mailbox of the reporting host itself, failed by its own local delivery
 * program (`Reporting-MTA: dns; mx4.gr3.example.jp`, `Final-Recipient: rfc822;
 * kijitora-cat@mx4.gr3.example.jp`, `Diagnostic-Code: x-unix; …`): the address an alias led to on that
 * host, which no sender wrote and no remote server refused; the recipient's domain is the Original-
 * Recipient's, the address the sender wrote (core/extract/local-delivery.ts;
 * test/fixtures/extract/audit60/SOURCES.md: Sisimai's rfc3464-09). The host that wrote the notice holds
 * that mailbox: no sending host (left61/SOURCES.md: Sisimai's lhost-postfix-01).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const NOW = new Date('2026-12-08T12:00:00Z');
const notice = readFileSync(
  fileURLToPath(
    new URL('../fixtures/extract/audit60/postfix-local-delivery-quota-x-unix.eml', import.meta.url),
  ),
  'utf8',
);

const procmail = readFileSync(
  fileURLToPath(
    new URL('../fixtures/extract/left61/postfix-procmail-own-alias-derived.eml', import.meta.url),
  ),
  'utf8',
);

describe("a final recipient that is the reporting host's own local mailbox", () => {
  it('gives way to the original recipient, the address the sender wrote', async () => {
    const { incidents } = await extract(notice, { now: NOW });
    expect(incidents[0]?.recipientDomain).toBe('example.co.jp');
    expect(incidents[0]?.sources.recipientDomain?.text).toBe(
      'Original-Recipient: rfc822;kijitora-nyaaaaaan@example.co.jp',
    );
  });

  it('leaves the notice’s writer, the mailbox’s host, out of the sending side', async () => {
    const { incidents } = await extract(procmail, { now: NOW });
    expect(incidents[0]?.recipientDomain).toBe('menuiserie-est.example');
    expect(incidents[0]?.sendingHosts).toEqual([]);
    expect(incidents[0]?.sendingIps).toEqual([]);
  });

  it('stays the recipient when it is at another host than the reporting one (forwarded on)', async () => {
    const forwarded = notice.replace(
      'Final-Recipient: rfc822; kijitora-cat@mx4.gr3.example.jp',
      'Final-Recipient: rfc822; kijitora-cat@mbox.gr3.example.jp',
    );
    const { incidents } = await extract(forwarded, { now: NOW });
    expect(incidents[0]?.recipientDomain).toBe('mbox.gr3.example.jp');
  });

  it('stays the recipient when a remote server refused it (an SMTP diagnostic)', async () => {
    const remote = notice.replace(
      /Diagnostic-Code: x-unix; Quota exceeded message delivery failed to\n\t\/var\/mail\/box\/u\/00\/f\/kijitora\/INBOX/,
      'Diagnostic-Code: smtp; 452 4.2.2 Mailbox full',
    );
    expect(remote).not.toBe(notice);
    const { incidents } = await extract(remote, { now: NOW });
    expect(incidents[0]?.recipientDomain).toBe('mx4.gr3.example.jp');
  });
});
