/**
 * Bounces and logs posted to a mailing list and copied from its archive, whose addresses the archive
 * masked: pipermail's `jean at orange.fr`, HyperKitty's `jean(a)orange.fr`, MARC's `jean () orange ! fr`
 * (test/fixtures/extract/archives45/, written in those archives' page layouts), and without brackets in
 * Exim's notice and log lines (test/fixtures/extract/left47/).
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../../core/extract';
import { withPlainArchiveAddresses } from '../../../core/extract/archive-addresses';
import type { Incident } from '../../../core/types';
import { fixtureText } from './fixtures';

const options = { now: new Date('2026-12-07T12:00:00Z') };

const fields = (i: Incident | undefined) => ({
  occurredAt: i?.occurredAt,
  sendingIps: i?.sendingIps,
  sendingDomain: i?.sendingDomain,
  recipientDomain: i?.recipientDomain,
  remoteHost: i?.remoteHost,
  token: i?.orange?.token,
});

describe("a list archive's masked addresses", () => {
  it('are written as addresses between angle brackets, after rfc822; and with (a)', () => {
    expect(
      withPlainArchiveAddresses(
        [
          'from=<newsletter at news.example.net>, size=4521',
          'Final-Recipient: rfc822; jean at orange.fr',
          'X-Postfix-Sender: rfc822; factures () example ! org',
          'Return-Path: <bounce-77=jean=orange.fr at mail.example.com>',
          'Original-Recipient: rfc822;martine.roux(a)wanadoo.fr',
          'write to postmaster(a)example.org',
        ].join('\n'),
      ).split('\n'),
    ).toEqual([
      'from=<newsletter@news.example.net>, size=4521',
      'Final-Recipient: rfc822; jean@orange.fr',
      'X-Postfix-Sender: rfc822; factures@example.org',
      'Return-Path: <bounce-77=jean=orange.fr@mail.example.com>',
      'Original-Recipient: rfc822;martine.roux@wanadoo.fr',
      'write to postmaster@example.org',
    ]);
  });

  it('stay as written in prose, or where the domain is no domain', () => {
    const prose = [
      'Marc Lefort marc.lefort at example.net',
      'It failed at 10:14 at example.com, again at noon.',
      'x <a at b> y',
      '<jean at orange.fr at home.example>',
    ].join('\n');
    expect(withPlainArchiveAddresses(prose)).toBe(prose);
  });

  // The patterns run only where a ` at ` sits between a local part and a domain (the ` at ` of prose
  // spares them): after rfc822; in any case too, and before MARC's ` ! ` dots.
  it('are found below prose that says at, the rfc822; ones in capitals too', () => {
    const notice = (lines: string[]) =>
      withPlainArchiveAddresses(['This is the mail system at host mx.example.net.', '', ...lines].join('\n'))
        .split('\n')
        .slice(2);
    expect(
      notice([
        'Final-Recipient: RFC822; JEAN AT ORANGE.FR',
        'Original-Recipient: rfc822;Jean.Dupont At Wanadoo.Fr',
      ]),
    ).toEqual([
      'Final-Recipient: RFC822; JEAN@ORANGE.FR',
      'Original-Recipient: rfc822;Jean.Dupont@Wanadoo.Fr',
    ]);
    expect(notice(['From: <factures at example ! org>'])).toEqual(['From: <factures@example.org>']);
  });

  it("give a pipermail post's log and bounce their sending and recipient domains, not the poster's", async () => {
    const { incidents } = await extract(
      fixtureText('archives45/pipermail-postfix-users-bounce-and-log.txt'),
      options,
    );
    expect(incidents).toHaveLength(1);
    expect(fields(incidents[0])).toEqual({
      occurredAt: '2026-12-04T10:14:03+00:00',
      sendingIps: ['198.51.100.23'],
      sendingDomain: 'news.example.net',
      recipientDomain: 'orange.fr',
      remoteHost: 'smtp-in.orange.fr',
      token: 'OFR006_102',
    });
  });

  it("give a HyperKitty post's delivery report its envelope sender and recipient", async () => {
    const { incidents } = await extract(fixtureText('archives45/hyperkitty-dsn-fields.txt'), options);
    expect(incidents).toHaveLength(1);
    expect(fields(incidents[0])).toEqual({
      occurredAt: '2026-12-04T09:58:41+01:00',
      sendingIps: [],
      sendingDomain: 'lists.asso-exemple.org',
      recipientDomain: 'wanadoo.fr',
      remoteHost: 'smtp-in.orange.fr',
      token: 'OFR004_104',
    });
  });

  it("give a MARC post's report its sender, with MARC's ` ! ` dots", async () => {
    const { incidents } = await extract(fixtureText('archives45/marc-info-bounce-headers.txt'), options);
    expect(incidents).toHaveLength(1);
    expect(fields(incidents[0])).toEqual({
      occurredAt: '2026-12-04T10:21:09+01:00',
      sendingIps: [],
      sendingDomain: 'example.org',
      recipientDomain: 'orange.fr',
      remoteHost: 'smtp-in.orange.fr',
      token: 'OFR005_405',
    });
  });
});

const EXIM_NOTICE = [
  'This message was created automatically by mail delivery software.',
  '',
  'A message that you sent could not be delivered to one or more of its',
  'recipients. This is a permanent error. The following address(es) failed:',
  '',
];

describe("an archive's masked addresses without brackets", () => {
  it("are written as addresses on Exim's recipient lines and after its log flags", () => {
    expect(
      withPlainArchiveAddresses(
        [
          ...EXIM_NOTICE,
          '  jean.dupont at orange.fr',
          '    host smtp-in.orange.fr [193.252.22.65]',
          '>   martine.roux () wanadoo ! fr:',
          '2026-12-04 10:14:03 1vXyZa-000AbC-Q1 <= infos at lists.example.org H=localhost [127.0.0.1] P=esmtp',
          '2026-12-04 10:14:04 1vXyZa-000AbC-Q1 ** jean at orange.fr R=dnslookup T=remote_smtp',
          '2026-12-04 10:14:04 1vXyZa-000AbC-Q1 == paul at wanadoo.fr <alias at example.org> R=dnslookup',
          '2026-12-04 10:14:05 1vXyZa-000AbC-Q1 => anne at example.net',
        ].join('\n'),
      ).split('\n'),
    ).toEqual([
      ...EXIM_NOTICE,
      '  jean.dupont@orange.fr',
      '    host smtp-in.orange.fr [193.252.22.65]',
      '>   martine.roux@wanadoo.fr:',
      '2026-12-04 10:14:03 1vXyZa-000AbC-Q1 <= infos@lists.example.org H=localhost [127.0.0.1] P=esmtp',
      '2026-12-04 10:14:04 1vXyZa-000AbC-Q1 ** jean@orange.fr R=dnslookup T=remote_smtp',
      '2026-12-04 10:14:04 1vXyZa-000AbC-Q1 == paul@wanadoo.fr <alias@example.org> R=dnslookup',
      '2026-12-04 10:14:05 1vXyZa-000AbC-Q1 => anne@example.net',
    ]);
  });

  it('stay as written in prose, and on an address line with no Exim notice above it', () => {
    const prose = [
      '  jean.dupont at orange.fr',
      ...EXIM_NOTICE,
      '  meet me at orange.fr',
      'We meet at orange.fr, or write to jean at orange.fr.',
      '  jean at orange.fr please',
      '** jean at orange.fr was bounced **',
      '=> see jean at orange.fr',
    ].join('\n');
    expect(withPlainArchiveAddresses(prose)).toBe(prose);
  });

  it('are read in linear time on 1 MB hostile lines', () => {
    const hostile = [
      `  a at ${'a.'.repeat(500_000)}`,
      `** ${'a at b.'.repeat(150_000)}`,
      `${' at '.repeat(250_000)}`,
      `${'<= a at b.c x'.repeat(80_000)}`,
    ];
    for (const line of hostile) {
      const text = `${EXIM_NOTICE.join('\n')}${line}\n`;
      expect(withPlainArchiveAddresses(text)).toBe(text);
    }
  });

  it("give a pipermail post's Exim bounce its recipient's domain, not the poster's", async () => {
    const { incidents } = await extract(
      fixtureText('left47/pipermail-exim-users-bounce-unbracketed.txt'),
      options,
    );
    expect(incidents).toHaveLength(1);
    expect(fields(incidents[0])).toEqual({
      occurredAt: null,
      sendingIps: ['198.51.100.41'],
      sendingDomain: null,
      recipientDomain: 'orange.fr',
      remoteHost: 'smtp-in.orange.fr',
      token: 'OFR006_102',
    });
    expect(incidents[0]?.sources.recipientDomain?.line).toBe(20);
  });

  it("give a pipermail post's Exim log its sending and recipient domains", async () => {
    const { incidents } = await extract(
      fixtureText('left47/pipermail-exim-users-mainlog-unbracketed.txt'),
      options,
    );
    expect(incidents).toHaveLength(1);
    expect(fields(incidents[0])).toEqual({
      occurredAt: '2026-12-04T10:14:04+00:00',
      sendingIps: ['198.51.100.41'],
      sendingDomain: 'lists.asso-exemple.org',
      recipientDomain: 'wanadoo.fr',
      remoteHost: 'smtp-in.orange.fr',
      token: 'OFR006_102',
    });
  });
});
