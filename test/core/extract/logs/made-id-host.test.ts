// Syslog writes a Postfix line's host field as the machine's short name (`relay1`); the Message-ID Postfix
// (cleanup: `<YYYYMMDDhhmmss.QID@$myhostname>`) or Sendmail (`<$t.$i@$j>`) made on that machine, its queue
// id inside, gives the full one: taken, with a note and a source citing that line, on both paths. An
// application's Message-ID, one made on another machine, or the sender's domain are not taken.
import { readFileSync } from 'node:fs';
import { extract } from '../../../../core/extract';
import { createLogSummary } from '../../../../core/summary';
import type { Incident } from '../../../../core/types';

const fixture = (path: string) => readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8');
const twoRelays = fixture('logs/postfix-two-relays-full-name.log');
const options = { now: new Date('2026-12-07T03:00:00Z') };

/** Each incident summarised, the text pushed in chunks of `chunk` characters (a stream's reads). */
function summarised(input: string, chunk = input.length) {
  const seen: Incident[] = [];
  const session = createLogSummary(options, (incident) => seen.push(incident));
  for (let at = 0; at < input.length; at += chunk) session.pushText(input.slice(at, at + chunk));
  return { result: session.finish(), seen };
}

/** As the summary hears of them (not in the log's order: a queue's deferrals wait for its end). */
const inOrder = (incidents: Incident[]) =>
  incidents.map(view).sort((a, b) => (a.reply ?? 0) - (b.reply ?? 0));

const view = (i: Incident) => ({
  reply: i.sources.reply?.line,
  hosts: i.sendingHosts,
  from: i.sources.sendingHosts,
  note: i.assumptions.find((a) => a.code.startsWith('sending-host-from-'))?.text.en,
});

const cleanupLine =
  'Dec  4 10:14:02 relay1 postfix/cleanup[1901]: 4D2E81C0A2: message-id=<20261204091402.4D2E81C0A2@relay1.example.net>';

describe('the full name of a short syslog host, from the Message-ID its MTA made', () => {
  it('takes relay1.example.net from Postfix’s own Message-ID, leaves relay2 short, on both paths', async () => {
    const pasted = inOrder((await extract(twoRelays, options)).incidents);
    const { result, seen } = summarised(twoRelays);
    expect(inOrder(seen)).toEqual(pasted);
    expect(pasted.map((i) => [i.reply, i.hosts[0]])).toEqual([
      [1, 'relay1.example.net'],
      [2, 'relay2'],
      [6, 'relay1.example.net'],
      [12, 'relay2'],
      [16, 'relay2'],
    ]);
    // The line that gave the name, also for the deferral logged before it.
    expect(pasted[0]?.from).toEqual({ line: 4, text: cleanupLine });
    expect(pasted[0]?.note).toContain('relay1.example.net');
    expect(pasted[0]?.note).toContain('line 4');
    // relay2: an application's Message-ID, one relay1 made (its queue id, not relay2's) and its senders'
    // domain (relay2.example.org) give no name.
    expect(pasted[3]?.from?.line).toBe(12);
    expect(pasted[3]?.note).toContain('short name');
    // (In time order: relay1's lines are at +01:00 by its Message-ID, relay2's in the assumed zone.)
    expect(result.summary.groups.map((g) => g.ip ?? `host:${g.host}`)).toEqual([
      'host:relay1.example.net',
      '198.51.100.23',
      'host:relay2',
      'host:relay2',
    ]);
    const fr = (await extract(twoRelays, options)).incidents[0]?.assumptions.find(
      (a) => a.code === 'sending-host-from-message-id',
    )?.text.fr;
    expect(fr).toContain('«\u00a0relay1\u00a0» dans le champ hôte de syslog\u00a0: relay1.example.net');
  });

  it('cites the same line on both paths with CRLF lines read in small chunks', async () => {
    const crlf = twoRelays.replace(/\n/g, '\r\n');
    const pasted = inOrder((await extract(crlf, options)).incidents);
    for (const chunk of [97, 1000]) expect(inOrder(summarised(crlf, chunk).seen)).toEqual(pasted);
    expect(pasted[2]?.from).toEqual({ line: 4, text: cleanupLine });
  });

  it('names a bounce streamed kilobytes before the line that gives the name (rsyslog’s ISO stamps)', async () => {
    const lines = twoRelays.replace(/^Dec {2}4 (\d\d:\d\d:\d\d)/gm, '2026-12-04T$1.000000+01:00').split('\n');
    // relay1's bounce first, then relay2's deliveries, then the rest (the cleanup line some 8 KB on).
    const sent = Array.from(
      { length: 60 },
      (_, n) =>
        `2026-12-04T10:13:${String(n % 60).padStart(2, '0')}.000000+01:00 relay2 postfix/smtp[2210]: 5E${String(n).padStart(8, '0')}: to=<client${n}@example.com>, relay=mx.example.com[192.0.2.25]:25, delay=0.4, delays=0.01/0/0.2/0.19, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 4R${n})`,
    );
    const text = [lines[5], lines[6], ...sent, ...lines.slice(0, 5), ...lines.slice(7)].join('\n');
    const pasted = inOrder((await extract(text, options)).incidents);
    expect(pasted[0]).toMatchObject({ reply: 1, hosts: ['relay1.example.net'] });
    expect(pasted[0]?.from?.line).toBe(sent.length + 6);
    expect(inOrder(summarised(text, 97).seen)).toEqual(pasted);
  });

  it('takes the name only when its first label is the syslog host', async () => {
    const other = twoRelays.replace('4D2E81C0A2@relay1.example.net', '4D2E81C0A2@mail.example.net');
    const pasted = (await extract(other, options)).incidents;
    const { seen } = summarised(other);
    for (const incident of [...pasted, ...seen]) expect(incident.sendingHosts[0]).toMatch(/^relay[12]$/);
    // Nor a placeholder, nor a name under no public suffix (the forum log's `nuc` as `nuc.home`).
    for (const name of ['relay1.xxxxx.xx', 'relay1.home']) {
      const masked = twoRelays.replace('4D2E81C0A2@relay1.example.net', `4D2E81C0A2@${name}`);
      expect((await extract(masked, options)).incidents[0]?.sendingHosts).toEqual(['relay1']);
    }
    // Case aside: `Relay1` in the host field.
    const upper = twoRelays.replace(/ relay1 /g, ' Relay1 ');
    expect((await extract(upper, options)).incidents[0]?.sendingHosts).toEqual(['relay1.example.net']);
  });

  it('takes the name Postfix’s smtp warns a server greeted it with (a mail loop), CRLF lines', async () => {
    const loop = fixture('logs/postfix-loop-own-hostname.log').replace(/\n/g, '\r\n');
    const pasted = inOrder((await extract(loop, options)).incidents);
    expect(pasted.map((i) => i.hosts)).toEqual([['relay3.example.org']]);
    expect(pasted[0]?.from?.line).toBe(3);
    expect(pasted[0]?.note).toContain('greeted it with its own name');
    expect(inOrder(summarised(loop, 97).seen)).toEqual(pasted);
    // Not from smtpd's lines, whose hosts are the clients'.
    const smtpd = loop.replace(/postfix\/smtp\[4425\]: warning/g, 'postfix/smtpd[4420]: warning');
    expect((await extract(smtpd, options)).incidents[0]?.sendingHosts).toEqual(['relay3']);
  });

  it('takes Sendmail’s own msgid, not a name without a dot nor a poster’s placeholder', async () => {
    const msp = fixture('logs/real-world/sendmail-msp-loopback.log');
    const pasted = (await extract(msp, options)).incidents;
    expect(pasted[0]?.sendingHosts).toEqual(['web1.example.com']);
    expect(pasted[0]?.sources.sendingHosts?.line).toBe(1);
    expect(inOrder(summarised(msp).seen)).toEqual(inOrder(pasted));
    // `msgid=<…@mkalimu>`: Sendmail's $j was no full name either.
    const bare = fixture('extract/audit26/sendmail-1and1-421-two-mx-msgid.log');
    for (const incident of (await extract(bare, options)).incidents)
      expect(incident.sendingHosts).toEqual(['mkalimu']);
  });
});
