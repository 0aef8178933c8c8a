/**
 * What people write around what they paste: a chat line before a bounce, an attribution line above a
 * quote, a signature under JSON, two events one after the other, a short reply copied double-spaced.
 * Each reads as the pasted block alone would, its values pointing at their lines in the whole paste.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
const NOW = new Date('2026-11-29T10:00:00Z');
const read = (text: string) => extract(text, { now: NOW });
const fields = async (text: string) =>
  (await read(text)).incidents.map((i) => [
    i.occurredAt,
    i.sendingIps,
    i.sendingHosts,
    i.sendingDomain,
    i.recipientDomain,
    i.remoteHost,
    i.reply.text,
  ]);
const CHAT = 'Hi, we get this bounce since this morning, any idea?';
const SIGNATURE = '-- \nJean Martin\nPostmaster, Example\n+33 1 23 45 67 89\n';

describe('words before or after a pasted block', () => {
  it('a bounce under a chat line is read as a bounce, cited on its own lines', async () => {
    const bounce = fixture('extract/postfix-orange-greeting.eml');
    const alone = await read(bounce);
    const { incidents } = await read(`${CHAT}\n\n${bounce}\n${SIGNATURE}`);
    expect(await fields(`${CHAT}\n\n${bounce}`)).toEqual(await fields(bounce));
    expect(incidents[0]?.sources.reply?.line).toBe((alone.incidents[0]?.sources.reply?.line ?? 0) + 2);
  });

  it('JSON with a chat line above and a signature below is read as the event', async () => {
    const json = fixture('extract/mailgun-failed.json');
    const expected = await fields(json);
    expect(expected).toHaveLength(1);
    expect(await fields(`${CHAT}\n${json}\n${SIGNATURE}`)).toEqual(expected);
    expect(await fields(`${json}\n${SIGNATURE}`)).toEqual(expected);
  });

  it('a piece of an event without its braces, under a chat line', async () => {
    const piece = fixture('extract/mailgun-fragment.txt');
    expect(await fields(`${CHAT}\n${piece}`)).toEqual(await fields(piece));
  });

  it('log lines under a few lines of words keep their date and host', async () => {
    const log =
      'Oct 30 07:51:37 mta1 postfix/smtp[1013]: C696F10A90: to=<jean@free.fr>, relay=mx1.free.fr[212.27.48.7]:25, delay=3, dsn=4.0.0, status=deferred (host mx1.free.fr[212.27.48.7] said: 451 too many errors detected from your IP (198.51.100.97), please visit http://postmaster.free.fr/ (in reply to DATA command))\n';
    const expected = await fields(log);
    expect(expected[0]?.[0]).toMatch(/^2026-10-30T07:51:37/);
    expect(
      await fields(
        `${CHAT}\nOur users say nothing reaches Free since Monday.\nIt seems we are blocked:\n${log}`,
      ),
    ).toEqual(expected);
  });
});

describe('a quote under its attribution line', () => {
  const reply =
    '<claire.petit@orange.fr>: host smtp-in.orange.fr[193.252.22.84] said: 550 5.7.1\n    Service refuse. OFR004_103 [103] (in reply to MAIL FROM command)\n';
  const quoted = (text: string) =>
    text
      .split('\n')
      .map((l) => (l === '' ? l : `> ${l}`))
      .join('\n');

  it("never takes the quoting writer's address for the recipient's, and unquotes a short quote", async () => {
    const expected = await fields(reply);
    for (const attribution of [
      'Le 12 nov. 2024 à 10:02, Jean Dupont <jean.dupont@example.fr> a écrit :',
      'On Tue, Nov 12, 2024 at 10:02 AM Jean Dupont <jean.dupont@example.fr> wrote:',
    ]) {
      expect(await fields(`${attribution}\n${quoted(reply)}`)).toEqual(expected);
    }
    expect(expected[0]?.[4]).toBe('orange.fr');
  });
});

describe('two events one after the other', () => {
  it('pretty-printed objects pasted one below the other are each an incident', async () => {
    const a = fixture('extract/mailgun-failed.json');
    const b = fixture('extract/postmark-bounce.json');
    const both = await fields(`${a}\n${b}`);
    expect(both).toEqual([...(await fields(a)), ...(await fields(b))]);
  });
});

describe('a short reply copied double-spaced', () => {
  it("joins Orange's reply back over its two lines", async () => {
    const expected = await fields(
      '421 mwinf5c77 ME Service refuse. Veuillez essayer plus tard.\nService refused, please try later. OFR_999 [999]\n',
    );
    expect(
      await fields(
        '421 mwinf5c77 ME Service refuse. Veuillez essayer plus tard.\n\nService refused, please try later. OFR_999 [999]\n',
      ),
    ).toEqual(expected);
  });

  it('joins a wrapped Postfix notice line back', async () => {
    const notice =
      '<jean@wanadoo.fr>: host smtp-in.orange.fr[80.12.26.32] refused to\ntalk to me: 550 opmta1mti49nd1 smtp.orange.fr Z6LftNSlNMMrX Adresse IP source\nbloquee par Abusix. IP blocked by Abusix, OFR004_100 please visit\nhttps://lookup.abusix.com/search?q=198.51.100.126 [100]\n';
    const expected = await fields(notice);
    expect(expected[0]?.[1]).toEqual(['198.51.100.126']);
    expect(await fields(notice.replace(/\n/g, '\n\n'))).toEqual(expected);
  });

  it('leaves two short lines of prose alone', async () => {
    const { incidents } = await read('550 5.7.1 Message rejected.\n\nCan you help us?\n');
    expect(incidents[0]?.reply.text).toBe('550 5.7.1 Message rejected.');
  });
});

describe('what is not words around a paste', () => {
  it("a notice's own `--` line is no signature: the reply under it stays", async () => {
    const { incidents } = await read(
      "Address not found\n--\nYour message wasn't delivered to jean@example.net because the address couldn't be found.\n\nThe response was:\n550 Unrouteable address\n",
    );
    expect(incidents[0]?.reply.text).toBe('550 Unrouteable address');
  });

  it('a line of prose without a final stop does not make a paste double-spaced', async () => {
    const { incidents } = await read(
      'Mail sent to me via our relay was bounced with this server reply\n\n554 5.7.1 Relay access denied for <jean@ms1.example.net>\n\nnothing else.\n',
    );
    expect(incidents[0]?.reply.text).toBe('554 5.7.1 Relay access denied for <jean@ms1.example.net>');
  });

  it("a log's next column is no part of a reply read without a wording", async () => {
    const { incidents } = await read(
      '01/02/26 09:05:01\tSMTP-OU\tBBBB2222.MAI\t11\t192.0.2.40\tRCPT\tRCPT TO:<paul@example.net>\t552 5.1.1 Mailbox delivery failure policy error\t30\t10\n',
    );
    expect(incidents[0]?.reply.text).toBe('552 5.1.1 Mailbox delivery failure policy error');
  });
});

describe('a forwarded block', () => {
  it("an mbox, log or JSON under a forward's header lines is read alone", async () => {
    const log =
      'Oct 30 07:51:37 mta1 postfix/smtp[1013]: C696F10A90: to=<jean@orange.fr>, relay=smtp-in.orange.fr[193.252.22.84]:25, delay=3, dsn=5.0.0, status=bounced (host smtp-in.orange.fr[193.252.22.84] said: 550 5.7.1 Service refuse. OFR004_103 [103] (in reply to MAIL FROM command))\n';
    const forward =
      '-----Original Message-----\nFrom: Support <support@example.com>\nSent: Tuesday, November 12, 2024 10:02 AM\nTo: Postmaster <postmaster@example.com>\nSubject: logs\n\n';
    const [forwarded] = await fields(`${forward}${log}`);
    const [alone] = await fields(log);
    expect(forwarded?.slice(1)).toEqual(alone?.slice(1));
    // The log line was written before the message that forwards it (`Sent:` November 12, 2024): its
    // year is the one that does not put it after that date (quoted-log-year.ts), not this year's.
    expect(forwarded?.[0]).toBe('2024-10-30T07:51:37+00:00');
  });

  it("a reply forwarded under a notice's subject is still read", async () => {
    const reply =
      '421 mwinf5c79 ME Trop de connexions, veuillez verifier votre configuration.\nToo many connections, slow down. OFR005_104 [104]\n';
    const forward =
      '---------- Forwarded message ---------\nFrom: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\nDate: Tue, 12 Nov 2024 at 10:02\nSubject: Delivery Status Notification (Failure)\nTo: <jean@example.fr>\n\n\n';
    const { incidents } = await read(`${forward}${reply}`);
    expect(incidents[0]?.orange?.token).toBe('OFR005_104');
  });
});
