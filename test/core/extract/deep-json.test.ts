/**
 * A line of JSON-looking text nested beyond any event (a million `[`, hostile or broken) is refused
 * before a parser reads it: the json5 package kept a frame per level, 300 bytes for each byte of the
 * line. Relaxed JSON as documentation writes it (a comma after the last member) is still read with it.
 */
import JSON5 from 'json5';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { extract } from '../../../core/extract';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('JSON nested beyond any event', () => {
  it('is refused without handing it to json5', async () => {
    const parse = vi.spyOn(JSON5, 'parse');
    const result = await extract('['.repeat(200_000));
    expect(result.incidents).toEqual([]);
    expect(parse).not.toHaveBeenCalled();
  });

  it('is refused inside an event too, strings aside', async () => {
    const parse = vi.spyOn(JSON5, 'parse');
    await extract(
      `{"event": "bounce", "reason": "550 x ${'['.repeat(100)}", "x": ${'['.repeat(65)}1${']'.repeat(65)},}`,
    );
    expect(parse).not.toHaveBeenCalled();
  });

  it('still reads a SendGrid event with a comma after its last member, strings full of brackets', async () => {
    const parse = vi.spyOn(JSON5, 'parse');
    const event = `[{"email": "jean.dupont@orange.fr", "timestamp": 1732871245, "event": "bounce", "ip": "198.51.100.27", "note": "${'['.repeat(100)}", "reason": "550 5.7.1 Service refuse. Veuillez essayer plus tard. OFR006_103 [103]", "status": "5.7.1",}]`;
    const { incidents } = await extract(event);
    expect(parse).toHaveBeenCalled();
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(550);
    expect(incidents[0]?.orange?.reason).toBe(103);
  });
});
