import { describe, expect, it } from 'vitest';
import { isOrangeSpfRefusal, parseReply, unwrapReply } from '../../../core/extract/reply';

describe('parseReply: basic and enhanced codes', () => {
  it('reads a Cloudmark block with its link IP and no enhanced code', () => {
    const p = parseReply(
      'smtp; 550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=203.0.113.7 [102]',
    );
    expect(p.reply.code).toBe(550);
    expect(p.reply.enhanced).toBeNull();
    expect(p.reply.text.startsWith('550 mwinf5c04 ME')).toBe(true);
    expect(p.orange).toEqual({ token: 'OFR006_102', reason: 102, server: 'mwinf5c04' });
    expect(p.linkIps).toEqual(['203.0.113.7']);
    expect(p.isOrangeReply).toBe(true);
  });

  it('keeps the enhanced code written before an Orange session token', () => {
    const p = parseReply(
      '550 5.1.1 g1aPogOQcUQ7x Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416]',
    );
    expect(p.reply).toMatchObject({ code: 550, enhanced: '5.1.1' });
    expect(p.orange).toEqual({ token: 'OFR_416', reason: 416, server: null });
  });

  it('joins a multi-line 550- reply and drops the repeated prefixes', () => {
    const p = parseReply(
      '550-5.7.1 [198.51.100.4] Our system has detected that\r\n550-5.7.1 this message is likely\r\n550 5.7.1 unsolicited mail.',
    );
    expect(p.reply).toEqual({
      code: 550,
      enhanced: '5.7.1',
      text: '550 5.7.1 [198.51.100.4] Our system has detected that this message is likely unsolicited mail.',
    });
    expect(p.orange).toBeNull();
    // Gmail writes the connecting client's address in brackets before its text: the sending IP.
    expect(p.linkIps).toEqual(['198.51.100.4']);
  });

  it("unwraps a multi-line reply whose prefixes a folded DSN field left inside its lines (Gmail's)", () => {
    // As lhost-postfix-31 in Sisimai's corpus has it: the folding broke lines away from the prefixes.
    const p = parseReply(
      [
        'smtp; 550-5.1.1 The email account that you tried to reach does',
        "    not exist. Please try 550-5.1.1 double-checking the recipient's email",
        '    address for typos or 550-5.1.1 unnecessary spaces. Learn more at 550 5.1.1',
        '    https://support.google.com/mail/?p=NoSuchUser a1si2345 - gsmtp',
      ].join('\r\n'),
    );
    expect(p.reply).toEqual({
      code: 550,
      enhanced: '5.1.1',
      text: "550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. Learn more at https://support.google.com/mail/?p=NoSuchUser a1si2345 - gsmtp",
    });
  });

  it('unwraps a joined multi-line reply without an enhanced code, after words of its own', () => {
    const gmx = parseReply(
      'host mx00.gmx.com[212.227.15.9] said: 554-mail.com (mxgmxus002) Nemesis ESMTP Service not available 554-No SMTP service 554-Bad DNS PTR resource record. 554 For explanation visit http://postmaster.gmx.com/en/error-messages?ip=192.0.2.22&c=rdns',
    );
    expect(gmx.reply.text).toBe(
      '554 mail.com (mxgmxus002) Nemesis ESMTP Service not available No SMTP service Bad DNS PTR resource record. For explanation visit http://postmaster.gmx.com/en/error-messages?ip=192.0.2.22&c=rdns',
    );
    expect(gmx.linkIps).toEqual(['192.0.2.22']);
    const orange = parseReply(
      'smtp; 550-mwinf5c04 ME Adresse IP source bloquee pour incident de spam. 550 Client host blocked for spamming issues. OFR006_102 [102]',
    );
    expect(orange.reply.text).toBe(
      '550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 [102]',
    );
  });

  it('unwraps a reply whose last prefix a notice broke over two lines (`review 550` / `5.7.1 RFC`)', () => {
    // As a Postfix notice wraps Gmail's reply (Sisimai's rhost-google-08), read from after its `said:`.
    const p = parseReply(
      [
        '550-5.7.1 This message is not RFC 5322 compliant. There are multiple',
        '    Subject 550-5.7.1 headers. To reduce the amount of spam sent to Gmail, this',
        '    message has 550-5.7.1 been blocked. Please visit 550-5.7.1',
        '    https://support.google.com/mail/?p=RfcMessageNonCompliant and review 550',
        '    5.7.1 RFC 5322 specifications for more information.',
        '    c2-aguiqyuiyuqir5678167856aeu8.22 - gsmtp (in reply to',
        '    end of DATA command)',
      ].join('\n'),
    );
    expect(p.reply.text).toBe(
      '550 5.7.1 This message is not RFC 5322 compliant. There are multiple Subject headers. To reduce the amount of spam sent to Gmail, this message has been blocked. Please visit https://support.google.com/mail/?p=RfcMessageNonCompliant and review RFC 5322 specifications for more information. c2-aguiqyuiyuqir5678167856aeu8.22 - gsmtp',
    );
  });

  it("unwraps Google's reply whose continuation dashes a relay rewrote as spaces", () => {
    // As Amazon SES passed Gmail's reply on (Sisimai's lhost-amazonses-20): `550 5.2.1` at each line.
    const p = parseReply(
      'smtp; 550 5.2.1 The email account that you tried to reach is disabled. Learn more at 550 5.2.1 https://support.google.com/mail/?p=DisabledUser 000000000000eee.000 - gsmtp',
    );
    expect(p.reply.text).toBe(
      '550 5.2.1 The email account that you tried to reach is disabled. Learn more at https://support.google.com/mail/?p=DisabledUser 000000000000eee.000 - gsmtp',
    );
  });

  it('leaves the code alone where a one-line reply repeats it in its text', () => {
    const text = '550 5.7.1 Message refused: 550 5.7.1 was returned by the next hop';
    expect(parseReply(text).reply.text).toBe(text);
    expect(parseReply('550 Too many recipients, 550 at most').reply.text).toBe(
      '550 Too many recipients, 550 at most',
    );
  });

  it('takes the reply out of a Postfix "said:" line, without the MX address as link IP', () => {
    const p = parseReply(
      'host smtp-in.orange.fr[193.252.22.65] said: 421 mwinf5c41 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR004_104 [104] (in reply to end of DATA command)',
    );
    expect(p.reply.code).toBe(421);
    expect(p.reply.text).toBe(
      '421 mwinf5c41 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR004_104 [104]',
    );
    expect(p.linkIps).toEqual([]);
  });

  it("drops Postfix's note when the status line's closing parenthesis follows it", () => {
    // A status line's `(host X said: ...)` pasted from its mail.log, wrapped by a mail client.
    const p = parseReply(
      'host mailrelay.example.net[192.0.2.6]\nsaid: 554 Format restriction violation. Email Session ID:\n{4DA765B1-6-6565EC3F-FFFF} (in reply to end of DATA command))',
    );
    expect(p.reply.text).toBe(
      '554 Format restriction violation. Email Session ID: {4DA765B1-6-6565EC3F-FFFF}',
    );
  });

  it("takes the address GMX's case link names (`i=ip&v=IP`)", () => {
    // As in a hitobito issue quoting GMX's refusal.
    const p = parseReply(
      '554-Transaction failed 554-Reject due to policy restrictions. 554 For explanation visit https://postmaster.gmx.net/de/case?c=r0735&i=ip&v=198.51.100.85&r=1a2b3c',
    );
    expect(p.linkIps).toEqual(['198.51.100.85']);
  });

  it("takes the address NiX Spam's lookup link names (`lookup.php?value=IP`)", () => {
    // The end of a refusal quoted in a micromasters issue (2017), the address named only by the link.
    const p = parseReply(
      '550 Your e-mail service was detected by spam.over.port25.me (NiX Spam) as spamming. Your admin should visit http://www.dnsbl.manitu.net/lookup.php?value=198.61.254.12',
    );
    expect(p.linkIps).toEqual(['198.61.254.12']);
    // Its words alone name it too.
    expect(
      parseReply('550 550 rejected because 198.61.254.12 is in a black list at ix.dnsbl.manitu.net').linkIps,
    ).toEqual(['198.61.254.12']);
    // The same parameter in a link of a site the reader does not trust names no client.
    expect(parseReply('550 see http://www.example.com/lookup.php?value=198.61.254.12').linkIps).toEqual([]);
  });

  it('takes the address of a blocklist link that ends a sentence with a colon', () => {
    // Proofpoint's reply as iCloud writes it (a docker-mailserver issue).
    const p = parseReply(
      '550 5.7.0 Blocked - see https://support.proofpoint.com/dnsbl-lookup.cgi?ip=192.0.2.165: please',
    );
    expect(p.linkIps).toEqual(['192.0.2.165']);
  });

  it('returns no code for text without one', () => {
    expect(parseReply('Mailbox unavailable').reply.code).toBeNull();
    expect(parseReply('').reply).toEqual({ code: null, enhanced: null, text: '' });
  });
});

describe('parseReply: Orange tokens and server ids', () => {
  it("does not take La Poste's reply, in the same French words, for Orange's", () => {
    // La Poste (smtpz4.laposte.net) writes `Service refuse. Veuillez essayer plus tard` too.
    const p = parseReply(
      '550 5.5.0 Service refuse. Veuillez essayer plus tard. service refused, please try later. LPN007_510',
    );
    expect(p.isOrangeReply).toBe(false);
    expect(p.orange).toBeNull();
    expect(parseReply('421 4.2.1 Trop de connexions. LPN006_107').isOrangeReply).toBe(false);
  });

  it.each([
    ['550 5.7.1 ofr_506 Mail rejete. Mail rejected. [506]', 'OFR_506', 506],
    ['421 mwinf5c41 ME Trop de connexions. OFR004-104 [104]', 'OFR004_104', 104],
    ['550 5.7.0 mwinf5d12 ME Authentification refusee. OFR 305 [305]', 'OFR_305', 305],
    ['421 opmta1mti39nd1 smtp.orange.fr Service refuse. OFR_999 [999]', 'OFR_999', 999],
  ])('normalises %s', (text, token, reason) => {
    const p = parseReply(text);
    expect(p.orange?.token).toBe(token);
    expect(p.orange?.reason).toBe(reason);
  });

  it('reads the newer opmta server id and the Abusix ?q= link', () => {
    const p = parseReply(
      '550 opmta1mti07aub smtp.orange.fr EnJyw4MoQfspR Adresse IP source bloquee par Abusix. IP blocked by Abusix, OFR006_100 please visit https://lookup.abusix.com/search?q=2001:db8:5::25 [100]',
    );
    expect(p.orange?.server).toBe('opmta1mti07aub');
    expect(p.linkIps).toEqual(['2001:db8:5::25']);
  });

  it('reads the IP written after OFR006_103', () => {
    const p = parseReply('550 mwinf5c10 ME Adresse IP source bloquee. OFR006_103 203.0.113.50 [103]');
    expect(p.orange?.reason).toBe(103);
    expect(p.linkIps).toEqual(['203.0.113.50']);
  });

  it.each(['xxx.xxx.xxx.xxx', 'X.X.X.X', '<IP>', '[REDACTED]'])(
    'never turns the placeholder %s into an IP',
    (placeholder) => {
      const p = parseReply(
        `550 mwinf5c04 ME Adresse IP source bloquee. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=${placeholder} [102]`,
      );
      expect(p.linkIps).toEqual([]);
      expect(p.orange?.reason).toBe(102);
    },
  );

  it('reads the IP of an Orange link copied from an HTML notice with its entity (&amp;ip=)', () => {
    const reply =
      '550 5.7.1 Service refuse. OFR006_101 Ref https://assistance.orange.fr/adresserejetee?ec=OFR006_101&amp;ip=203.0.113.9 [101]';
    expect(parseReply(reply).linkIps).toEqual(['203.0.113.9']);
  });

  it('ignores ?ip= links of other sites', () => {
    expect(parseReply('554 blocked, see https://lookup.example.net/?ip=203.0.113.8').linkIps).toEqual([]);
  });

  it('recognises the token-less SPF refusal by its wording', () => {
    const text =
      '421 opmta1mti39nd1 [REDACTED] Emetteur invalide, Veuillez verifier la configuration SPF/DNS de votre nom de domaine. Invalid Sender. SPF check failed, please verify the SPF/DNS configuration for your domain name.';
    const p = parseReply(text);
    expect(p.isOrangeReply).toBe(true);
    expect(p.orange).toEqual({ token: null, reason: null, server: 'opmta1mti39nd1' });
    expect(isOrangeSpfRefusal(text)).toBe(true);
    expect(isOrangeSpfRefusal('550 5.7.1 SPF check failed')).toBe(false);
  });

  it('does not call a Gmail reply Orange', () => {
    const p = parseReply('550 5.1.1 The email account that you tried to reach does not exist. - gsmtp');
    expect(p.isOrangeReply).toBe(false);
    expect(p.orange).toBeNull();
  });
});

describe('unwrapReply', () => {
  it('joins wrapped lines of a quoted reply', () => {
    expect(unwrapReply('smtp;550 mwinf5c04 ME Adresse IP\n   source bloquee')).toBe(
      '550 mwinf5c04 ME Adresse IP source bloquee',
    );
  });

  it('removes the enhanced code Mailgun keeps before each continuation line', () => {
    expect(
      unwrapReply(
        '452 4.2.2 The recipient is over quota. Please direct\n4.2.2 the recipient to\n4.2.2  https://support.example.com/?p=422',
      ),
    ).toBe(
      '452 4.2.2 The recipient is over quota. Please direct the recipient to https://support.example.com/?p=422',
    );
    // A folded field that broke Google's `550 5.7.1` prefix in two keeps no half of it.
    expect(
      unwrapReply(
        '550-5.7.1 [192.0.2.222 13]\n Messages with multiple 550\n 5.7.1 addresses in From: header',
      ),
    ).toBe('550 5.7.1 [192.0.2.222 13] Messages with multiple addresses in From: header');
  });

  it('keeps a reply already on its own lines as it is split, even when its last line starts with a digit', () => {
    expect(
      unwrapReply(
        '550-Your message was rejected.\n    550-See the reverse DNS page.\n    550 7d39d529-9584-f4be',
      ),
    ).toBe('550 Your message was rejected. See the reverse DNS page. 7d39d529-9584-f4be');
  });

  it("removes a continuation prefix that a remote's line break put inside a name", () => {
    // MessageLabs's multi-line reply as a Postfix notice rewraps it (BounceParser's not-a-relay.msg).
    expect(
      unwrapReply(
        'said: 553-you are trying to use me [server-9.tower-181.messagelabs\n    553-.com] as a relay, but I have not been configured to let 553-you\n    [192.0.2.46, mta.example.com] do this. 553-Please visit\n    www.messagelabs.com/support for more 553-details about this error message\n    and instructions to 553 resolve this issue. (#5.7.1)'.replace(
          /^said: /,
          '',
        ),
      ),
    ).toBe(
      '553 you are trying to use me [server-9.tower-181.messagelabs .com] as a relay, but I have not been configured to let you [192.0.2.46, mta.example.com] do this. Please visit www.messagelabs.com/support for more details about this error message and instructions to resolve this issue. (#5.7.1)',
    );
  });
});
