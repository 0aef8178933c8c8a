/**
 * A reply quoted inside a person's paragraph ends where the person's own next sentence starts
 * (test/fixtures/extract/hunt48/SOURCES.md, LukeSmithxyz/emailwiz issue 82).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { beforeWriterSentence } from '../../core/extract/writer-sentence';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/hunt48/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-07T12:00:00Z') };

describe("web.de's reply quoted in the writer's sentence (`The Diagnostic-Code says: smtp; 550-...`)", () => {
  it("gives the reply without the writer's sentences after it", async () => {
    const { incidents } = await extract(fixture('emailwiz-82-webde-diagnostic-in-sentence.md'), options);
    expect(incidents.map((i) => i.reply)).toEqual([
      {
        code: 550,
        enhanced: null,
        text: '550 Requested action not taken: mailbox unavailable invalid DNS MX or A/AAAA resource record',
      },
    ]);
  });
});

describe('beforeWriterSentence', () => {
  it("keeps a reply's own sentences, also those in the first person plural", () => {
    const reply =
      "550 5.7.1 Unfortunately, messages from [192.0.2.1] weren't sent. Please contact your Internet service provider. We do not accept mail from your network.";
    expect(beforeWriterSentence(reply)).toBe(reply);
  });

  it('cuts at `I` and a verb a writer uses of themselves, keeping the period', () => {
    expect(beforeWriterSentence("554 Message not allowed. I've checked my SPF record twice.")).toBe(
      '554 Message not allowed.',
    );
  });

  it('runs in linear time on a long line of sentence ends', () => {
    const line = `550 x${'. I'.repeat(300_000)}`;
    const started = performance.now();
    beforeWriterSentence(line);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
