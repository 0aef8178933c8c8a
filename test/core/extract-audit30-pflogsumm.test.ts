/**
 * pflogsumm's daily report pasted in a forum: its deferral and bounce detail sections list each reply
 * once, shortened and without its code unless pflogsumm ran with --verbose-msg-detail
 * (test/fixtures/extract/audit30orangewild/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { pflogsummReplies } from '../../core/extract/pflogsumm-report';

const fixture = (name: string) =>
  readFileSync(
    fileURLToPath(new URL(`../fixtures/extract/audit30orangewild/${name}`, import.meta.url)),
    'utf8',
  );
const options = { now: new Date('2026-12-05T12:00:00Z') };

describe('pflogsumm’s report', () => {
  it('reads each shortened deferral as Orange’s refusal, said cut, no code or token invented', async () => {
    const { incidents } = await extract(fixture('pflogsumm-report-fr-forum.txt'), options);
    expect(incidents).toHaveLength(3);
    const [busy, blocked, bounced] = incidents;
    expect(busy?.reply).toEqual({
      code: null,
      enhanced: null,
      text: 'mwinf5c36 ME Service refuse. Veuillez essayer plus tard. S...',
    });
    expect(busy?.orange).toEqual({ token: null, reason: null, server: 'mwinf5c36' });
    expect(busy?.assumptions.map((a) => a.code)).toContain('pflogsumm-reply-cut');
    // pflogsumm cut Orange's 102 at the `http:` of its Cloudmark link: the link's address is still there.
    expect(blocked?.reply.text).toBe('//csi.cloudmark.com/reset-request/?ip=203.0.113.61 [102]');
    expect(blocked?.sendingIps).toEqual(['203.0.113.61']);
    expect(blocked?.assumptions.map((a) => a.code)).toEqual(['pflogsumm-reply-head-cut']);
    expect(blocked?.orange).toBeNull();
    // The report gives days, not the time of each refusal.
    expect(busy?.occurredAt).toBeNull();
    expect(bounced?.reply).toEqual({
      code: null,
      enhanced: '5.2.0',
      text: '5.2.0 Mail rejete. Mail rejected. OFR_506 [506]',
    });
    expect(bounced?.assumptions.map((a) => a.code)).toEqual(['pflogsumm-code-dropped']);
    expect(bounced?.remoteHost).toBe('smtp-in.orange.fr');
    expect(bounced?.remoteIp).toBe('80.12.242.10');
  });

  it('reads a verbose report’s whole reasons, host and reply apart', () => {
    const replies = pflogsummReplies([
      'message deferral detail',
      '-----------------------',
      '  smtp (total: 2)',
      '         2   host smtp-in.orange.fr[193.252.22.84] refused to talk to me: 421 mwinf5c36 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR004_999 [999]',
    ]);
    expect(replies).toEqual([
      {
        text: '421 mwinf5c36 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR004_999 [999]',
        lineIndex: 3,
        remoteHost: 'smtp-in.orange.fr',
        remoteIp: '193.252.22.84',
        remoteLineIndex: 3,
        note: null,
      },
    ]);
  });
});
