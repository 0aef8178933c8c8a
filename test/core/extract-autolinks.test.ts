import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { withoutAutolinks } from '../../core/extract/autolinks';

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
