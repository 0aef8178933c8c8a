/**
 * Notices forwarded by a mail client and pasted with the forwarder's words above them, an application's
 * log pasted in a bug report, a notice shown in a terminal (`cat -A`, `less -N`). Fixtures and their sources: test/fixtures/extract/paste41/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const dir = fileURLToPath(new URL('../fixtures/extract/paste41/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');

describe("a forward's header lines in another language under a few words, no separator above them", () => {
  it("reads Outlook's French `De :`/`Envoyé :`/`À :` lines as the notice's header: its date and the sender's domain", async () => {
    const { incidents } = await extract(fixture('outlook-fr-reading-pane-forward-102.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      sendingDomain: 'boutique-durand.example',
      recipientDomain: 'orange.fr',
      remoteHost: 'smtp-in.orange.fr',
      remoteIp: '193.252.22.65',
      sendingIps: ['203.0.113.45'],
    });
    expect(incidents[0]?.occurredAt).toMatch(/^2026-12-04T10:14:00/);
    expect(incidents[0]?.sources.sendingDomain?.line).toBe(9);
    // The date is the client's line, to the minute, and a note says so.
    expect(incidents[0]?.sources.occurredAt?.line).toBe(8);
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('date.forwarded-notice');
  });

  it('reads German labels too, and leaves words with a single label line alone', async () => {
    const german = fixture('outlook-fr-reading-pane-forward-102.txt')
      .replace('De :', 'Von:')
      .replace('Envoyé : vendredi 4 décembre 2026 10:14', 'Gesendet: Freitag, 4. Dezember 2026 10:14')
      .replace('À :', 'An:')
      .replace('Objet :', 'Betreff:');
    const read = await extract(german);
    expect(read.incidents[0]?.sendingDomain).toBe('boutique-durand.example');
    expect(read.incidents[0]?.occurredAt).toMatch(/^2026-12-04T10:14:00/);
    // One label (`Objet :` in the words) is no forward's header: the notice gives no sending domain.
    const words = [
      'Bonjour,',
      '',
      'Objet : refus Orange',
      '',
      '<jean.martin@orange.fr>: host smtp-in.orange.fr[193.252.22.65] said: 550 5.7.1 refused',
    ].join('\n');
    const alone = await extract(words);
    expect(alone.incidents[0]?.sendingDomain).toBeNull();
  });
});

describe("Orange's webmail quoting a notice under `Message du …`", () => {
  it("reads its `De :`/`A :` lines as the notice's header: the sender's domain, the date of its line", async () => {
    const { incidents } = await extract(fixture('orange-webmail-quoted-notice-104.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      occurredAt: '2026-12-04T18:42:00+00:00',
      sendingDomain: 'cabinet-petit.example',
      recipientDomain: 'wanadoo.fr',
      remoteIp: '193.252.22.84',
    });
    expect(incidents[0]?.orange?.reason).toBe(104);
    expect(incidents[0]?.sources.occurredAt?.line).toBe(8);
    expect(incidents[0]?.sources.sendingDomain?.line).toBe(10);
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('date.forwarded-notice');
  });
});

describe("an application's log lines whose stamp looks like an Exim log's", () => {
  it("reads the reply after `SMTP error:` in a bug report's fenced log, dated by its line", async () => {
    const { incidents } = await extract(fixture('github-issue-app-log-smtp-error.md'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(
      '421 mwinf5c77 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR004_104 [104]',
    );
    expect(incidents[0]?.orange?.reason).toBe(104);
    expect(incidents[0]?.occurredAt).toBe('2026-12-04T10:14:02+00:00');
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('date.no-zone');
    expect(incidents[0]?.sources.reply?.line).toBe(9);
    // The relay the application connects to is its own: no field takes it for Orange's.
    expect(incidents[0]?.remoteHost).toBeNull();
  });
});

describe('a notice shown in a terminal and copied from it', () => {
  const expected = {
    occurredAt: '2026-12-04T16:05:41+01:00',
    sendingDomain: 'fleuriste-garnier.example',
    recipientDomain: 'orange.fr',
    remoteHost: 'smtp-in.orange.fr',
    sendingIps: ['198.51.100.77'],
  };
  const reply =
    '550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=198.51.100.77 [102]';

  it.each([['cat-A-crlf-delivery-status.txt'], ['less-N-delivery-status.txt']])(
    '%s is read without the marks the tool added',
    async (name) => {
      const { incidents } = await extract(fixture(name));
      expect(incidents).toHaveLength(1);
      expect(incidents[0]).toMatchObject(expected);
      expect(incidents[0]?.reply.text).toBe(reply);
      expect(incidents[0]?.sources.reply?.line).toBe(11);
    },
  );

  it('leaves a text with a single `$` line end, or numbers that do not count up, as it is', async () => {
    const one = await extract('Le serveur a répondu : 550 5.7.1 refused, cost $\nMerci');
    expect(one.incidents[0]?.reply.text).toContain('cost $');
    const codes = ['  421 Too many connections', '  550 5.7.1 Refused'].join('\n');
    const read = await extract(codes);
    expect(read.incidents.map((i) => i.reply.code)).toEqual([421, 550]);
  });
});
