/**
 * HTML source pasted or dropped as such (a bounce saved from a webmail as .htm, log lines escaped for a
 * page, `<pre>` with `<br>` line ends): read as the text the page shows, each value pointing at its line
 * of the source. Fixtures and their shapes: test/fixtures/extract/html-source/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { htmlSource, looksLikeHtmlSource } from '../../core/extract/html-source';

const dir = fileURLToPath(new URL('../fixtures/extract/html-source/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');

describe('HTML source read as the text it shows', () => {
  it("reads an Exchange notice saved from a webmail: Orange's reply with its accent, the returned headers", async () => {
    const { incidents } = await extract(fixture('exchange-ndr-saved.htm'));
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.reply).toMatchObject({ code: 550, enhanced: '5.7.1' });
    expect(incident?.reply.text).toBe(
      '550 5.7.1 mwinf5c04 ME Adresse IP source bloquée pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=203.0.113.7 [102]',
    );
    expect(incident?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident?.recipientDomain).toBe('orange.fr');
    expect(incident?.sendingDomain).toBe('example.com');
    expect(incident?.sendingIps).toEqual(['203.0.113.7']);
    expect(incident?.sendingHosts).toContain('smtp-out.example.com');
    // The reply's value points at the line of the saved page it came from.
    expect(incident?.sources.reply?.line).toBe(20);
    expect(incident?.sources.reply?.text).toContain('Remote Server returned &#39;550 5.7.1 mwinf5c04');
  });

  it('reads two log lines joined by `<br>` inside `<pre>` on one line, their addresses escaped', async () => {
    const { incidents } = await extract(fixture('pre-br-one-line.txt'));
    expect(incidents.map((i) => [i.occurredAt, i.recipientDomain, i.orange?.reason])).toEqual([
      ['2026-03-14T09:12:03+00:00', 'orange.fr', 102],
      ['2026-03-14T09:14:47+00:00', 'wanadoo.fr', 999],
    ]);
    expect(incidents[1]?.reply.text).toBe(
      '421 mwinf5c77 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR_999 [999]',
    );
    expect(incidents.map((i) => i.sources.occurredAt?.line)).toEqual([1, 1]);
  });

  it('reads a Sendmail line whose `to=<...>` was escaped for a page', async () => {
    const { incidents } = await extract(fixture('escaped-sendmail-line.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      occurredAt: '2026-03-14T09:20:31+00:00',
      recipientDomain: 'orange.fr',
      remoteHost: 'smtp-in.orange.fr',
      remoteIp: '193.252.22.84',
    });
    expect(incidents[0]?.orange?.reason).toBe(104);
  });

  it('reads an ESP event whose quotes were escaped (`&quot;`), and leaves valid JSON holding HTML alone', async () => {
    const escaped = [
      '{',
      '  &quot;Details&quot;: &quot;smtp;501 5.1.0 Emetteur invalide. Invalid Sender. OFR004_405 [405]&quot;,',
      '  &quot;BouncedAt&quot;: &quot;2026-03-14T09:12:45Z&quot;',
      '}',
    ].join('\n');
    const { incidents } = await extract(escaped);
    expect(incidents[0]?.reply.text).toBe('501 5.1.0 Emetteur invalide. Invalid Sender. OFR004_405 [405]');
    expect(incidents[0]?.occurredAt).toBe('2026-03-14T09:12:45+00:00');
    const valid = '{"event": "bounce", "body": "<p>Bonjour<br>merci</p>"}';
    expect(looksLikeHtmlSource(valid)).toBe(true);
    const result = await extract(valid);
    expect(result.incidents).toEqual([]);
  });
  it('reads a quoted notice whose quote marks were escaped (`&gt; `) as the quote it was', async () => {
    const escaped = [
      'Le 14/03/2026 à 10:02, Paul a écrit&nbsp;:',
      '&gt; This is the mail system at host mta1.example.com.',
      '&gt;',
      '&gt; &lt;jean.martin@orange.fr&gt;: host smtp-in.orange.fr[193.252.22.65] said: 550',
      '&gt;     mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host',
      '&gt;     blocked for spamming issues. OFR006_102 [102] (in reply to MAIL FROM command)',
    ].join('\n');
    const { incidents } = await extract(escaped);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ remoteHost: 'smtp-in.orange.fr', remoteIp: '193.252.22.65' });
    expect(incidents[0]?.reply.text).toBe(
      '550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 [102]',
    );
    expect(incidents[0]?.sendingHosts).toEqual(['mta1.example.com']);
  });
});

describe('paragraphs parted as a browser shows them', () => {
  it("ends a ticket's pasted reply at its paragraph: the writer's next paragraph is no part of it", async () => {
    const { incidents } = await extract(fixture('helpdesk-ticket-paragraphs.htm'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(
      '421 4.7.0 opmta1mti33nd1 smtp.orange.fr 4XkLmPqRsTuVw Service refuse. Veuillez essayer plus tard',
    );
    expect(incidents[0]?.sources.reply?.line).toBe(4);
  });

  it("keeps Outlook's lines written as margin-less paragraphs together: a notice's reply over three of them", async () => {
    const { incidents } = await extract(fixture('outlook-lines-as-paragraphs.htm'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(
      '550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=203.0.113.7 [102]',
    );
    expect(incidents[0]).toMatchObject({ remoteHost: 'smtp-in.orange.fr', remoteIp: '193.252.22.65' });
    expect(incidents[0]?.sendingIps).toEqual(['203.0.113.7']);
  });

  it('gives one blank line between paragraphs, none where a style takes their margins off', () => {
    const page = ['<p>Bonjour,</p>', '<p>550 5.7.1 refused</p><p>Merci</p>', '<p>&nbsp;</p>', '<p>Paul</p>'];
    expect(htmlSource(page.join('\n'))?.text).toBe('Bonjour,\n\n550 5.7.1 refused\n\nMerci\n\u00a0\nPaul');
    // Outlook on the web's style sheet, and a paragraph's own style.
    const web = [
      '<style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style>',
      ...page,
    ];
    expect(htmlSource(web.join('\n'))?.text).toBe('Bonjour,\n550 5.7.1 refused\nMerci\n\u00a0\nPaul');
    const inline = '<p style="margin: 0px;">Bonjour,</p>\n<p style="margin:0">Paul</p>\n<p>Fin</p>';
    expect(htmlSource(inline)?.text).toBe('Bonjour,\nPaul\n\nFin');
  });
});

describe('table rows, lone `<br>` lines and indentation as a page shows them', () => {
  it("reads Thunderbird's forward header table (one cell a line) as its lines: the notice's date and sender's domain", async () => {
    const { incidents } = await extract(fixture('thunderbird-forward-header-table.htm'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      occurredAt: '2026-12-04T10:14:03+01:00',
      sendingDomain: 'atelier-roux.example',
      sendingIps: ['198.51.100.40'],
      remoteIp: '193.252.22.65',
    });
    // The date points at the row's first line of source.
    expect(incidents[0]?.sources.occurredAt?.line).toBe(18);
  });

  it("reads Apple Mail's forward written on one line: no empty line after each `<br>` that ends a `<div>`", async () => {
    const { incidents } = await extract(fixture('apple-mail-forward-one-line.htm'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      occurredAt: '2026-12-04T10:14:03+01:00',
      sendingDomain: 'librairie-blanc.example',
      sendingIps: ['203.0.113.88'],
      remoteIp: '193.252.22.65',
    });
    const shown = htmlSource('<div>a<br></div><div><br></div><div>b<br><br>c</div>');
    expect(shown?.text.split('\n')).toEqual(['a', '', 'b', '', 'c']);
  });

  it('joins a row, runs its spaces together, keeps `<br>` lines as empty lines and `<pre>` as it is', () => {
    const page = [
      '<div>',
      '    Bonjour,<br>',
      '    <br>',
      '    <table>',
      '      <tr>',
      '        <th>Date&nbsp;:</th>',
      '        <td>Fri, 4 Dec 2026 10:14:03 +0100</td>',
      '      </tr>',
      '    </table>',
      '<pre>  indented',
      '    kept</pre>',
      '</div>',
    ];
    const result = htmlSource(page.join('\n'));
    expect(result?.text.split('\n')).toEqual([
      'Bonjour,',
      '',
      'Date\u00a0: Fri, 4 Dec 2026 10:14:03 +0100',
      '  indented',
      '    kept',
    ]);
    expect(result?.pasteLine).toEqual([2, 3, 5, 10, 11]);
  });
});

describe('a message is never read as HTML source', () => {
  it('reads a bounce with an HTML part indented as a whole (a forum code block) or numbered by `cat -n` as the message it is', async () => {
    const message = readFileSync(
      fileURLToPath(new URL('../fixtures/extract/report-alternative-qp.eml', import.meta.url)),
      'utf8',
    );
    expect(looksLikeHtmlSource(message)).toBe(true);
    const indented = message.replace(/^/gm, '    ');
    const [plain, shifted] = [await extract(message), await extract(indented)];
    expect(shifted.incidents.map((i) => [i.occurredAt, i.reply.text])).toEqual(
      plain.incidents.map((i) => [i.occurredAt, i.reply.text]),
    );
    expect(shifted.incidents[0]?.reply.text).toBe(
      '550 5.7.1 Mail rejected by Orange for policy reasons. OFR004_104 [104]',
    );
    let n = 0;
    const numbered = message.replace(/^/gm, () => `${String(++n).padStart(6)}\t`);
    const read = await extract(numbered);
    expect(read.incidents.map((i) => [i.occurredAt, i.reply.text])).toEqual(
      plain.incidents.map((i) => [i.occurredAt, i.reply.text]),
    );
  });
});

describe('looksLikeHtmlSource and htmlSource', () => {
  it('takes addresses in angle brackets for no tag', () => {
    const notice = [
      '<jean.martin@orange.fr>: host smtp-in.orange.fr[193.252.22.65] said: 550 5.7.1',
      '    <p.durand@wanadoo.fr> refused (in reply to RCPT TO command)',
      'Mar 14 09:12:03 mta1 postfix/smtp[21877]: 4F2A11C0B9A: to=<b@orange.fr>, status=bounced',
    ].join('\n');
    expect(looksLikeHtmlSource(notice)).toBe(false);
    expect(htmlSource(notice)).toBeNull();
  });

  it('drops what a page does not show and keeps each line where it was', () => {
    const page = [
      '<html><head><title>Rebond</title>',
      '<style>',
      'p { color: red; }',
      '</style></head><body>',
      '<!-- a comment',
      'over two lines -->',
      '<table><tr><td>Code</td><td>550 5.7.1</td></tr></table>',
      '<p>R&eacute;ponse du serveur&nbsp;: 550<br>',
      'OFR_506&nbsp;[506]</p><script>alert(1)</script>',
      '</body></html>',
    ].join('\n');
    const result = htmlSource(page);
    // The paragraph after the table is parted from it by the blank line its margin shows.
    expect(result?.text.split('\n')).toEqual([
      'Code 550 5.7.1 ',
      '',
      'Réponse du serveur\u00a0: 550',
      'OFR_506\u00a0[506]',
    ]);
    expect(result?.pasteLine).toEqual([7, 8, 8, 9]);
  });
});
