/**
 * The CLI decodes ASCII-only chunks of a log whole with Node's faster functions (cli/ascii-text.ts); the
 * text must be exactly what the chunk decoder gives without them, wherever the chunks are cut.
 */
import { asciiText } from '../../cli/ascii-text';
import { createChunkDecoder } from '../../core/summary/text-decoder';

const LOG = Buffer.concat([
  Buffer.from(
    'Mar 14 00:00:01 mta1 postfix/qmgr[900]: 4QABC000001: from=<news@example.com>, size=2000, nrcpt=1 (queue active)\n',
  ),
  // An ISO-8859-1 line (Latin-1 é), then a UTF-8 one, then CRLF and CR-only line ends.
  Buffer.from('Mar 14 00:00:02 mta1 postfix/smtp[901]: 4QABC000001: to=<fr', 'latin1'),
  Buffer.from([0xe9]),
  Buffer.from('d', 'latin1'),
  Buffer.from([0xe9]),
  Buffer.from(
    'ric@orange.fr>, status=deferred (host smtp-in.orange.fr[193.252.22.65] said: 421 mwinf5c10 ME Trop de connexions [104])\n',
  ),
  Buffer.from(
    'Mar 14 00:00:03 mta1 postfix/smtp[901]: 4QABC000002: to=<élodie@wanadoo.fr>, status=sent (250 ok)\r\n',
  ),
  Buffer.from('Mar 14 00:00:04 mta1 postfix/qmgr[900]: 4QABC000001: removed\rMar 14 00:00:05 mta1 last line'),
]);

function decode(size: number, ascii: boolean) {
  let fast = 0;
  const decoder = createChunkDecoder(
    ascii
      ? {
          ascii: (bytes) => {
            const text = asciiText(bytes);
            if (text !== null) fast++;
            return text;
          },
        }
      : {},
  );
  let text = '';
  for (let at = 0; at < LOG.length; at += size) text += decoder.decode(LOG.subarray(at, at + size));
  return { text: text + decoder.flush(), latin1Lines: decoder.latin1Lines, fast };
}

describe('asciiText', () => {
  it('gives the text of ASCII bytes, and null as soon as one byte is not ASCII', () => {
    expect(asciiText(Buffer.from('status=sent (250 ok)\r\n'))).toBe('status=sent (250 ok)\r\n');
    expect(asciiText(Buffer.from('to=<élodie@wanadoo.fr>'))).toBeNull();
    expect(asciiText(Uint8Array.of(0x61, 0xe9))).toBeNull();
  });

  it.each([1, 2, 3, 7, 16, 50, 97, 4096])(
    'decodes a log with Latin-1, UTF-8 and CR line ends exactly as without it (chunks of %i bytes)',
    (size) => {
      const plain = decode(size, false);
      const fast = decode(size, true);
      expect(fast.text).toBe(plain.text);
      expect(fast.latin1Lines).toBe(plain.latin1Lines);
      expect(plain.latin1Lines).toBe(1);
      // Small chunks of a mostly ASCII log are ASCII: the fast path was taken.
      if (size < 100) expect(fast.fast).toBeGreaterThan(0);
    },
  );
});
