/**
 * A multi-line reply a program logs as an array of its lines (array-reply-lines.ts): read whole, up to its
 * last line; a string of another shape is no line of it.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../../core/extract';
import { arrayReplyRest } from '../../../core/extract/array-reply-lines';

const line =
  '["554-Transaction failed", "554-Reject due to policy restrictions.", "554 For explanation visit https://www.ionos.com/help/index.php?id=2425&ip=198.51.100.7&c=hd", ""]';

describe('a reply logged as an array of its lines', () => {
  it('goes on in the next strings up to its last line', () => {
    const close = line.indexOf('"', 2);
    expect(arrayReplyRest(line, '554-Transaction failed', close)).toBe(
      ' 554-Reject due to policy restrictions. 554 For explanation visit https://www.ionos.com/help/index.php?id=2425&ip=198.51.100.7&c=hd',
    );
  });

  it("stops at a string that is no line of the same reply, and after a reply's last line", () => {
    const other = '["550-5.7.1 First line", "421 4.7.0 Another reply", "550 5.7.1 Last"]';
    expect(arrayReplyRest(other, '550-5.7.1 First line', other.indexOf('"', 2))).toBe('');
    const one = '["550 5.7.1 Done", "550 5.7.1 Done again"]';
    expect(arrayReplyRest(one, '550 5.7.1 Done', one.indexOf('"', 2))).toBe('');
  });

  it('gives the whole reply and the address IONOS names in its link', async () => {
    const { incidents } = await extract(`The server said:\n\n${line}\n`, {
      now: new Date('2026-12-07T12:00:00Z'),
    });
    expect(incidents.map((i) => [i.reply?.text, i.sendingIps])).toEqual([
      [
        '554 Transaction failed Reject due to policy restrictions. For explanation visit https://www.ionos.com/help/index.php?id=2425&ip=198.51.100.7&c=hd',
        ['198.51.100.7'],
      ],
    ]);
  });
});
