/**
 * nextRecordAt (run-on.ts) finds the next record a reflowed paste ran on after a record: the host
 * (looked for from its first character, with the space before it checked) after a stamp.
 */
import { nextRecordAt } from '../../../../core/extract/logs/run-on';
import { parseSyslog } from '../../../../core/extract/logs/syslog';

function at(text: string): number {
  const syslog = parseSyslog(text);
  if (!syslog) throw new Error('not a syslog line');
  return nextRecordAt(text, syslog);
}

describe('nextRecordAt', () => {
  const first =
    'Apr 25 12:48:00 lx2 sendmail[4602]: x3P9m0Zl004602: to=<jean@orange.fr>, delay=00:00:01, stat=451 Temporary failure, please try again later.';
  const next = 'Apr 25 12:48:01 lx2 transfer[4603]: smtp-out: Error on session 8d2a: Connection refused';

  it('finds the record run on after another of the same host', () => {
    expect(at(`${first} ${next}`)).toBe(first.length + 1);
  });

  it('passes over the host name where no stamp comes before it, and over longer names', () => {
    const words = `${first.replace('please try', 'lx2 says try, xlx2 and lx2x too,')} ${next}`;
    expect(at(words)).toBe(words.indexOf(next));
  });

  it('finds none in a record that runs nothing on', () => {
    expect(at(first)).toBe(-1);
    expect(at(`${first} lx2 `)).toBe(-1);
  });
});
