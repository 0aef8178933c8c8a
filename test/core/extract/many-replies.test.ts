/**
 * A notice listing thousands of refusals is read once, not once per refusal: its incidents each ask for
 * the fuller reply written elsewhere (fuller-reply.ts) and for the recipient the notice lists
 * (notice-recipient.ts). Counted in reads of the replies' texts and of the notice's lines rather than in
 * time: before, each question read them all, quadratic work (the fuzz test times the whole notice).
 */
import { describe, expect, it } from 'vitest';
import type { FoundReply } from '../../../core/extract/body-replies';
import { fullerReply } from '../../../core/extract/fuller-reply';
import { noticeRecipient } from '../../../core/extract/notice-recipient';

const COUNT = 3000;

/** Replies as a notice of many refused messages gives them, each counting the reads of its text. */
function countedReplies(texts: readonly string[], recipientOf: (i: number) => string | null) {
  const reads = { count: 0 };
  const replies = texts.map((text, i): FoundReply => {
    const reply = {
      lineIndex: 2 * i,
      remoteHost: null,
      remoteIp: null,
      remoteLineIndex: null,
      strength: 1 as const,
    };
    return Object.defineProperties(reply, {
      text: {
        get() {
          reads.count++;
          return text;
        },
        enumerable: true,
      },
      recipient: { value: recipientOf(i), enumerable: true },
    }) as FoundReply;
  });
  return { replies, reads };
}

describe('the fuller reply of each of thousands', () => {
  it('is found without reading every reply for each (replies without recipient, starting alike)', () => {
    const texts = Array.from({ length: COUNT }, (_, i) => `550 5.7.1 refused number ${i}`);
    const { replies, reads } = countedReplies(texts, () => null);
    // The first line cut as a DSN's Diagnostic-Code cuts it; the transcript's reply has it whole.
    expect(fullerReply('550 5.7.1 refused number 12', replies, null)?.text).toBe(
      '550 5.7.1 refused number 120',
    );
    for (const text of texts) fullerReply(text, replies, null);
    expect(reads.count).toBeLessThan(20 * COUNT);
  });

  it('is found without reading every recipient’s for each (one identical reply per recipient)', () => {
    const texts = Array.from(
      { length: COUNT },
      () => '550-5.1.1 The email account that you tried to reach does not exist.\n550 5.1.1 Please try',
    );
    const { replies, reads } = countedReplies(texts, (i) => `user${i}@example.org`);
    const cut = '550-5.1.1 The email account that you tried to reach does not exist.';
    expect(fullerReply(cut, replies, 'USER7@example.org')).toBe(replies[7]);
    expect(fullerReply(cut, replies, 'nobody@example.org')).toBeNull();
    for (let i = 0; i < COUNT; i++) fullerReply(cut, replies, `user${i}@example.org`);
    expect(reads.count).toBeLessThan(20 * COUNT);
  });
});

describe('the fuller reply', () => {
  it('is no reply written for another recipient, even one whose address is empty (`<>`)', () => {
    const { replies } = countedReplies(
      ['550-5.7.1 Refused for policy reasons here\n550 5.7.1 see the help'],
      () => '<>',
    );
    expect(fullerReply('550-5.7.1 Refused for policy reasons here', replies, 'user@example.org')).toBeNull();
    expect(fullerReply('550-5.7.1 Refused for policy reasons here', replies, '<>')).toBe(replies[0]);
  });
});

describe('the recipient a notice of thousands of refusals lists', () => {
  it('is looked for once in its lines, however many incidents ask', () => {
    const lines = ['This is the mail system at host mx.example.com.', ''];
    for (let i = 0; i < COUNT; i++) lines.push(`550 5.7.1 refused number ${i} (policy a@b)`, '');
    lines.push('x@example.org: mailbox full', 'Received: from a');
    let reads = 0;
    const counted = new Proxy(lines, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    for (let i = 0; i < COUNT; i++) expect(noticeRecipient(counted)?.address).toBe('x@example.org');
    expect(reads).toBeLessThan(10 * lines.length);
  });
});
