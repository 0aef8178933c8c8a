/**
 * Rows of mailcow's web UI Postfix log copied from the browser: the time in the browser's locale, the
 * priority, Postfix's message without program or host, newest row first
 * (test/fixtures/extract/audit29logwild/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { parseMailcowUiRow } from '../../core/extract/logs/mailcow-ui-row';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit29logwild/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-05T12:00:00Z') };

describe('the mailcow UI’s Postfix log, copied from the browser', () => {
  it('dates the en-US rows month first and finds the sender logged below the refusal', async () => {
    const { incidents } = await extract(fixture('mailcow-ui-en-us-reversed.log'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.format).toBe('postfix');
    expect(incident?.occurredAt).toBe('2024-12-03T10:41:08+00:00');
    expect(incident?.assumptions.map((a) => a.text.en).join(' ')).toMatch(/no time zone/);
    // The browser's zone, not the server's: the one the postmaster must give.
    expect(incident?.assumptions.map((a) => a.code)).toContain('mailcow-ui-browser-time');
    expect(incident?.sendingDomain).toBe('atelier-exemple.fr');
    expect(incident?.sources.sendingDomain?.line).toBe(6);
    expect(incident?.sendingIps).toEqual(['203.0.113.45']);
    expect(incident?.remoteIp).toBe('80.12.242.15');
    expect(incident?.orange?.token).toBe('OFR006_102');
  });

  it('is read in the zone the user gives (the browser’s)', async () => {
    const { incidents } = await extract(fixture('mailcow-ui-en-us-reversed.log'), {
      ...options,
      assumeZone: 'Europe/Paris',
    });
    expect(incidents[0]?.occurredAt).toBe('2024-12-03T10:41:08+01:00');
  });

  it('reads a German Markdown table of the same rows, day first', async () => {
    const { incidents } = await extract(fixture('mailcow-ui-de-markdown-table.md'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2024-12-03T19:20:41+00:00');
    expect(incidents[0]?.sendingDomain).toBe('werkstatt-beispiel.de');
    expect(incidents[0]?.reply.text).toMatch(/ofr_506 \[506\]$/);
    expect(incidents[0]?.remoteIp).toBe('193.252.22.65');
  });
});

describe('parseMailcowUiRow', () => {
  it('reads each locale’s order: en-US month first with AM/PM, fr-FR and de-DE day first', () => {
    expect(parseMailcowUiRow('12/03/2024, 10:41:07 PM\tinfo\tconnect from x')?.stamp).toEqual({
      kind: 'local',
      date: '2024-12-03',
      time: '22:41:07',
    });
    expect(parseMailcowUiRow('12/03/2024, 12:05:00 AM\tinfo\tx')?.stamp).toMatchObject({ time: '00:05:00' });
    // Before the 2-digit options (mailcow-dockerized #541, 2017): `8/30/2017, 9:55:53 AM`.
    expect(parseMailcowUiRow('8/30/2017, 9:55:53 AM\tinfo\t2FC185E4155: removed')?.stamp).toEqual({
      kind: 'local',
      date: '2017-08-30',
      time: '09:55:53',
    });
    expect(parseMailcowUiRow('03/12/2024 10:41:07\tinfo\tx')?.stamp).toMatchObject({ date: '2024-12-03' });
    expect(parseMailcowUiRow('3.12.2024, 10:41:07 | warning | x |')?.message).toBe('x');
  });

  it('leaves other lines alone', () => {
    expect(parseMailcowUiRow('12/25/2024, 10:41:07\tinfo\tx')).toBeNull();
    expect(parseMailcowUiRow('12/03/2024, 10:41:07 AM some text')).toBeNull();
    expect(parseMailcowUiRow('2024-12-03 10:41:07 info x')).toBeNull();
  });
});
