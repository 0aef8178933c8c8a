/**
 * Bounces and logs posted to a mailing list and copied from its archive, whose addresses the archive
 * masked: pipermail's `jean at orange.fr`, HyperKitty's `jean(a)orange.fr`, MARC's `jean () orange ! fr`
 * (test/fixtures/extract/archives45/, written in those archives' page layouts).
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
