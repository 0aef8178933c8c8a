import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { withoutAutolinks } from '../../core/extract/autolinks';

const links41 = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/links41/${name}`, import.meta.url)), 'utf8');
const fixture = readFileSync(
  fileURLToPath(new URL('../fixtures/extract/audit5/postfix-notice-markdown-autolinks.txt', import.meta.url)),
  'utf8',
);

describe('withoutAutolinks', () => {
  it('puts back links that only repeat their text: web, mail and bracketed', () => {
    expect(withoutAutolinks('host [mx.example.net](http://mx.example.net/)[192.0.2.1] said:')).toBe(
      'host mx.example.net[192.0.2.1] said:',
    );
    expect(withoutAutolinks('<[a@example.org](mailto:a@example.org)>')).toBe('<a@example.org>');
    expect(withoutAutolinks('for [[Orange.fr](https://orange.fr)]')).toBe('for [Orange.fr]');
  });

  it("puts back a mail client's plain-text links, after a log's key= too", () => {
    expect(withoutAutolinks('relay=smtp-in.orange.fr <http://smtp-in.orange.fr>[80.12.24.81]:25')).toBe(
      'relay=smtp-in.orange.fr[80.12.24.81]:25',
    );
    expect(withoutAutolinks('from=<news@example.com <mailto:news@example.com> >, size=5')).toBe(
      'from=<news@example.com>, size=5',
    );
    expect(withoutAutolinks('relay=mx.example.net (http://mx.example.net)[192.0.2.1]')).toBe(
      'relay=mx.example.net[192.0.2.1]',
    );
    const own =
      'Voir la page <https://help.example.com/bounces> et relay=mx.example.net <http://other.example>';
    expect(withoutAutolinks(own)).toBe(own);
  });

  it("keeps a writer's own links and text without links", () => {
    const own = 'See [the help page](https://help.example.com/bounces).';
    expect(withoutAutolinks(own)).toBe(own);
    const plain = 'host mx.example.net[192.0.2.1] said: 550 [102] (in reply to RCPT TO command)';
    expect(withoutAutolinks(plain)).toBe(plain);
  });

  it('stays linear on a long run of brackets and link openings', () => {
    const hostile = `${'[a'.repeat(200_000)}${'](http://'.repeat(50_000)}`;
    expect(withoutAutolinks(hostile)).toBe(hostile);
  });
});

describe('a Postfix notice pasted from a Markdown editor', () => {
  it('gives the remote, its address and the recipient as if pasted plain, citing the lines as pasted', async () => {
    const { incidents } = await extract(fixture);
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.remoteHost).toBe('smtp-in.orange.fr');
    expect(i?.remoteIp).toBe('193.252.22.65');
    expect(i?.recipientDomain).toBe('orange.fr');
    expect(i?.sendingHosts).toEqual(['mta1.example.com']);
    expect(i?.sendingIps).toEqual([]);
    expect(i?.orange?.reason).toBe(102);
    expect(i?.sources.remoteHost?.line).toBe(1);
    expect(i?.sources.sendingHosts?.line).toBe(9);
  });
});

describe('a Postfix log pasted into a message whose client made links of its names', () => {
  it('reads the sender, the remote and Orange’s reply as if the log were pasted plain', async () => {
    const { incidents } = await extract(links41('postfix-log-pasted-from-outlook-plain-text.txt'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.remoteHost).toBe('smtp-in.orange.fr');
    expect(i?.remoteIp).toBe('80.12.24.81');
    expect(i?.sendingIps).toEqual(['203.0.113.25']);
    expect(i?.sendingDomain).toBe('lettre.example.com');
    expect(i?.recipientDomain).toBe('orange.fr');
    expect(i?.orange).toEqual({ token: 'OFR006_102', reason: 102, server: 'mwinf5c12' });
    expect(i?.reply.text).not.toContain('<http');
    expect(i?.sources.sendingDomain?.line).toBe(5);
    expect(i?.sources.remoteHost?.line).toBe(6);
  });
});
