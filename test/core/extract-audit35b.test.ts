/**
 * Bounces from public repositories not used before, round 35b (test/fixtures/extract/audit35b/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit35b/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-05T12:00:00Z') };

describe('qmail-send’s notice pasted, a reply without an enhanced code its longest line', () => {
  it('keeps qmail’s verdict under the reply out of the reply', async () => {
    const { incidents } = await extract(fixture('qmail-paste-554-no-enhanced.txt'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.reply.text).toBe('554 <majordomo@lists-relay.example.org>: Relay access denied');
    expect(incident?.reply.code).toBe(554);
    expect(incident?.remoteIp).toBe('198.51.100.130');
    expect(incident?.recipientDomain).toBe('lists.example.org');
    expect(incident?.sendingHosts).toEqual(['mail.example.com']);
  });
});

describe('a list post quoting qmail-send’s notice with its own header lines', () => {
  it('dates the refusal by the quoted notice’s Date, not by the post’s', async () => {
    const { incidents } = await extract(fixture('list-post-quoting-qmail-notice.eml'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.occurredAt).toBe('2018-10-17T07:43:13+00:00');
    expect(incident?.sources.occurredAt?.text).toBe('> Date: 17 Oct 2018 07:43:13 -0000');
    expect(incident?.orange?.reason).toBe(112);
    expect(incident?.remoteIp).toBe('80.12.242.15');
    // The address the post's author gives in his own words is not read as the sending IP.
    expect(incident?.sendingIps).toEqual([]);
  });
});

describe('a Postfix notice quoted with the addresses its poster typed over', () => {
  it('takes neither `111.11.111.11` nor `222.222.222.222` for a real address', async () => {
    const { incidents } = await extract(fixture('postfix-quoted-placeholder-ips.txt'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.sendingIps).toEqual([]);
    expect(incident?.remoteIp).toBeNull();
    expect(incident?.remoteHost).toBe('postrelay1.example.net');
    expect(incident?.reply.enhanced).toBe('5.7.1');
    expect(incident?.sendingDomain).toBe('example.com');
  });
});

describe('a paste indenting qmail-send’s notice with its own header lines', () => {
  it('dates the refusal by the indented notice’s own Date', async () => {
    const { incidents } = await extract(fixture('paste-indenting-qmail-notice.txt'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.occurredAt).toBe('2018-10-17T07:43:13+00:00');
    expect(incident?.sources.occurredAt?.text).toBe('    Date: 17 Oct 2018 07:43:13 -0000');
    expect(incident?.orange?.reason).toBe(112);
  });
});
