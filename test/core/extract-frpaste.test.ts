/**
 * What French users paste from forums and help pages when Orange refuses their mail, web-page damage
 * included (test/fixtures/extract/frpaste/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/frpaste/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2025-12-05T09:00:00Z') };
const HIDDEN = 'paste.addresses-hidden-by-page';

describe('addresses a web page hid ([email protected])', () => {
  it('reads a Postfix notice in a forum post, the sending domain left empty and why said', async () => {
    const { incidents, warnings } = await extract(
      fixture('cloudflare-hidden-postfix-notice-post.txt'),
      options,
    );
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.orange?.token).toBe('OFR006_102');
    expect(incident?.sendingIps).toEqual(['203.0.113.45']);
    expect(incident?.sendingHosts).toEqual(['mail.atelier-exemple.fr']);
    expect(incident?.remoteIp).toBe('193.252.22.65');
    expect(incident?.sendingDomain).toBeNull();
    expect(warnings.filter((w) => w.code === HIDDEN)).toHaveLength(1);
  });

  it('reads the DSN fields of a page source ([email&#160;protected]) the same way', async () => {
    const { incidents, warnings } = await extract(
      fixture('cloudflare-hidden-dsn-fields-source.txt'),
      options,
    );
    expect(incidents.map((i) => [i.occurredAt, i.orange?.reason, i.sendingHosts, i.sendingDomain])).toEqual([
      ['2025-12-03T14:02:11+01:00', 506, ['mail.atelier-exemple.fr'], null],
    ]);
    expect(warnings.some((w) => w.code === HIDDEN)).toBe(true);
  });

  it("reads cPanel's exim_mainlog from a help page, the hidden sender no domain", async () => {
    const { incidents, warnings } = await extract(fixture('cloudflare-hidden-exim-mainlog.txt'), options);
    expect(incidents.map((i) => [i.occurredAt, i.sendingIps, i.sendingDomain, i.remoteHost])).toEqual([
      ['2025-12-03T14:02:12+00:00', ['203.0.113.45'], null, 'smtp-in.orange.fr'],
    ]);
    expect(warnings.some((w) => w.code === HIDDEN)).toBe(true);
  });

  it('says nothing when the sending domain was read all the same', async () => {
    const text = fixture('cloudflare-hidden-exim-mainlog.txt').replace(
      '<= [email protected]',
      '<= contact@atelier-exemple.fr',
    );
    const { incidents, warnings } = await extract(text, options);
    expect(incidents.map((i) => i.sendingDomain)).toEqual(['atelier-exemple.fr']);
    expect(warnings.some((w) => w.code === HIDDEN)).toBe(false);
  });
});

describe("a link of Orange's reply a forum shortened for display", () => {
  const SHORTENED = 'ip.link-shortened-by-forum';

  it('says what is left of the sending IP in a FluxBB topic (` … `)', async () => {
    const { incidents } = await extract(fixture('fluxbb-topic-cloudmark-link-shortened.txt'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.orange?.reason).toBe(102);
    expect(incident?.sendingIps).toEqual([]);
    expect(incident?.remoteIp).toBe('193.252.22.65');
    const note = incident?.assumptions.find((a) => a.code === SHORTENED);
    expect(note?.text.en).toContain('("51.100.126")');
  });

  it('does so in a phpBB post quoting a Postfix log (` ... `, https)', async () => {
    const { incidents } = await extract(fixture('phpbb-post-postfix-log-link-shortened.txt'), options);
    expect(incidents.map((i) => [i.occurredAt, i.sendingIps, i.sendingHosts, i.sendingDomain])).toEqual([
      ['2025-12-03T13:58:40+00:00', [], ['vps-atelier'], 'atelier-exemple.fr'],
    ]);
    const note = incidents[0]?.assumptions.find((a) => a.code === SHORTENED);
    expect(note?.text.en).toContain('("https://csi.cloudmark.com/reset-request ... .0.113.201")');
  });

  it('says nothing when the link is whole', async () => {
    const text = fixture('fluxbb-topic-cloudmark-link-shortened.txt').replace(
      'reset-request/ … 51.100.126',
      'reset-request/?ip=198.51.100.126',
    );
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => i.sendingIps)).toEqual([['198.51.100.126']]);
    expect(incidents[0]?.assumptions.some((a) => a.code === SHORTENED)).toBe(false);
  });

  it('says nothing of a shortened link that held no address', async () => {
    const text = fixture('fluxbb-topic-cloudmark-link-shortened.txt').replace(
      'http://csi.cloudmark.com/reset-request/ … 51.100.126',
      'https://support.google.com/mail/answer/ … entication',
    );
    const { incidents } = await extract(text, options);
    expect(incidents[0]?.assumptions.some((a) => a.code === SHORTENED)).toBe(false);
  });
});

describe("a list admin's paste of several providers' refusals", () => {
  it("reads each, Orange's alone as Orange's, its sending IP from the Abusix link", async () => {
    const { incidents } = await extract(fixture('list-admin-providers-fenced-orange-abusix.txt'), options);
    expect(
      incidents.map((i) => [i.isOrange, i.remoteHost, i.recipientDomain, i.sendingIps, i.reply.code]),
    ).toEqual([
      [false, 'mx2.ovh.net', null, ['198.51.100.126'], 450],
      [false, 'mx-eu.mail.am0.yahoodns.net', 'yahoo.fr', ['198.51.100.126'], 421],
      [true, 'smtp-in.orange.fr', 'wanadoo.fr', ['198.51.100.126'], 550],
      [false, 'smtp-in.sfr.fr', 'neuf.fr', ['198.51.100.126'], 554],
    ]);
    const orange = incidents[2];
    expect([orange?.orange?.token, orange?.orange?.reason, orange?.orange?.server]).toEqual([
      'OFR004_100',
      100,
      'opmta1mti49nd1',
    ]);
    expect(orange?.remoteIp).toBe('80.12.26.32');
    expect(orange?.reply.text).toMatch(/search\?q=198\.51\.100\.126 \[100\]$/);
  });
});

describe("Gmail's web view in French", () => {
  it('dates the notice by the line under its sender (`3 déc. 2025, 14:02 (il y a 2 jours)`)', async () => {
    const { incidents } = await extract(fixture('gmail-fr-web-view-postfix-notice.txt'), {
      ...options,
      assumeZone: 'Europe/Paris',
    });
    expect(incidents.map((i) => [i.occurredAt, i.orange?.reason, i.sendingHosts, i.remoteIp])).toEqual([
      ['2025-12-03T14:02:00+01:00', 506, ['mail.atelier-exemple.fr'], '193.252.22.65'],
    ]);
  });

  it.each([
    ['with the weekday of its tooltip', '3 déc. 2025, 14:02 (il y a 2 jours)', 'mer. 3 déc. 2025, 14:02'],
    ['in May, written without a period', '3 déc. 2025, 14:02', '3 mai 2025, 14:02'],
  ])('reads the date line %s', async (_what, from, to) => {
    const text = fixture('gmail-fr-web-view-postfix-notice.txt').replace(from, to);
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => i.occurredAt?.slice(0, 10))).toEqual([
      to.includes('mai') ? '2025-05-03' : '2025-12-03',
    ]);
  });

  it("reads the English view below a post's own words as well (`to me` under the date)", async () => {
    const text = fixture('gmail-fr-web-view-postfix-notice.txt')
      .replace('3 déc. 2025, 14:02 (il y a 2 jours)', 'Dec 3, 2025, 2:02 PM (2 days ago)')
      .replace('À moi', 'to me');
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => i.occurredAt)).toEqual(['2025-12-03T14:02:00+00:00']);
  });

  it('takes no date from the view below a post without its recipient line', async () => {
    const text = fixture('gmail-fr-web-view-postfix-notice.txt').replace('À moi\n', '');
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => i.occurredAt)).toEqual([null]);
  });

  it('takes no date from a line that does not follow a mail system', async () => {
    const text = fixture('gmail-fr-web-view-postfix-notice.txt').replace(
      'Mail Delivery System <MAILER-DAEMON@mail.atelier-exemple.fr>',
      'Jean Exemple <jean@atelier-exemple.fr>',
    );
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => i.occurredAt)).toEqual([null]);
  });
});

describe("Roundcube's French reply intro", () => {
  it('dates a quoted notice by `Le 2025-12-03 14:02, Mail Delivery System a écrit :`', async () => {
    const { incidents } = await extract(fixture('roundcube-fr-reply-quoting-postfix-notice.txt'), {
      ...options,
      assumeZone: 'Europe/Paris',
    });
    expect(incidents.map((i) => [i.occurredAt, i.orange?.reason, i.sendingHosts, i.recipientDomain])).toEqual(
      [['2025-12-03T14:02:00+01:00', 506, ['mail.atelier-exemple.fr'], 'wanadoo.fr']],
    );
  });

  it('takes no date from a person’s intro of the same form', async () => {
    const text = fixture('roundcube-fr-reply-quoting-postfix-notice.txt').replace(
      'Mail Delivery System a écrit',
      'Jean Exemple a écrit',
    );
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => i.occurredAt)).toEqual([null]);
  });
});
