/**
 * Log stamps the reader did not know: a zone-less `YYYY-MM-DD HH:MM:SS host prog[pid]:` syslog template,
 * and a container's MTA writing lines without a stamp, dated by Docker's json-file `time` or by the
 * container runtime's (CRI) stamp (test/fixtures/extract/audit27/SOURCES-smalllogs.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { createLogScanner } from '../../core/extract/logs';
import { parseSyslog } from '../../core/extract/logs/syslog';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit27/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };

describe('a syslog template writing the date and the time apart, without a zone', () => {
  it('reads the Postfix log with its host, its sender and the zone assumption said', async () => {
    const { incidents } = await extract(fixture('derived-syslog-spaced-stamp-postfix-orange.log'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.format).toBe('postfix');
    expect(incident?.occurredAt).toBe('2019-10-22T03:39:17+00:00');
    expect(incident?.sendingHosts).toEqual(['mx1.example.net']);
    expect(incident?.sendingDomain).toBe('example.com');
    expect(incident?.sources.sendingDomain?.line).toBe(2);
    expect(incident?.remoteIp).toBe('193.252.22.65');
    expect(incident?.orange?.token).toBe('OFR006_102');
    expect(incident?.assumptions.map((a) => a.text.en).join(' ')).toMatch(/no time zone: zone UTC assumed/);
  });

  it('is read in the zone the user gives, as other zone-less stamps are', async () => {
    const { incidents } = await extract(fixture('derived-syslog-spaced-stamp-postfix-orange.log'), {
      ...options,
      assumeZone: 'Europe/Paris',
    });
    expect(incidents[0]?.occurredAt).toBe('2019-10-22T03:39:17+02:00');
  });

  it("leaves Exim's own main log alone: its message id is no host and program", () => {
    expect(
      parseSyslog('2019-10-22 03:39:17 1iMmZB-0007lP-Qw ** jean@orange.fr R=dnslookup T=remote_smtp'),
    ).toBeNull();
    expect(parseSyslog('2019-10-22 03:39:17 1iMmZB-0007lP-Qw H=mx [1.2.3.4]: SMTP error')).toBeNull();
    expect(parseSyslog('2019-10-22 03:39:17 mx1.fqdn.local exim[29786]: dovecot_login failed')?.host).toBe(
      'mx1.fqdn.local',
    );
  });
});

describe("a container's MTA writing lines without a stamp", () => {
  for (const name of [
    'derived-docker-json-stampless-postfix-orange.log',
    'derived-cri-stampless-postfix-orange.log',
  ]) {
    it(`dates the refusal by the container's capture time (${name})`, async () => {
      const { incidents } = await extract(fixture(name), options);
      expect(incidents).toHaveLength(1);
      const [incident] = incidents;
      expect(incident?.format).toBe('postfix');
      expect(incident?.occurredAt).toBe('2018-08-22T07:30:18+00:00');
      expect(incident?.sources.occurredAt?.line).toBe(2);
      expect(incident?.sendingDomain).toBe('example.com');
      expect(incident?.remoteIp).toBe('80.12.242.15');
      expect(incident?.recipientDomain).toBe('wanadoo.fr');
    });

    it(`reads it alike when the file is streamed (${name})`, () => {
      const scanner = createLogScanner(options);
      fixture(name)
        .split('\n')
        .forEach((line, i) => {
          scanner.push(line, i + 1);
        });
      const { incidents } = scanner.finish();
      expect(incidents).toHaveLength(1);
      expect(Date.parse(incidents[0]?.occurredAt ?? '')).toBe(Date.parse('2018-08-22T07:30:18Z'));
    });
  }
});

describe("qmail's status quoted without its log line's start", () => {
  it('reads the status a French mail quotes, its underscores as spaces', async () => {
    const { incidents } = await extract(fixture('derived-qmail-status-quoted-in-mail-fr.txt'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.reply.code).toBe(550);
    expect(incident?.reply.text).toBe(
      '550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=203.0.113.7 [102]',
    );
    expect(incident?.orange).toEqual({ token: 'OFR006_102', reason: 102, server: 'mwinf5c04' });
    expect(incident?.remoteIp).toBe('193.252.22.65');
    expect(incident?.sendingIps).toEqual(['203.0.113.7']);
    expect(incident?.sources.reply?.line).toBe(6);
  });

  it("reads a forum post's `deferral:` status, and finds no date it does not give", async () => {
    const { incidents } = await extract(fixture('derived-qmail-status-forum-post-en.txt'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.reply.code).toBe(421);
    expect(incident?.orange?.token).toBe('OFR004_104');
    expect(incident?.remoteIp).toBe('193.252.22.65');
    expect(incident?.occurredAt).toBeNull();
    expect(incident?.sendingIps).toEqual([]);
  });

  it('joins the status a mail client cut at its column inside the quote of a reply', async () => {
    const { incidents } = await extract(fixture('derived-qmail-status-wrapped-quoted-en.txt'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.reply.text).toBe(
      '550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=203.0.113.7 [102]',
    );
    expect(incident?.orange?.token).toBe('OFR006_102');
    expect(incident?.sendingIps).toEqual(['203.0.113.7']);
    expect(incident?.sources.reply?.line).toBe(14);
  });

  it('joins it when the quote was cut after its `> ` was added (the next lines without it)', async () => {
    const { incidents } = await extract(fixture('derived-qmail-status-broken-quote-fr.txt'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(
      '550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=203.0.113.7 [102]',
    );
    expect(incidents[0]?.sendingIps).toEqual(['203.0.113.7']);
    expect(incidents[0]?.sources.reply?.line).toBe(14);
  });

  it('joins it alike in a file with CRLF line ends', async () => {
    const text = fixture('derived-qmail-status-wrapped-quoted-en.txt').replace(/\n/g, '\r\n');
    const { incidents } = await extract(text, options);
    expect(incidents[0]?.orange?.token).toBe('OFR006_102');
    expect(incidents[0]?.sources.reply?.line).toBe(14);
  });

  it('keeps two statuses on lines of their own apart', async () => {
    const text = [
      'Connected_to_193.252.22.65_but_sender_was_rejected./Remote_host_said:_550_mwinf5c04_ME_Adresse_IP_source_bloquee_pour_incident_de_spam._Client_host_blocked_for_spamming_issues._OFR006_102_[102]/',
      'Connected_to_80.12.242.15_but_greeting_failed./Remote_host_said:_421_mwinf5c10_ME_Service_refuse._Veuillez_essayer_plus_tard._OFR004_104_[104]/',
    ].join('\n');
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => i.orange?.token)).toEqual(['OFR006_102', 'OFR004_104']);
    // The second as long as the first or shorter, and in qmail's other shape (the remote's address first).
    const other = [
      'Connected_to_193.252.22.65_but_sender_was_rejected./Remote_host_said:_550_mwinf5c04_ME_Adresse_IP_source_bloquee_pour_incident_de_spam._OFR006_102_[102]/Giving_up_on_193.252.22.65./',
      '80.12.242.15_does_not_like_recipient./Remote_host_said:_550_5.1.1_<marie.martin@wanadoo.fr>:_Recipient_address_rejected/Giving_up_on_80.12.242.15./',
    ].join('\n');
    const [first] = (await extract(other, options)).incidents;
    expect(first?.reply.text).toBe(
      '550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. OFR006_102 [102]',
    );
  });

  it('leaves the whole qmail log line to the log reader', async () => {
    const line =
      'delivery 4711: deferral: Connected_to_193.252.22.65_but_greeting_failed./Remote_host_said:_421_mwinf5c04_ME_Trop_de_connexions,_veuillez_verifier_votre_configuration._Too_many_connections,_slow_down._OFR004_104_[104]/';
    const { incidents } = await extract(line, options);
    expect(incidents[0]?.format).toBe('qmail');
    expect(incidents[0]?.sources.reply?.text).toBe(line);
  });
});
