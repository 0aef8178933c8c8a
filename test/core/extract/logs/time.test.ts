import { extractFromLog } from '../../../../core/extract/logs/index';
import { resolveStamp } from '../../../../core/extract/logs/time';

describe('resolveStamp', () => {
  it('keeps the offset of an ISO / RFC 3339 stamp', () => {
    expect(resolveStamp({ kind: 'iso', text: '2023-03-16T02:27:29.739582+01:00' }, {})).toEqual({
      iso: '2023-03-16T02:27:29+01:00',
      assumption: null,
    });
    expect(resolveStamp({ kind: 'iso', text: '2016-05-29 01:10:51+0200' }, {}).iso).toBe(
      '2016-05-29T01:10:51+02:00',
    );
    expect(resolveStamp({ kind: 'iso', text: '2025-09-12T11:08:01.440526026Z' }, {}).iso).toBe(
      '2025-09-12T11:08:01Z',
    );
  });

  it('reads Unix time as UTC', () => {
    expect(resolveStamp({ kind: 'epoch', seconds: 1757675281 }, {}).iso).toBe('2025-09-12T11:08:01Z');
  });

  it('keeps this year for a line of the last hours that a zone ahead of the assumed one wrote', () => {
    // A Paris log pasted at 13:00 Paris (12:00 UTC): its 12:30 line, read as UTC, is half an hour
    // ahead of now; it went back to the year before.
    const now = new Date('2026-11-29T12:00:00Z');
    const line =
      'Nov 29 12:30:00 mta1 postfix/smtp[1234]: 4ABCD1234: to=<jean@orange.fr>, relay=smtp-in.orange.fr[193.252.22.65]:25, delay=0.4, delays=0.1/0/0.1/0.2, dsn=5.0.0, status=bounced (host smtp-in.orange.fr[193.252.22.65] said: 550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 [102] (in reply to MAIL FROM command))';
    expect(extractFromLog(line, { now }).incidents[0]?.occurredAt).toBe('2026-11-29T12:30:00+00:00');
    expect(extractFromLog(line, { now, assumeZone: 'Europe/Paris' }).incidents[0]?.occurredAt).toBe(
      '2026-11-29T12:30:00+01:00',
    );
    const stamp = (time: string, day = 29) => ({ kind: 'syslog' as const, month: 11, day, time });
    expect(resolveStamp(stamp('12:30:00'), { now, assumeZone: '+00:00' }).iso).toBe(
      '2026-11-29T12:30:00+00:00',
    );
    // More than 14 hours ahead (the widest gap between zones) is last year's.
    expect(resolveStamp(stamp('03:00:00', 30), { now }).iso).toBe('2025-11-30T03:00:00+00:00');
    expect(resolveStamp(stamp('03:00:00', 30), { now, assumeZone: '+00:00' }).iso).toBe(
      '2025-11-30T03:00:00+00:00',
    );
  });

  it('gives a syslog stamp the most recent year that is not in the future, and says so', () => {
    const now = new Date('2026-01-05T12:00:00Z');
    const dec = resolveStamp({ kind: 'syslog', month: 12, day: 31, time: '23:59:00' }, { now });
    expect(dec.iso).toBe('2025-12-31T23:59:00+00:00');
    const jan = resolveStamp({ kind: 'syslog', month: 1, day: 5, time: '11:00:00' }, { now });
    expect(jan.iso).toBe('2026-01-05T11:00:00+00:00');
    expect(jan.assumption?.code).toBe('assumed-year-and-zone');
    expect(jan.assumption?.text.en).toContain('2026');
    expect(jan.assumption?.text.en).toContain('UTC');
    expect(jan.assumption?.text.fr).toContain('n’indique ni l’année ni le fuseau horaire');
    expect(jan.assumption?.text.fr).toContain('année 2026 supposée');
  });

  it('goes back to a leap year for 29 February', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    expect(resolveStamp({ kind: 'syslog', month: 2, day: 29, time: '08:00:00' }, { now }).iso).toBe(
      '2024-02-29T08:00:00+00:00',
    );
  });

  it('applies the assumed zone, with summer time for an IANA zone', () => {
    const now = new Date('2026-11-29T10:00:00Z');
    const opts = { now, assumeZone: 'Europe/Paris' };
    expect(resolveStamp({ kind: 'syslog', month: 7, day: 14, time: '10:00:00' }, opts).iso).toBe(
      '2026-07-14T10:00:00+02:00',
    );
    const winter = resolveStamp({ kind: 'syslog', month: 1, day: 14, time: '10:00:00' }, opts);
    expect(winter.iso).toBe('2026-01-14T10:00:00+01:00');
    expect(winter.assumption?.text.fr).toContain('Europe/Paris');
    expect(
      resolveStamp({ kind: 'local', date: '2024-01-02', time: '10:11:12' }, { assumeZone: '+05:30' }).iso,
    ).toBe('2024-01-02T10:11:12+05:30');
  });

  it('says only the zone was assumed when the stamp has a year (Exim)', () => {
    const r = resolveStamp({ kind: 'local', date: '2024-01-02', time: '10:11:12' }, {});
    expect(r.iso).toBe('2024-01-02T10:11:12+00:00');
    expect(r.assumption?.code).toBe('assumed-zone');
    expect(r.assumption?.text.fr).toBe(
      'La ligne de journal n’indique pas le fuseau horaire : fuseau UTC supposé.',
    );
  });

  it('refuses impossible dates instead of rolling them over', () => {
    expect(resolveStamp({ kind: 'local', date: '2024-02-31', time: '10:00:00' }, {}).iso).toBeNull();
  });
});

describe('a time the clocks changed at, in the zone assumed', () => {
  const now = new Date('2026-11-29T12:00:00Z');
  const opts = { now, assumeZone: 'Europe/Paris' };
  const stamp = (month: number, day: number, time: string) => ({ kind: 'syslog' as const, month, day, time });

  it('says a time that happened twice, with the offset read and the other one', () => {
    const { iso, assumption } = resolveStamp(stamp(10, 25, '02:30:00'), opts);
    expect(iso).toBe('2026-10-25T02:30:00+01:00');
    expect(assumption?.code).toBe('assumed-year-and-zone');
    expect(assumption?.text.en).toContain(
      'That time happened twice in that zone (the clocks went back): it was read at UTC+01:00; the other time was at UTC+02:00.',
    );
    expect(assumption?.text.fr).toContain('Cette heure a eu lieu deux fois dans ce fuseau');
  });

  it('says a time that never happened', () => {
    const { iso, assumption } = resolveStamp(stamp(3, 29, '02:30:00'), opts);
    expect(iso).toBe('2026-03-29T02:30:00+02:00');
    expect(assumption?.text.en).toContain('That time did not exist in that zone (the clocks went forward)');
  });

  it('reads the hour before the clocks go forward at the winter offset, east of UTC as west of it', () => {
    // Paris: 02:00 CET became 03:00 CEST on 2026-03-29 (01:00 UTC); New York: 02:00 EST became 03:00 EDT
    // on 2026-03-08 (07:00 UTC).
    expect(resolveStamp(stamp(3, 29, '00:59:59'), opts).iso).toBe('2026-03-29T00:59:59+01:00');
    expect(resolveStamp(stamp(3, 29, '01:00:00'), opts).iso).toBe('2026-03-29T01:00:00+01:00');
    expect(resolveStamp(stamp(3, 29, '01:59:58'), opts).iso).toBe('2026-03-29T01:59:58+01:00');
    expect(resolveStamp(stamp(3, 29, '03:00:00'), opts).iso).toBe('2026-03-29T03:00:00+02:00');
    expect(resolveStamp(stamp(3, 29, '01:30:00'), opts).assumption?.text.en).not.toContain('clocks');
    const ny = { now, assumeZone: 'America/New_York' };
    expect(resolveStamp(stamp(3, 8, '01:59:58'), ny).iso).toBe('2026-03-08T01:59:58-05:00');
    expect(resolveStamp(stamp(3, 8, '03:00:00'), ny).iso).toBe('2026-03-08T03:00:00-04:00');
    // Australia/Sydney (east, southern): 02:00 AEST became 03:00 AEDT on 2026-10-04.
    const sydney = { now, assumeZone: 'Australia/Sydney' };
    expect(resolveStamp(stamp(10, 4, '01:30:00'), sydney).iso).toBe('2026-10-04T01:30:00+10:00');
    expect(resolveStamp({ kind: 'local', date: '2026-03-29', time: '01:45:00' }, opts).iso).toBe(
      '2026-03-29T01:45:00+01:00',
    );
  });

  it('reads the hour before the clocks go back at the summer offset', () => {
    expect(resolveStamp(stamp(10, 25, '01:59:58'), opts).iso).toBe('2026-10-25T01:59:58+02:00');
    expect(resolveStamp(stamp(10, 25, '03:00:00'), opts).iso).toBe('2026-10-25T03:00:00+01:00');
  });

  it('says nothing more an hour away from the change, nor for a fixed offset', () => {
    expect(resolveStamp(stamp(10, 25, '03:30:00'), opts).assumption?.text.en).not.toContain('clocks');
    expect(resolveStamp(stamp(10, 25, '01:30:00'), opts).assumption?.text.en).not.toContain('clocks');
    expect(
      resolveStamp(stamp(10, 25, '02:30:00'), { now, assumeZone: '+01:00' }).assumption?.text.en,
    ).not.toContain('clocks');
  });

  it('says it for a dated line without a zone too', () => {
    const { assumption } = resolveStamp({ kind: 'local', date: '2026-10-25', time: '02:15:00' }, opts);
    expect(assumption?.code).toBe('assumed-zone');
    expect(assumption?.text.en).toContain('happened twice');
  });
});

describe("a syslog line whose reply carries Microsoft's UTC stamp", () => {
  const line = (stamp: string, utc: string) =>
    `${stamp} mail postfix/smtp[39032]: 213A0C01A2: to=<x@hotmail.com>, relay=hotmail-com.olc.protection.outlook.com[104.47.57.161]:25, delay=767, dsn=4.7.651, status=deferred (host hotmail-com.olc.protection.outlook.com[104.47.57.161] said: 451 4.7.651 The mail server [198.51.100.165] has been temporarily rate limited due to IP reputation. (S844) [DM6NAM11FT088.eop-nam11.prod.protection.outlook.com ${utc} 08DBD70830F39917] (in reply to RCPT TO command))`;

  it('takes the year and the zone from it, and says so', () => {
    const { incidents } = extractFromLog(line('Oct 28 14:19:32', '2023-10-28T12:19:31.847Z'), {
      now: new Date('2026-11-30T00:00:00Z'),
    });
    expect(incidents[0]?.occurredAt).toBe('2023-10-28T14:19:32+02:00');
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('year-and-zone-from-reply');
  });

  it('across a new year, and never from a stamp too far from the line', () => {
    const newYear = extractFromLog(line('Dec 31 23:59:59', '2024-01-01T00:00:01.1Z'), {
      now: new Date('2026-11-30T00:00:00Z'),
    });
    expect(newYear.incidents[0]?.occurredAt).toBe('2023-12-31T23:59:59+00:00');
    const far = extractFromLog(line('Oct 28 14:26:32', '2023-10-28T12:19:31.847Z'), {
      now: new Date('2026-11-30T00:00:00Z'),
    });
    expect(far.incidents[0]?.occurredAt).toBe('2026-10-28T14:26:32+00:00');
    expect(far.incidents[0]?.assumptions.map((a) => a.code)).toContain('assumed-year-and-zone');
  });
});
