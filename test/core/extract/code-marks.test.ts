/**
 * Text pasted from a chat, a forum or a GitHub issue with its Markdown code marks: a log line in
 * backticks, a fenced block, a reply ending in a fence. The marks go, the line numbers stay.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../../core/extract';
import { withoutCodeMarks } from '../../../core/extract/code-marks';

// As posted in a pull request of ActiveCampaign/smtp-field-manual (the address redacted by its author).
const LINE =
  '2021-04-21T17:16:28+02:00 server1 server1-1/smtp[17514]: EEC614DD82BD4: to=<email@example.com>, relay=smtppromx.orange.fr[xxx.xxx.xxx.xxx]:25, delay=3875, delays=3869/3.3/3.1/0, dsn=4.0.0, status=deferred (host smtppromx.orange.fr[xxx.xxx.xxx.xxx] refused to talk to me: 550 mwinf5c14 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=xxx.xxx.xxx.xxx [102])';

describe('Markdown code marks around a pasted log or reply', () => {
  it.each([
    ['a line in backticks', `\`${LINE}\``],
    ['a fenced block', `Here is the log:\n\`\`\`log\n${LINE}\n\`\`\`\nAny idea?`],
  ])('reads %s as the log line it holds', async (_name, text) => {
    const { incidents } = await extract(text);
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.format).toBe('postfix');
    expect(i?.occurredAt).toBe('2021-04-21T17:16:28+02:00');
    expect(i?.orange).toEqual({ token: 'OFR006_102', reason: 102, server: 'mwinf5c14' });
    expect(i?.reply.text.endsWith('[102]')).toBe(true);
    expect(i?.sendingIps).toEqual([]);
    expect(i?.sources.reply?.line).toBe(text.startsWith('`') ? 1 : 3);
  });

  it('keeps every line (numbers stay those of the paste) and text without marks as it is', () => {
    const text = '```\n`550 5.7.1 blocked`\nmiddle `code` stays\n~~~\n';
    expect(withoutCodeMarks(text)).toBe('\n550 5.7.1 blocked\nmiddle `code` stays\n\n');
    const plain = 'no marks here\r\nat all';
    expect(withoutCodeMarks(plain)).toBe(plain);
  });

  // Only the lines holding a mark character are read: the others, and every kind of line end, are
  // copied as they are, however the lines with marks are spread (first, last, alone, several in a row).
  it('reads the lines with marks among others, whatever their line ends (a trailing backtick goes)', () => {
    const text = '~~~\r\nplain {brace} line\r`550 5.7.1 blocked`\n\n```\n```log\n{code}\r\nlast `x`';
    expect(withoutCodeMarks(text)).toBe('\r\nplain {brace} line\r550 5.7.1 blocked\n\n\n\n\r\nlast `x');
    const fenced = '```\n550 5.7.1 Service refuse. OFR006_102 [102]\n```\n\n'.repeat(3);
    expect(withoutCodeMarks(fenced)).toBe('\n550 5.7.1 Service refuse. OFR006_102 [102]\n\n\n'.repeat(3));
  });

  // Chats take fences inside a line (Slack, Discord): a block opened after the writer's words, closed
  // before the next ones, two blocks on one line. A block opened and closed inside a sentence stays.
  it('takes off fences inside a line, the lines where they were', () => {
    const text = 'see ```a\nb``` then\n```c``` ```d```\nuse ```x``` here';
    expect(withoutCodeMarks(text)).toBe('a\nb\nc       d\nuse ```x``` here');
  });
});
