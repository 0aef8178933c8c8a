import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../core/extract';
import { withoutEmlxEnvelope } from '../../core/extract/emlx';
import { fixtureBytes, fixtureText } from './extract/fixtures';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
/** The message an .emlx holds: past its length line, as many bytes as it says. */
function innerMessage(bytes: Uint8Array): Uint8Array {
  const newline = bytes.indexOf(10);
  const length = Number(text(bytes.subarray(0, newline)).trim());
  return bytes.subarray(newline + 1, newline + 1 + length);
}
const fields = (r: Awaited<ReturnType<typeof extractBytes>>) =>
  r.incidents.map((i) => [
    i.occurredAt,
    i.sendingIps,
    i.sendingHosts,
    i.sendingDomain,
    i.reply.text,
    i.orange?.token,
  ]);

describe('Apple Mail .emlx files', () => {
  it.each(['48213', '48219'])(
    'reads %s.emlx as the message it holds, its property list left out',
    async (id) => {
      const bytes = fixtureBytes(`mailboxes/apple-mail-emlx/${id}.emlx`);
      const emlx = await extractBytes(bytes);
      const message = await extractBytes(innerMessage(bytes));
      expect(emlx.incidents).toHaveLength(1);
      expect(fields(emlx)).toEqual(fields(message));
      expect(emlx.warnings.map((w) => w.code)).toEqual(message.warnings.map((w) => w.code));
      // The lines are the file's: one more than the message's (the length line).
      expect(emlx.incidents[0]?.sources.reply?.line).toBe(
        (message.incidents[0]?.sources.reply?.line ?? 0) + 1,
      );
    },
  );

  it('reads a forward saved by Apple Mail as a message: its sender domain and the bounce date line', async () => {
    // The length line hid the headers: the quoted-printable body was read as words, without the
    // message's From: (sending domain) and with the date pointed at the encoded part.
    const r = await extractBytes(fixtureBytes('mailboxes/apple-mail-emlx/51902.emlx'));
    expect(r.incidents).toHaveLength(1);
    const i = r.incidents[0];
    expect(i?.orange?.token).toBe('OFR006_102');
    expect(i?.sendingIps).toEqual(['203.0.113.25']);
    expect(i?.sendingDomain).toBe('atelier-exemple.fr');
    expect(i?.occurredAt).toBe('2026-12-05T08:47:19+01:00');
    expect(i?.sources.occurredAt?.line).toBe(25);
    expect(r.warnings.map((w) => w.code)).toEqual([]);
  });

  it('blanks the length line and the property list, line for line', () => {
    const emlx = fixtureText('mailboxes/apple-mail-emlx/48213.emlx');
    const cleaned = withoutEmlxEnvelope(emlx);
    expect(cleaned.split('\n')).toHaveLength(emlx.split('\n').length);
    expect(cleaned.startsWith('\nReturn-Path: <>\n')).toBe(true);
    expect(cleaned).not.toContain('plist');
    expect(cleaned).toContain('--4HqT2k1ZbRz9');
  });

  it('leaves alone a text that only starts with a number or only ends with a property list', () => {
    const reply = '421\nmwinf5c17 ME Trop de connexions. OFR004_104 [104]\n';
    expect(withoutEmlxEnvelope(reply)).toBe(reply);
    const plist = '<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0">\n<dict/>\n</plist>\n';
    const notEmlx = `Subject: x\n\nbody\n${plist}`;
    expect(withoutEmlxEnvelope(notEmlx)).toBe(notEmlx);
  });
});
