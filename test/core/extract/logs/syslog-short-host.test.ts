// A Postfix line's syslog host (`relay1 postfix/smtp[…]`) is the machine's short name: kept as the sending
// host (it names the machine, and keys the summary when the log gives no IP), with a note saying Orange
// wants the full name and how to read it; a host field written whole (rsyslog's PreserveFQDN) needs none.
import { readFileSync } from 'node:fs';
import { extract } from '../../../../core/extract';
import { createLogSummary } from '../../../../core/summary';
import type { Incident } from '../../../../core/types';

// Without its cleanup line, whose Message-ID gives relay1's full name (made-id-host.test.ts).
const text = readFileSync(
  new URL('../../../fixtures/logs/postfix-made-message-id-no-year.log', import.meta.url),
  'utf8',
).replace(/^.*message-id=<.*\n/m, '');
const options = { now: new Date('2026-12-07T03:00:00Z') };

const hostNote = (i: Incident) => i.assumptions.find((a) => a.code === 'sending-host-from-syslog')?.text.en;

function summarised(input: string) {
  const seen: Incident[] = [];
  const session = createLogSummary(options, (incident) => seen.push(incident));
  session.pushText(input);
  return { result: session.finish(), seen };
}

describe('the syslog host field as the sending host', () => {
  it('keeps the short name when no line gives the full one, and says so, on both paths', async () => {
    const pasted = (await extract(text, options)).incidents;
    const { result, seen } = summarised(text);
    expect(pasted).toHaveLength(4);
    for (const incident of [...pasted, ...seen]) {
      expect(incident.sendingHosts).toEqual(['relay1']);
      expect(hostNote(incident)).toContain('"relay1"');
      expect(hostNote(incident)).toContain('short name');
      expect(hostNote(incident)).toContain('postconf -h myhostname');
    }
    // The group without an IP (the 104 before any line gave one) is still the machine's.
    expect(result.summary.groups.map((g) => g.ip ?? `host:${g.host}`)).toEqual([
      'host:relay1',
      '198.51.100.23',
      '198.51.100.23',
    ]);
    const fr = pasted[0]?.assumptions.find((a) => a.code === 'sending-host-from-syslog')?.text.fr;
    expect(fr).toContain('«\u00a0relay1\u00a0»');
    expect(fr).toContain('court\u00a0:');
  });

  it('says nothing of a short name when syslog wrote the full one (CRLF lines)', async () => {
    const whole = text.replace(/ relay1 /g, ' relay1.example.net ').replace(/\n/g, '\r\n');
    const pasted = (await extract(whole, options)).incidents;
    const { seen } = summarised(whole);
    expect(pasted).toHaveLength(4);
    for (const incident of [...pasted, ...seen]) {
      expect(incident.sendingHosts).toEqual(['relay1.example.net']);
      expect(hostNote(incident)).toBe(
        'The sending host name is the machine that wrote the log (the syslog host field).',
      );
    }
  });
});
