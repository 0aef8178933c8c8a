/**
 * Real notices of mailbox providers French postmasters meet that no fixture had yet (Proton's Postfix
 * notice for a Yandex refusal, Exim's for GMX's, a Postfix notice and its DSN for WEB.DE's, Thundermail's
 * for Infomaniak's Abusix block), each field checked by hand against the text
 * (test/fixtures/extract/hunt54/SOURCES.md): they guard against regressions. One row is fixed in the
 * branch that added them (Exim's `host mx01.emig.gmx.net [IP.ADR.ESS.GMX]`, its address hidden in
 * words). Row: date, sending IPs, sending hosts, sending domain, recipient domain, rejecting host and
 * address, basic and enhanced code, Orange's reason.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { type FieldCase, fieldTable } from './field-table';

const cases: FieldCase[] = [
  [
    "Proton's Postfix notice, Yandex's `554 5.7.1 Message rejected under suspicion of SPAM` wrapped: the recipient's domain and Yandex's MX, no sending IP",
    'rustdesk-3716-proton-notice-yandex-554.txt',
    [[null, [], [], null, 'rustdesk.com', 'mx.yandex.net', '77.88.21.249', 554, '5.7.1', null]],
  ],
  [
    "Exim's notice, GMX's three-line 554 with its case link cut before the address: GMX's MX, no sending IP, no recipient",
    'flatpress-631-exim-gmx-554-cut-link.txt',
    [[null, [], [], null, null, 'mx01.emig.gmx.net', '212.227.17.5', 554, null, null]],
  ],
  [
    "Exim's notice, GMX's MX address hidden in words (`[IP.ADR.ESS.GMX]`): GMX's MX named, no address; the sending IP from GMX's `senderguidelines?ip=` (fixed)",
    'magento2-30226-exim-gmx-554-masked-mx.txt',
    [[null, ['80.67.31.40'], [], null, 'gmx.net', 'mx01.emig.gmx.net', null, 554, '5.0.0', null]],
  ],
  [
    "a Postfix notice and its DSN in Markdown, WEB.DE's case link naming `v=127.0.0.1`: the loopback address is no sending IP; `Reporting-MTA: dns; MAILSERVER.COM`, a stand-in, no sending host (fixed); dated by `Arrival-Date`",
    'osticket-6599-postfix-webde-554-loopback-case-ip.md',
    [
      [
        '2023-09-04T20:18:50+02:00',
        [],
        [],
        'sender.net',
        'web.de',
        'mx-ha03.web.de',
        '212.227.15.17',
        554,
        '5.0.0',
        null,
      ],
    ],
  ],
  [
    "Thundermail's (Stalwart's) notice, Infomaniak's `Client host [5.60.96.8] blocked using ...abusix.zone` with Markdown links: the sending IP, the recipient's domain, Infomaniak's gateway",
    'mailstrom-251-thundermail-infomaniak-554-abusix.md',
    [[null, ['5.60.96.8'], [], null, 'etik.com', 'mta-gw.infomaniak.ch', null, 554, '5.7.1', null]],
  ],
];

fieldTable('notices of providers French postmasters meet (hunt54)', 'hunt54', '2026-12-07T12:00:00Z', cases);

describe("a host's address hidden in words", () => {
  const options = { now: new Date('2026-12-07T12:00:00Z') };
  const notice = (address: string) =>
    `a@example.net\n    host mx.example.net [${address}]\n    SMTP error from remote mail server after RCPT TO:<a@example.net>:\n    550 5.1.1 User unknown`;

  it('names the host, takes no address', async () => {
    const { incidents } = await extract(notice('IP.OF.THE.MX'), options);
    expect(incidents.map((i) => [i.remoteHost, i.remoteIp])).toEqual([['mx.example.net', null]]);
  });

  it('reads a real address as before', async () => {
    const { incidents } = await extract(notice('198.51.100.7'), options);
    expect(incidents.map((i) => [i.remoteHost, i.remoteIp])).toEqual([['mx.example.net', '198.51.100.7']]);
  });
});
