/**
 * Replies written where no wording introduces them (core/extract/loose-replies.ts), as people write
 * them in issues and chats: in a sentence, in backticks or a list, in parentheses, after a tool's words,
 * in a protocol log, after CJK text; and a reply that kept only its enhanced code.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const replies = async (text: string) =>
  (await extract(text)).incidents.map((i) => [i.reply.code, i.reply.enhanced, i.reply.text]);

describe('replies without a wording', () => {
  it('in a sentence, in quotes', async () => {
    expect(
      await replies(
        'Every time I send to Yahoo I get an error letter, which says "554 Message not allowed - [299]".\n',
      ),
    ).toEqual([[554, null, '554 Message not allowed - [299]']]);
  });

  it('in backticks, a Markdown list of them', async () => {
    expect(
      await replies(
        '- `554 resimta-po-02v.sys.comcast.net comcast 198.51.100.1 Comcast requires that all mail servers must have a PTR record.`\n- `554 imta14.emeryville.ca.mail.comcast.net comcast 198.51.100.2 Comcast block for spam.`\n',
      ),
    ).toEqual([
      [
        554,
        null,
        '554 resimta-po-02v.sys.comcast.net comcast 198.51.100.1 Comcast requires that all mail servers must have a PTR record.',
      ],
      [554, null, '554 imta14.emeryville.ca.mail.comcast.net comcast 198.51.100.2 Comcast block for spam.'],
    ]);
    const { incidents } = await extract(
      'Saw `550 5.4.1 Recipient address rejected: Access denied. AS(201806281)` in the wild.\n',
    );
    expect(incidents[0]?.reply.text).toBe(
      '550 5.4.1 Recipient address rejected: Access denied. AS(201806281)',
    );
  });

  it('in parentheses in prose, one per provider', async () => {
    const text =
      'The problem is a HARD FAIL\n\n@gmail.com (550-5.7.1 [198.51.100.60 12] Our system has detected that this message is 550-5.7.1 likely unsolicited mail.),\n\n@yahoo.com (553 5.7.2 [TSS09] All messages from 198.51.100.60 will be permanently deferred; Retrying will NOT succeed).\n';
    const { incidents } = await extract(text);
    expect(incidents.map((i) => [i.reply.code, i.reply.enhanced, i.sendingIps])).toEqual([
      [550, '5.7.1', ['198.51.100.60']],
      [553, '5.7.2', ['198.51.100.60']],
    ]);
  });

  it("after a tool's words: a Java exception, Roundcube's error, a Rust client's log", async () => {
    expect(
      await replies(
        'com.fsck.k9.mail.transport.smtp.NegativeSmtpReplyException: Negative SMTP reply: 550 5.5.0 Emetteur invalide. Invalid Sender. LPN104_415\n',
      ),
    ).toEqual([[550, '5.5.0', '550 5.5.0 Emetteur invalide. Invalid Sender. LPN104_415']]);
    expect(
      await replies(
        'SMTP Error (550): Failed to add recipient "paul@example.net" (5.7.1 <web1.example.com[192.0.2.18]>: Client host rejected: Blacklisted user).\n',
      ),
    ).toEqual([
      [550, '5.7.1', '550 5.7.1 <web1.example.com[192.0.2.18]>: Client host rejected: Blacklisted user'],
    ]);
    expect(
      await replies(
        'Msg#41 failed: Permanent SMTP error: permanent: 5.7.1 [2] Message rejected under suspicion of SPAM\n',
      ),
    ).toEqual([[null, '5.7.1', '5.7.1 [2] Message rejected under suspicion of SPAM']]);
  });

  it("a protocol log's S: lines, one multi-line reply; a reply after CJK text", async () => {
    expect(
      await replies(
        'C: RCPT TO:<paul@gmx.de>\nS: 550-Requested action not taken: mailbox unavailable\nS: 550 Failure sending mail. Try again later\n',
      ),
    ).toEqual([
      [
        550,
        null,
        '550 Requested action not taken: mailbox unavailable Failure sending mail. Try again later',
      ],
    ]);
    expect(await replies('邮件发送失败，554 DT:SPM 发送的邮件内容包含了未被许可的信息\n')).toEqual([
      [554, null, '554 DT:SPM 发送的邮件内容包含了未被许可的信息'],
    ]);
  });

  it('a quoted reply a post wrapped over lines (`"refused to talk` / `to me: 554 ..."`)', async () => {
    const { incidents } = await extract(
      'Our instances are blocked:\n\n"554 IP=198.51.100.144 - Dialup/transient IP not allowed. Use a\nmailgateway or contact us if obsolete. (DIAL)"\n',
    );
    expect(incidents[0]?.reply.text).toBe(
      '554 IP=198.51.100.144 - Dialup/transient IP not allowed. Use a mailgateway or contact us if obsolete. (DIAL)',
    );
  });

  it("Thunderbird's reply without its basic code is still a refusal", async () => {
    const { incidents } = await extract(
      'An error occurred while sending mail. The mail server responded:\n4.3.5 <test@example.net>: Recipient address rejected: Server configuration problem.\nPlease check the message recipient "test@example.net" and try again.\n',
    );
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.enhanced).toBe('4.3.5');
    expect(incidents[0]?.recipientDomain).toBe('example.net');
  });

  it('never takes this server refusing mail coming in, nor a number in prose', async () => {
    expect(
      await replies(
        'NOQUEUE: reject: RCPT from unknown[192.0.2.9]: 554 5.7.1 <spam@example.org>: Relay access denied; from=<a@example.org> to=<spam@example.org> proto=ESMTP helo=<x>\n',
      ),
    ).toEqual([]);
    expect(await replies('We sent 550 messages yesterday and 421 of them bounced.\n')).toEqual([]);
  });

  it('never takes a class of codes named in parentheses or quotes for a reply', async () => {
    // A Server Fault question's words above its log lines.
    expect(
      await replies(
        'I used to think that if SendMail experienced a temporary (400-class) error during delivery, it would retry.\n',
      ),
    ).toEqual([]);
    expect(await replies('Gmail answers with a "550-series" code when the address is unknown.\n')).toEqual(
      [],
    );
    // A real reply in parentheses is still one.
    expect(
      await replies('It failed (550-5.7.1 Our system has detected an unusual rate) again.\n'),
    ).toHaveLength(1);
  });
});
