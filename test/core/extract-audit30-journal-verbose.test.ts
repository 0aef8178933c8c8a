/**
 * `journalctl -o verbose`: each entry a header with its cursor, then its fields one per line
 * (test/fixtures/extract/audit30orangewild/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { journalVerboseText } from '../../core/extract/journal-verbose';

const fixture = (name: string) =>
  readFileSync(
    fileURLToPath(new URL(`../fixtures/extract/audit30orangewild/${name}`, import.meta.url)),
    'utf8',
  );
const options = { now: new Date('2026-12-05T12:00:00Z') };

describe('journalctl’s verbose entries', () => {
  it('reads each entry as its log line, dated by the journal’s own clock, not an assumed zone', async () => {
    const { incidents } = await extract(fixture('journalctl-verbose-postfix-999.txt'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.format).toBe('postfix');
    // 10:12:01 CET: the entry's realtime, in UTC.
    expect(incident?.occurredAt).toBe('2024-03-05T09:12:01+00:00');
    expect(incident?.assumptions.map((a) => a.code)).not.toContain('assumed-zone');
    expect(incident?.reply.text).toBe(
      '421 mwinf5c36 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR004_999 [999]',
    );
    expect(incident?.orange?.reason).toBe(999);
    expect(incident?.sendingHosts).toEqual(['relais-sortant']);
    expect(incident?.sendingDomain).toBe('cabinet-dentaire-exemple.fr');
    expect(incident?.recipientDomain).toBe('wanadoo.fr');
    expect(incident?.remoteIp).toBe('193.252.22.84');
    // The MESSAGE field's line, in the paste.
    expect(incident?.sources.reply?.line).toBe(28);
    expect(incident?.sources.sendingDomain?.line).toBe(12);
  });

  it('takes the cursor’s realtime when the entry has no source timestamp', () => {
    const text = [
      'Tue 2024-03-05 10:12:01.170412 CET [s=0a;i=1f3a1;b=8c;m=2d6e0b9c4;t=612e63c2613ec;x=1d]',
      '    SYSLOG_IDENTIFIER=postfix/qmgr',
      '    MESSAGE=4B7C52A0F1: from=<a@example.org>, size=1, nrcpt=1 (queue active)',
    ].join('\n');
    expect(journalVerboseText(text)?.text).toBe(
      '2024-03-05T09:12:01+00:00 - postfix/qmgr: 4B7C52A0F1: from=<a@example.org>, size=1, nrcpt=1 (queue active)',
    );
  });
});
