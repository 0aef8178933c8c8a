/**
 * syslogHost (formats/common.ts) keeps its answers by host field and program: each line must still get
 * its own reference, and each host and program its own answer, in whatever order they come.
 */
import { syslogHost } from '../../../../core/extract/logs/formats/common';
import type { SyslogLine } from '../../../../core/extract/logs/syslog';

const line = (host: string, program: string): SyslogLine => ({
  stamp: { kind: 'syslog', month: 3, day: 14, time: '00:00:01' },
  host,
  program,
  pid: '1010',
  message: '4Q000000008: to=<user8@wanadoo.fr>, status=deferred',
});

describe('syslogHost, answers kept by host and program', () => {
  it('answers each host and program as on first sight, with the line’s own reference', () => {
    const cases: [string, string, unknown][] = [
      ['mta1', 'postfix/smtp', { value: 'mta1', origin: 'syslog-host', instance: 'postfix' }],
      ['mta1', 'postfix-out2/smtp', { value: 'mta1', origin: 'syslog-host', instance: 'postfix-out2' }],
      ['mta2', 'postfix/smtp', { value: 'mta2', origin: 'syslog-host', instance: 'postfix' }],
      ['192.0.2.51', 'exim', { value: '192.0.2.51', origin: 'syslog-ip', instance: undefined }],
      [
        '198.51.100.7/relay',
        'postfix/smtp',
        { value: '198.51.100.7', origin: 'syslog-ip', instance: 'postfix' },
      ],
      ['localhost', 'postfix/smtp', null],
      ['3f4e5d6c7b8a', 'postfix/smtp', null],
      ['1', 'postfix-smtp3/smtp', null],
    ];
    for (let round = 0; round < 3; round++) {
      for (const [host, program, expected] of cases) {
        const ref = { line: round * 100 + host.length, text: `${host} ${program}` };
        const found = syslogHost(line(host, program), ref);
        expect(
          found === null ? null : { value: found.value, origin: found.origin, instance: found.instance },
        ).toEqual(expected);
        if (found) expect(found.ref).toBe(ref);
      }
    }
    expect(syslogHost(null, { line: 1, text: '' })).toBeNull();
  });
});
