/**
 * Code fences a chat takes inside a line (Slack, Discord, Mattermost: no line break needed around
 * ```): a block opened after the writer's words and closed lines below, closed before the writer's next
 * words, two blocks on one line, a reply fenced on its own line. The log lines and replies inside are
 * read as if unfenced. Fixtures and sources: test/fixtures/extract/paste39/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const dir = fileURLToPath(new URL('../fixtures/extract/paste39/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');

describe('code fences inside a line, as chats take them', () => {
  it("reads a block opened after the writer's words: its first line's sender counts (CRLF)", async () => {
    const { incidents } = await extract(fixture('discord-block-after-words-crlf.txt'));
    expect(incidents).toHaveLength(1);
    const incident = incidents[0];
    expect(incident?.reply.text).toBe('550 5.2.0 Mail rejete. Mail rejected. ofr_506 [506]');
    // The qmgr line after `... mail.log says: ```` gives the sender.
    expect(incident?.sendingDomain).toBe('example.com');
    expect(incident?.sources.sendingDomain?.line).toBe(2);
    expect(incident?.recipientDomain).toBe('wanadoo.fr');
    expect(incident?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident?.remoteIp).toBe('80.12.242.15');
    expect(incident?.sources.reply?.line).toBe(3);
  });

  it('reads two blocks on one line as two log lines: the 999 and the 104 that preceded it', async () => {
    const { incidents } = await extract(fixture('slack-two-blocks-one-line.txt'));
    expect(incidents.map((i) => i.orange?.reason)).toEqual([104, 999]);
    expect(incidents.map((i) => i.occurredAt)).toEqual([
      '2026-03-15T02:10:44+00:00',
      '2026-03-15T02:14:02+00:00',
    ]);
    for (const incident of incidents) {
      expect(incident.reply.text).not.toContain('`');
      expect(incident.remoteIp).toBe('193.252.22.65');
      expect(incident.sources.reply?.line).toBe(2);
    }
    expect(incidents[1]?.trigger?.reason).toBe(104);
  });

  it('reads a reply fenced on one line, the opening fence glued to it', async () => {
    const reply = '550 5.7.1 Service unavailable; Client host [198.51.100.7] blocked using zen.spamhaus.org';
    for (const text of [
      `our MX log:\n\`\`\`${reply}\`\`\``,
      `\`\`\`${reply}\n\`\`\``,
      `\`\`\`\`${reply}\`\`\`\``,
    ]) {
      const { incidents } = await extract(text);
      expect(incidents).toHaveLength(1);
      expect(incidents[0]?.reply.text).toBe(reply);
      expect(incidents[0]?.sendingIps).toEqual(['198.51.100.7']);
    }
  });
});
