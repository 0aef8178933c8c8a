/**
 * Nineteenth round of real input. Fixtures and their sources: test/fixtures/extract/audit19/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const dir = fileURLToPath(new URL('../fixtures/extract/audit19/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');

describe('a multi-line reply whose first line was copied without its codes', () => {
  it("keeps the first line's words, under the codes of the lines below", async () => {
    const { incidents } = await extract(fixture('gmail-reply-first-codes-lost.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(550);
    expect(incidents[0]?.reply.enhanced).toBe('5.7.26');
    expect(incidents[0]?.reply.text).toMatch(
      /^550 5\.7\.26 This message does not have authentication information or fails to pass authentication checks\. /,
    );
    expect(incidents[0]?.sources.reply?.text).toBe(
      'This message does not have authentication information or fails to',
    );
  });

  it('leaves out a line that ends its sentence, or one the reply does not go on from', async () => {
    const below =
      '550-5.7.26 pass authentication checks. To best protect our users from spam, the\n550 5.7.26 message has been blocked. - gsmtp\n';
    for (const above of [
      'The bounce says the following',
      'Our server got this back from Google this morning, twice.',
    ]) {
      const { incidents } = await extract(`${above}\n${below}`);
      expect(incidents[0]?.reply.text).toBe(
        '550 5.7.26 pass authentication checks. To best protect our users from spam, the message has been blocked. - gsmtp',
      );
    }
    const { incidents } = await extract(
      'Google answered\n550-5.7.1 [203.0.113.7] Our system has detected an unusual rate of\n550 5.7.1 unsolicited mail.\n',
    );
    expect(incidents[0]?.reply.text).toMatch(/^550 5\.7\.1 \[203\.0\.113\.7\] Our system/);
  });
});
