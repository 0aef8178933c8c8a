/**
 * Real bounces of Sisimai's set-of-emails read wrong in a hand audit of 40 of them (round 62), each field
 * checked against the text (test/fixtures/extract/audit62/SOURCES.md): an address the bounce left from on
 * its way back is no address the remote saw when the refused delivery went to an address of the other
 * family (IPv6 to Gmail's MX, IPv4 back); Oracle Messaging Server's `TCP active open: Failed connect() to TCP
 * port 25 of IP` says no server replied, and names the address it tried; a note quotes no Diagnostic-Code
 * a notice does not have.
 * Row: date, sending IPs, sending hosts, sending domain, recipient domain, rejecting host and address,
 * basic and enhanced code, Orange's reason.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { type FieldCase, fieldTable } from './field-table';

const NOW = '2026-12-08T12:00:00Z';

const cases: FieldCase[] = [
  [
    "Postfix's notice left its server over IPv4 (`Received: from gojo.example.jp [192.0.2.222]`), but Gmail's MX it was refused by was reached at `[2404:6800:4008:c05::1a]`: no sending IP the remote saw",
    'postfix-ipv4-bounce-route-ipv6-remote.eml',
    [
      [
        '2017-05-11T17:20:37+09:00',
        [],
        ['gojo.example.jp'],
        'example.jp',
        'gmail.example.com',
        'gmail-smtp-in.l.google.com',
        '2404:6800:4008:c05::1a',
        550,
        '5.7.1',
        null,
      ],
    ],
  ],
  [
    "Oracle Messaging Server's delay notice whose every attempt was `TCP active open: Failed connect() to TCP port 25 of 192.0.2.240    Error: Connection timed out`: no reply, the address it tried is the remote's",
    'messaging-server-delay-failed-connect.eml',
    [
      [
        '2014-11-20T17:52:09+00:00',
        ['17.111.174.64'],
        ['mr21p30im-asmtp001.me.example.com'],
        'me.example.com',
        '2jo.example.jp',
        null,
        '192.0.2.240',
        null,
        '4.4.7',
        null,
      ],
    ],
  ],
  [
    "Sendmail's `(reason: 550 Host unknown)` with a Remote-MTA but no Diagnostic-Code: no reply, no rejecting host",
    'sendmail-host-unknown-without-diagnostic-code.eml',
    [
      [
        '2012-04-29T23:45:10+09:00',
        [],
        ['mx4.smtp.example.co.jp'],
        'example.or.jp',
        'example.org',
        null,
        null,
        null,
        '5.1.2',
        null,
      ],
    ],
  ],
];

fieldTable('real bounces audited by hand (audit62)', 'audit62', NOW, cases);

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit62/${name}`, import.meta.url)), 'utf8');

const codes = (notes: readonly { code: string }[] | undefined) => (notes ?? []).map((n) => n.code);

describe("An address of the bounce's way back, of another family than the remote's", () => {
  it('is set aside, and a note says why in French and English', async () => {
    const { incidents } = await extract(fixture('postfix-ipv4-bounce-route-ipv6-remote.eml'), {
      now: new Date(NOW),
    });
    const note = incidents[0]?.assumptions.find((a) => a.code === 'ip.bounce-route-other-family');
    expect(note?.text.en).toContain('192.0.2.222 (IPv4)');
    expect(note?.text.en).toContain("remote's IPv6 address, 2404:6800:4008:c05::1a");
    expect(note?.text.fr).toContain('192.0.2.222 (IPv4)');
    expect(note?.text.fr).toContain('2404:6800:4008:c05::1a\u00a0: celui-ci a vu une adresse IPv6');
    expect(codes(incidents[0]?.assumptions)).not.toContain('ip.from-bounce-route');
  });

  it('is kept when the remote was reached over the same family', async () => {
    const text = fixture('postfix-ipv4-bounce-route-ipv6-remote.eml').replaceAll(
      '2404:6800:4008:c05::1a',
      '198.51.100.26',
    );
    const { incidents } = await extract(text, { now: new Date(NOW) });
    expect(incidents.map((i) => i.sendingIps)).toEqual([['192.0.2.222']]);
    expect(codes(incidents[0]?.assumptions)).toContain('ip.from-bounce-route');
  });
});

describe("Oracle Messaging Server's failed connections in its attempt history", () => {
  it('say no server replied, and ask for no reply', async () => {
    const { warnings } = await extract(fixture('messaging-server-delay-failed-connect.eml'), {
      now: new Date(NOW),
    });
    const note = warnings.find((w) => w.code === 'input.no-server-reply');
    expect(note?.text.en).toContain(
      '"TCP active open: Failed connect() to TCP port 25 of 192.0.2.240 Error: Connection timed out"',
    );
    expect(warnings.map((w) => w.code)).not.toContain('missing.reply');
  });

  it('are read in a Diagnostic-Code too', async () => {
    const text =
      'Subject: Delivery Notification: Delivery has failed\n\nReporting-MTA: dns;mr21p30im-asmtp001.me.example.com (tcp-daemon)\n\nFinal-recipient: rfc822;jean@orange.fr\nAction: failed\nStatus: 4.4.7\nDiagnostic-code: smtp; TCP active open: Failed connect() to TCP port 25 of 192.0.2.240    Error: Connection refused\n';
    const { incidents, warnings } = await extract(text, { now: new Date(NOW) });
    expect(incidents.map((i) => [i.reply.text, i.remoteIp])).toEqual([['', '192.0.2.240']]);
    expect(warnings.map((w) => w.code)).toContain('input.no-server-reply');
  });
});

describe("The Remote-MTA set aside for a name that did not resolve, read in Sendmail's notice", () => {
  it('says the notice says so, not a Diagnostic-Code the notice lacks', async () => {
    const { incidents } = await extract(fixture('sendmail-host-unknown-without-diagnostic-code.eml'), {
      now: new Date(NOW),
    });
    const note = incidents[0]?.assumptions.find((a) => a.code === 'remote.not-reached');
    expect(note?.text.en).toContain(
      'names smtp-gw9.example.co.jp, but its notice says no server was reached',
    );
    expect(note?.text.fr).toContain('mais son avis dit qu’aucun serveur n’a été joint');
  });
});
