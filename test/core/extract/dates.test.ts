import { describe, expect, it } from 'vitest';
import { fromUnixSeconds, parseDate } from '../../../core/extract/dates';

describe('parseDate keeps the written offset', () => {
  it.each([
    ['Mon, 16 Dec 2019 22:00:18 +0100 (CET)', '2019-12-16T22:00:18+01:00'],
    ['Thu, 29 Apr 2013 23:45:41 +0900 (JST)', '2013-04-29T23:45:41+09:00'],
    ['24 Apr 2013 00:00:00 -0000', '2013-04-24T00:00:00+00:00'],
    ['Fri, 21 Nov 2014 17:15:27 -0500 (EST)', '2014-11-21T17:15:27-05:00'],
    ['Tue, 1 Oct 2010 19:15 EDT', '2010-10-01T19:15:00-04:00'],
    ['2024-02-11T09:12:45.1234567Z', '2024-02-11T09:12:45+00:00'],
    ['2024-02-11 09:12:45+05:30', '2024-02-11T09:12:45+05:30'],
    // A comment before the zone, as RFC 3798's example writes it.
    ['Wed, 20 Sep 1995 00:19:00 (EDT) -0400', '1995-09-20T00:19:00-04:00'],
  ])('%s', (text, iso) => {
    expect(parseDate(text)).toEqual({ iso, hadZone: true });
  });

  it('reports a date without zone', () => {
    expect(parseDate('Mon, 16 Dec 2019 22:00:18')).toEqual({
      iso: '2019-12-16T22:00:18+00:00',
      hadZone: false,
    });
  });

  it('rejects impossible dates and junk', () => {
    expect(parseDate('Mon, 31 Feb 2019 22:00:18 +0100')).toBeNull();
    expect(parseDate('not a date')).toBeNull();
  });

  it('converts Unix seconds to UTC', () => {
    expect(fromUnixSeconds(1576530018.39)).toBe('2019-12-16T21:00:18+00:00');
    expect(fromUnixSeconds(Number.NaN)).toBeNull();
  });
});
