import { describe, expect, it } from 'vitest';
import { clientDate, unsettledSlashedDate } from '../../core/extract/client-date';

describe('clientDate: the date a mail client writes in a forward', () => {
  it.each([
    ['Mon, Mar 2, 2026 at 10:14 AM', '2026-03-02T10:14:00'],
    ['Thu, Jun 10, 2021 at 5:38 PM', '2021-06-10T17:38:00'],
    ['Monday, March 2, 2026 12:05 AM', '2026-03-02T00:05:00'],
    ['Tue, 3 Mar 2026 at 09:12', '2026-03-03T09:12:00'],
    ['lun. 2 mars 2026 à 10:14', '2026-03-02T10:14:00'],
    ['lundi 1er juin 2026 10:14', '2026-06-01T10:14:00'],
    ['mer. 1 juil. 2026 à 08:05', '2026-07-01T08:05:00'],
    ['jeu. 13 août 2026 à 23:59', '2026-08-13T23:59:00'],
    ['mardi 17 févr. 2026 à 17:21', '2026-02-17T17:21:00'],
    ['vendredi 4 décembre 2026 09h00', '2026-12-04T09:00:00'],
    // German, Spanish, Italian and Dutch Outlook and Apple Mail.
    ['Dienstag, 5. März 2024 10:12', '2024-03-05T10:12:00'],
    ['Freitag, 13. Dezember 2024 um 08:30', '2024-12-13T08:30:00'],
    ['martes, 5 de marzo de 2024 10:12', '2024-03-05T10:12:00'],
    ['miércoles, 9 de octubre de 2024 17:45', '2024-10-09T17:45:00'],
    ['martedì 5 marzo 2024 10:12', '2024-03-05T10:12:00'],
    ['giovedì 11 luglio 2024 alle 09:03', '2024-07-11T09:03:00'],
    ['dinsdag 5 maart 2024 10:12', '2024-03-05T10:12:00'],
    ['woensdag 1 mei 2024 om 14:20', '2024-05-01T14:20:00'],
    // Portuguese Outlook (`Enviada em:`) and Gmail (`às`).
    ['segunda-feira, 25 de abril de 2011 10:53', '2011-04-25T10:53:00'],
    ['terça-feira, 5 de março de 2024 10:12', '2024-03-05T10:12:00'],
    ['sexta-feira, 4 de outubro de 2024 às 09:03', '2024-10-04T09:03:00'],
    ['quinta-feira, 3 de dezembro de 2026 18:40', '2026-12-03T18:40:00'],
    ['sábado, 1 de fevereiro de 2025 07:00', '2025-02-01T07:00:00'],
    ['domingo, 8 de junho de 2025 12:00', '2025-06-08T12:00:00'],
    // Polish Outlook (`Wysłane:`), the month in the genitive.
    ['czwartek, 4 grudnia 2026 10:12', '2026-12-04T10:12:00'],
    ['piątek, 1 maja 2026 08:03', '2026-05-01T08:03:00'],
    ['wtorek, 3 marca 2026 17:40', '2026-03-03T17:40:00'],
    ['środa, 14 października 2026 09:00', '2026-10-14T09:00:00'],
    ['poniedziałek, 7 września 2026 11:25', '2026-09-07T11:25:00'],
    // Danish, Norwegian and Swedish Outlook (`Sendt:`, `Skickat:`).
    ['4. december 2026 10:12', '2026-12-04T10:12:00'],
    ['torsdag den 5. marts 2026 10:12', '2026-03-05T10:12:00'],
    ['fredag den 1. maj 2026 10:12', '2026-05-01T10:12:00'],
    ['torsdag 4. desember 2026 10:12', '2026-12-04T10:12:00'],
    ['mandag 4. mai 2026 10:12', '2026-05-04T10:12:00'],
    ['tirsdag 3. mars 2026 10:12', '2026-03-03T10:12:00'],
    ['den 14 augusti 2026 10:12', '2026-08-14T10:12:00'],
    ['den 4 maj 2026 10:12', '2026-05-04T10:12:00'],
    // Finnish Outlook (`Lähetetty:`), the month in the partitive, a dot in the time, `klo` before it.
    ['torstai 4. joulukuuta 2026 10.12', '2026-12-04T10:12:00'],
    ['4. joulukuuta 2026 klo 10.12', '2026-12-04T10:12:00'],
    ['tiistai 3. marraskuuta 2026 klo 9.05', '2026-11-03T09:05:00'],
    ['tiistai 3. maaliskuuta 2026 9.05', '2026-03-03T09:05:00'],
    ['perjantai 1. toukokuuta 2026 10.12.30', '2026-05-01T10:12:30'],
    ['4.12.2026 klo 10.12', '2026-12-04T10:12:00'],
  ])('%s, without a zone', (text, iso) => {
    expect(clientDate(text)).toEqual({ iso, hadZone: false });
  });

  it('keeps the zone Apple Mail writes', () => {
    expect(clientDate('2 March 2026 at 10:14:00 CET')).toEqual({
      iso: '2026-03-02T10:14:00+01:00',
      hadZone: true,
    });
    expect(clientDate('2 mars 2026 à 10:14:00 UTC+2')).toEqual({
      iso: '2026-03-02T10:14:00+02:00',
      hadZone: true,
    });
  });

  it.each([
    ['03.05.2020 23:07', '2020-05-03T23:07:00'],
    ['13/05/2020 09:07:12', '2020-05-13T09:07:12'],
    ['5/13/2020 11:07 AM', '2020-05-13T11:07:00'],
  ])('reads the numbers Thunderbird writes in its locale: %s', (text, iso) => {
    expect(clientDate(text)).toEqual({ iso, hadZone: false });
  });

  it('reads slashes whose numbers are both 12 or less only in an order the caller knows', () => {
    // en-US writes `5/3/2020` month first, en-GB `03/05/2020` day first, en-AU `5/3/20, 11:07 pm` too.
    expect(clientDate('03/05/2020 23:07')).toBeNull();
    expect(clientDate('5/3/2020, 11:07 PM')).toBeNull();
    expect(unsettledSlashedDate('5/3/2020, 11:07 PM')).toBe('5/3/2020');
    expect(clientDate('03/05/2020 23:07', 'day-first')).toEqual({
      iso: '2020-05-03T23:07:00',
      hadZone: false,
    });
    expect(unsettledSlashedDate('03/05/2020 23:07', 'day-first')).toBeNull();
    expect(unsettledSlashedDate('13/05/2020 23:07')).toBeNull();
    expect(unsettledSlashedDate('03.05.2020 23:07')).toBeNull();
  });

  it('finds no numeric date a month cannot be in', () => {
    expect(clientDate('05.13.2020 23:07')).toBeNull();
    expect(clientDate('13/13/2020 23:07')).toBeNull();
    expect(clientDate('31.02.2020 23:07')).toBeNull();
  });

  it('finds nothing in words, an impossible day or an impossible time', () => {
    expect(clientDate('see you on 12 may')).toBeNull();
    expect(clientDate('Mon, Feb 30, 2026 at 10:14 AM')).toBeNull();
    expect(clientDate('Mon, Mar 2, 2026 at 13:14 PM')).toBeNull();
    expect(clientDate('2 mars 2026 à 25:00')).toBeNull();
  });

  it('reads `maj`, `mars`, `mai` as months only with a day, a year and a time', () => {
    expect(clientDate('vi ses i maj 2026 kl 10')).toBeNull();
    expect(clientDate('mars 2026 10:12')).toBeNull();
    expect(clientDate('maj 4 2026')).toBeNull();
  });

  it('reads no dotted time that is a date (`10.12.2026`)', () => {
    expect(clientDate('torstai 4. joulukuuta 2026 10.12.2026')).toBeNull();
    expect(clientDate('4 mars 2026 10.12.2026')).toBeNull();
  });

  it.each([
    ['pt., 4 gru 2026 o 10:12', '2026-12-04T10:12:00'],
    ['śr., 27 paź 2021 o 09:31', '2021-10-27T09:31:00'],
    ['fre. 4. dec. 2026 kl. 10.12', '2026-12-04T10:12:00'],
    ['fre. 4. des. 2026 kl. 10:12', '2026-12-04T10:12:00'],
    ['fre 4 dec. 2026 kl 10:12', '2026-12-04T10:12:00'],
    ['pe 4. jouluk. 2026 klo 10.12', '2026-12-04T10:12:00'],
    ['su 1. marrask. 2026 klo 8.05', '2026-11-01T08:05:00'],
    ['ti 3. maalisk. 2026 klo 8.05', '2026-03-03T08:05:00'],
  ])('reads Gmail’s abbreviated Polish and Nordic months and joins: %s', (text, iso) => {
    expect(clientDate(text)).toEqual({ iso, hadZone: false });
  });

  it.each([
    ['4 grudnia 2026 o 10:12:03 CET', '2026-12-04T10:12:03+01:00'],
    ['4. december 2026 kl. 10.12.03 CET', '2026-12-04T10:12:03+01:00'],
    ['4. joulukuuta 2026 klo 10.12.03 UTC+1', '2026-12-04T10:12:03+01:00'],
  ])('reads Apple Mail’s Polish and Nordic dates with their zone: %s', (text, iso) => {
    expect(clientDate(text)).toEqual({ iso, hadZone: true });
  });

  it('reads no abbreviated month without a day, a year and a time', () => {
    expect(clientDate('lis 2026 o 10:12')).toBeNull();
    expect(clientDate('4 gru o 10:12')).toBeNull();
  });

  it.each([
    ['st 27. 10. 2021 v 9:31', '2021-10-27T09:31:00'],
    ['pá 4. 12. 2026 v 10:12', '2026-12-04T10:12:00'],
    ['čt 3. 12. 2026 v 23:05', '2026-12-03T23:05:00'],
  ])('reads Gmail’s Czech numbers day first, with their `v`: %s', (text, iso) => {
    expect(clientDate(text)).toEqual({ iso, hadZone: false });
  });

  it('reads spaced dotted numbers only in Czech’s full shape, and no month above 12', () => {
    expect(clientDate('4. 12. 2026 10:12')).toBeNull();
    expect(clientDate('pá 4. 13. 2026 v 10:12')).toBeNull();
    expect(clientDate('pá 4. 12. 26 v 10:12')).toBeNull();
  });
});
