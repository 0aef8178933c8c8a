/**
 * Postal's details under a server's reply when no server took the message (postal-no-servers.ts): the
 * recipient's domain, and the host tried when it is the only one named.
 */
import { describe, expect, it } from 'vitest';
import { postalNoServersBelow } from '../../../core/extract/postal-no-servers';

const below = (text: string) => {
  const lines = text.split('\n');
  return postalNoServersBelow((i) => lines[i] ?? '', 0, lines.length);
};

describe("Postal's `No SMTP servers were available for`", () => {
  it('names the domain and the one host tried, under the reply and its Support Ref line', () => {
    expect(
      below(
        '421 mx.example.net No reverse DNS\nSupport Ref: ABC\n\nNo SMTP servers were available for example.net. Tried mx.example.net',
      ),
    ).toEqual({ domain: 'example.net', host: 'mx.example.net', lineIndex: 3 });
  });

  it('names no host when it tried several (which one replied is not said)', () => {
    expect(
      below(
        '421 Try later\nNo SMTP servers were available for example.net. Tried mx1.example.net and mx2.example.net.',
      ),
    ).toEqual({ domain: 'example.net', host: null, lineIndex: 1 });
  });

  it('is not looked for further than a few lines under the reply', () => {
    expect(below('421 Try later\n\n\n\n\nNo SMTP servers were available for example.net.')).toBeNull();
  });
});
