import { extractFromLog } from '../../../../core/extract/logs/index';
import { at, scanFixture } from './fixture';

describe('PowerMTA accounting CSV', () => {
  const result = scanFixture('powermta-acct.csv');

  it('reads the columns from the header, including a quoted dsnDiag with commas', () => {
    expect(result.incidents.map((i) => i.sources.reply?.line)).toEqual([3, 4]);
    const transient = at(result, 3);
    expect(transient).toMatchObject({
      format: 'powermta',
      occurredAt: '2026-04-01T08:00:05+02:00',
      sendingIps: ['203.0.113.30'],
      sendingDomain: 'mail.example.com',
      recipientDomain: 'orange.fr',
      remoteHost: 'smtp-in.orange.fr',
      remoteIp: '193.252.22.65',
      orange: { token: 'OFR005_104', reason: 104 },
    });
    expect(transient.reply.text).toContain('Trop de connexions, veuillez verifier');
  });

  it('does not take PowerMTA’s own dsnStatus as the enhanced code of a reply that has none', () => {
    expect(at(result, 3).reply).toMatchObject({ code: 421, enhanced: null });
    expect(at(result, 4).reply).toMatchObject({ code: 550, enhanced: null });
  });

  it('never takes the Orange MX (dlvDestinationIp) for the sending IP', () => {
    expect(at(result, 4).sendingIps).toEqual(['203.0.113.31']);
    expect(at(result, 4).remoteIp).toBe('80.12.242.10');
  });

  it('leaves deliveries and local failures out', () => {
    expect(result.counts.delivered).toBe(1);
    expect(result.counts.failuresWithoutReply).toBe(1);
  });

  it('reads a bounce without dsnDiag from dsnMta and dsnStatus (header without dsnDiag)', () => {
    const text = [
      'type,timeQueued,bounceCat,vmta,orig,rcpt,srcMta,dlvSourceIp,jobId,dsnStatus,dsnMta',
      'b,2016-05-29 01:10:23+0200,bad-mailbox,vmta-mymta03,mailwizz@example.com,YYY@anotherdomain.example,sourcemta.example.com (192.0.2.9),198.51.100.1,,5.1.1 (bad destination mailbox address),mx1.destination.example (192.0.2.2)',
    ].join('\n');
    const { incidents } = extractFromLog(text);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      occurredAt: '2016-05-29T01:10:23+02:00',
      sendingIps: ['198.51.100.1'],
      remoteHost: 'mx1.destination.example',
      remoteIp: '192.0.2.2',
      reply: { code: null, enhanced: '5.1.1' },
      isOrange: false,
    });
  });

  it('reads the reply PowerMTA quotes when it bounced a queue after it (x-pmta;bounce-queue;reply:)', () => {
    const text = [
      'type,timeLogged,orig,rcpt,dsnAction,dsnStatus,dsnDiag,dsnMta,srcType,srcMta,dlvSourceIp,dlvDestinationIp,vmta',
      'b,2026-11-20 10:12:03+0100,news@example.com,jean@orange.fr,failed,4.0.0 (undefined status),"x-pmta;bounce-queue;reply:421 mwinf5c77 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR_999 [999]",smtp-in.orange.fr (193.252.22.65),smtp,mta1.example.com,203.0.113.7,193.252.22.65,vmta-fr',
    ].join('\n');
    const { incidents } = extractFromLog(text);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      occurredAt: '2026-11-20T10:12:03+01:00',
      sendingIps: ['203.0.113.7'],
      remoteHost: 'smtp-in.orange.fr',
      remoteIp: '193.252.22.65',
      reply: { code: 421, enhanced: null },
      orange: { token: 'OFR_999', reason: 999, server: 'mwinf5c77' },
    });
    expect(incidents[0]?.reply.text.startsWith('421 mwinf5c77 ME Service refuse.')).toBe(true);
    // Without its header, the same row's quoted reply is read too.
    const row = text.split('\n')[1] ?? '';
    expect(extractFromLog(row).incidents.map((i) => [i.reply.code, i.orange?.reason])).toEqual([[421, 999]]);
  });

  it('dates a row from timeQueued when timeLogged is not recorded, saying it is the queue time', () => {
    const text = [
      'type,timeQueued,bounceCat,vmta,orig,rcpt,srcMta,dlvSourceIp,jobId,dsnStatus,dsnMta',
      'b,2016-05-29 01:10:51+0200,bad-domain,vmta-mymta04,news@example.com,someone@example.net,sourcemta.example.com (192.0.2.9),198.51.100.1,,5.1.2 (bad destination system: no such domain),',
      'b,2016-05-29 01:12:40+0200,policy-related,vmta-mymta04,news@example.com,abc@orange.fr,sourcemta.example.com (192.0.2.9),198.51.100.1,,5.0.0 (undefined status),smtp-in.orange.fr (193.252.22.65)',
    ].join('\n');
    const { incidents } = extractFromLog(text);
    expect(incidents).toHaveLength(1);
    const incident = incidents[0];
    expect(incident?.occurredAt).toBe('2016-05-29T01:12:40+02:00');
    const note = incident?.assumptions.find((n) => n.code === 'powermta-queue-time');
    expect(note?.text.fr).toContain('mise en file d’attente');
    expect(note?.text.fr).toContain('pas celle du refus');
    expect(note?.text.en).toContain('queued (timeQueued), not when it was rejected');
  });

  it('takes timeLogged when both times are recorded, without the queue-time note', () => {
    const text = [
      'type,timeQueued,timeLogged,orig,rcpt,dsnStatus,dsnDiag,dsnMta,dlvSourceIp',
      'b,2026-04-01 07:00:00+0200,2026-04-01 08:01:10+0200,news@mail.example.com,c@wanadoo.fr,5.0.0 (undefined status),"smtp;550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=203.0.113.31 [102]",smtp-in.orange.fr (80.12.242.10),203.0.113.31',
    ].join('\n');
    const [incident] = extractFromLog(text).incidents;
    expect(incident?.occurredAt).toBe('2026-04-01T08:01:10+02:00');
    expect(incident?.assumptions.map((n) => n.code)).not.toContain('powermta-queue-time');
  });

  it('warns when the header is missing and reads only the reply', () => {
    const row =
      'b,2026-04-01 08:01:10+0200,news@mail.example.com,c@wanadoo.fr,failed,5.0.0 (undefined status),"smtp;550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=203.0.113.31 [102]",smtp-in.orange.fr (80.12.242.10),203.0.113.31';
    const { incidents, warnings } = extractFromLog(row);
    expect(warnings.map((w) => w.code)).toContain('powermta-no-header');
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      sendingIps: ['203.0.113.31'],
      remoteIp: null,
      recipientDomain: null,
    });
    expect(incidents[0]?.orange?.reason).toBe(102);
  });

  describe('a re-exported file with a comma outside quotes in dsnDiag', () => {
    const shifted = scanFixture('powermta-unquoted-comma.csv');

    it('keeps the whole reply and reads the columns after it from the end of the row', () => {
      const transient = at(shifted, 2);
      expect(transient.reply.text).toBe(
        '421 mwinf5c23 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR004_999 [999]',
      );
      expect(transient.orange?.reason).toBe(999);
      // Only the reply has a comma too many: the columns after it fit the header counted from the end.
      expect(transient.remoteHost).toBe('smtp-in.orange.fr');
      expect(transient.remoteIp).toBe('193.252.22.65');
      expect(transient.sendingIps).toEqual(['203.0.113.25']);
      expect(transient.recipientDomain).toBe('orange.fr');
      expect(shifted.warnings.map((w) => w.code)).toContain('powermta-realigned-row');
    });

    it('leaves the columns after the reply empty when a later column is unquoted too', () => {
      const text = [
        'type,timeLogged,timeQueued,orig,rcpt,orcpt,dsnAction,dsnStatus,dsnDiag,dsnMta,bounceCat,srcType,srcMta,dlvType,dlvSourceIp,dlvDestinationIp,dlvEsmtpAvailable,dlvSize,vmta,jobId,envId,queue,vmtaPool',
        't,2026-03-03 10:00:01+0100,2026-03-03 09:59:58+0100,news@shop.example,lea@orange.fr,,delayed,4.0.0 (undefined status),smtp;421 mwinf5c23 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR004_999 [999],smtp-in.orange.fr (193.252.22.65),policy-related,smtp,app1.shop.example (10.1.2.3),smtp,203.0.113.25,193.252.22.65,PIPELINING,8BITMIME,SIZE,2048,vmta-fr-1,campaign-42,,orange.fr/vmta-fr-1,',
      ].join('\n');
      const { incidents, warnings } = extractFromLog(text);
      expect(incidents).toHaveLength(1);
      expect(incidents[0]?.reply.text).toContain('Service refused, please try later. OFR004_999 [999]');
      // The unquoted `PIPELINING,8BITMIME,SIZE` shifts the IP columns: better empty than wrong.
      expect(incidents[0]?.remoteIp).toBeNull();
      expect(incidents[0]?.sendingIps).toEqual([]);
      expect(warnings.map((w) => w.code)).toContain('powermta-misaligned-row');
    });

    it('reads the well-formed rows of the same file in full', () => {
      expect(at(shifted, 3)).toMatchObject({ remoteIp: '80.12.242.10', sendingIps: ['203.0.113.25'] });
    });
  });
});

describe('a PowerMTA row whose quoted cells hold line breaks (a file saved again by a spreadsheet, CRLF)', () => {
  const result = scanFixture('real-world/powermta-acct-multiline-cell.log');

  it('reads a multi-line reply kept in its dsnDiag cell as one reply, on the line its row starts', () => {
    expect(result.incidents.map((i) => i.sources.reply?.line)).toEqual([3, 6]);
    expect(at(result, 3)).toMatchObject({
      format: 'powermta',
      occurredAt: '2025-06-03T10:02:14+02:00',
      sendingIps: ['203.0.113.40'],
      sendingDomain: 'news.example.com',
      recipientDomain: 'orange.fr',
      remoteHost: 'smtp-in.orange.fr',
      remoteIp: '193.252.22.65',
      orange: { token: 'OFR006_102', reason: 102, server: 'mwinf5c71' },
    });
    expect(at(result, 3).reply.text).toBe(
      '554 5.7.1 mwinf5c71 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 [102]',
    );
    expect(result.warnings.map((w) => w.code)).not.toContain('powermta-misaligned-row');
  });

  it('reads the columns after a cell that goes on over the next line, and links the 999 to its trigger', () => {
    const suspension = at(result, 6);
    expect(suspension).toMatchObject({
      recipientDomain: 'wanadoo.fr',
      remoteIp: '80.12.24.81',
      sendingIps: ['203.0.113.40'],
      orange: { reason: 999 },
    });
    expect(suspension.reply.text).toContain('plus tard. Service refused, please try later. OFR004_999 [999]');
    expect(suspension.trigger).toMatchObject({ line: 3, reason: 102, token: 'OFR006_102' });
    expect(result.counts.delivered).toBe(1);
  });

  it('reads the rows after a quote never closed, once a row has run over too many lines', () => {
    const header =
      'type,timeLogged,orig,rcpt,dsnAction,dsnStatus,dsnDiag,dsnMta,dlvSourceIp,dlvDestinationIp,vmta,bounceCat';
    const stray =
      'd,2026-04-01 08:00:01+0200,"news@mail.example.com,a@example.org,relayed,2.0.0 (success),,,,,,';
    const row =
      'b,2026-04-01 08:01:10+0200,news@mail.example.com,c@orange.fr,failed,5.0.0 (undefined status),"smtp;550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 [102]",smtp-in.orange.fr (80.12.242.10),203.0.113.31,80.12.242.10,vmta-fr-2,policy-related';
    const text = [
      header,
      stray,
      ...Array.from({ length: 10 }, () => 'd,2026-04-01 08:00:02+0200,,,,,,,,,,'),
      row,
    ];
    const { incidents } = extractFromLog(text.join('\r\n'));
    expect(incidents.map((i) => i.sources.reply?.line)).toEqual([13]);
    expect(incidents[0]?.sendingIps).toEqual(['203.0.113.31']);
  });
});

describe('a headerless PowerMTA row with a quote left open', () => {
  it('does not glue the next row to it (only a file with its header joins lines)', () => {
    const open =
      'b,2026-04-01 08:01:10+0200,2026-04-01 08:01:00+0200,news@mail.example.com,c@orange.fr,,failed,5.0.0 (undefined status),"smtp;550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. OFR006_102 [102],smtp-in.orange.fr (80.12.242.10),policy-related,smtp,,smtp,203.0.113.31,80.12.242.10,,0,vmta-fr-2,,,orange.fr/vmta-fr-2,';
    const next =
      't,2026-04-01 08:02:10+0200,2026-04-01 08:01:00+0200,news@mail.example.com,d@orange.fr,,delayed,4.0.0 (undefined status),"smtp;421 mwinf5c20 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR005_104 [104]",smtp-in.orange.fr (193.252.22.65),policy-related,smtp,,smtp,203.0.113.32,193.252.22.65,,0,vmta-fr-2,,,orange.fr/vmta-fr-2,';
    const { incidents } = extractFromLog([open, next].join('\n'));
    const second = incidents.find((i) => i.orange?.reason === 104);
    expect(second?.sources.reply?.line).toBe(2);
    expect(second?.sendingIps).toEqual(['203.0.113.32']);
  });
});
