import { describe, expect, it } from 'vitest';
import { clientDate } from '../../../core/extract/client-date';
import { wallClockText } from '../../../core/extract/dates';
import { exchangeQueueDate } from '../../../core/extract/exchange-queue-date';
import { cultureDate } from '../../../core/extract/exchange-status';
import { lineStamp } from '../../../core/extract/line-stamp';
import { parseMailcowUiRow } from '../../../core/extract/logs/mailcow-ui-row';
import { twentyFourHour } from '../../../core/extract/twelve-hour-clock';

describe('twentyFourHour: a 12-hour clock read on the 24-hour one', () => {
  it.each([
    [12, 'AM', 0],
    [12, 'a', 0],
    [1, 'AM', 1],
    [11, 'am', 11],
    [12, 'PM', 12],
    [12, 'p', 12],
    [1, 'PM', 13],
    [9, 'P', 21],
    [11, 'p.m.', 23],
  ])('%i %s is %i', (hour, meridiem, expected) => {
    expect(twentyFourHour(hour, meridiem)).toBe(expected);
  });

  it('keeps an hour written without AM/PM', () => {
    expect(twentyFourHour(0)).toBe(0);
    expect(twentyFourHour(17)).toBe(17);
  });

  it('rejects an hour of 0 or above 12 beside AM/PM', () => {
    expect(twentyFourHour(0, 'AM')).toBeNull();
    expect(twentyFourHour(0, 'PM')).toBeNull();
    expect(twentyFourHour(13, 'PM')).toBeNull();
    expect(twentyFourHour(23, 'AM')).toBeNull();
  });
});

describe('the readers of a 12-hour clock share it', () => {
  it('read the half hour after midnight as 00:xx', () => {
    expect(exchangeQueueDate('LastRetryTime    : 12/3/2025 12:21:04 AM')).toBe('2025-12-03T00:21:04');
    expect(cultureDate('1/21/2025 12:45:12 AM')).toBe('2025-01-21T00:45:12');
    expect(lineStamp('12/9/2020 12:47:12 AM - Server at mx.example.net (192.0.2.25) returned')?.iso).toBe(
      '2020-12-09T00:47:12+00:00',
    );
    expect(parseMailcowUiRow('12/03/2024, 12:41:07 AM\tinfo\tconnect from x')?.stamp).toMatchObject({
      time: '00:41:07',
    });
    expect(clientDate('Mon, Mar 2, 2026 at 12:14 AM')?.iso).toBe('2026-03-02T00:14:00');
    expect(wallClockText(2023, 6, 20, 12, 47, 0, 'PM')).toBe('2023-06-20T12:47:00');
  });

  it('leave a time no clock writes unread (hour 0 or 13 beside AM/PM)', () => {
    expect(cultureDate('1/21/2025 0:45:12 AM')).toBeNull();
    expect(wallClockText(2023, 6, 20, 0, 47, 0, 'AM')).toBeNull();
    expect(wallClockText(2023, 6, 20, 13, 47, 0, 'PM')).toBeNull();
  });
});
