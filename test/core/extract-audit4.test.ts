/**
 * Fourth hand audit of the sending IPs, hosts and domain and the recipient domain on real bounces
 * (50 files drawn with a fixed seed from the corpus); each case here is modelled on a shape the audit
 * found wrong.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { inlineReturnedHeaders } from '../../core/extract/returned-headers';

const dir = fileURLToPath(new URL('../fixtures/extract/audit4/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');

describe('a relay bounce a helpdesk mails on, pasted above the returned message', () => {
  it("takes the returned message's headers, not the pasted bounce's, for the sending fields", async () => {
    const { incidents } = await extract(fixture('helpdesk-forwarded-relay-bounce.eml'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply.code).toBe(421);
    expect(i?.recipientDomain).toBe('orange.fr');
    // The relay that talked to Orange; the helpdesk host only mailed its bounce on.
    expect(i?.sendingHosts).toEqual(['relay00.isp.example.net']);
    // 198.51.100.64 is the helpdesk's hop to the sender's mailbox, never seen by Orange; the relay's
    // own address is not in the text as the address it left on.
    expect(i?.sendingIps).toEqual([]);
  });
});

describe('inlineReturnedHeaders', () => {
  const notice = [
    'Return-Path: <>',
    'Received: from relay.example.net (relay.example.net [203.0.113.22])',
    '\tby helpdesk.example.net (Postfix) with ESMTP id 19F35192E294',
    'From: MAILER-DAEMON@relay.example.net (Mail Delivery System)',
    '',
    'The following is the error message.',
  ];
  const original = [
    'Received: from store.example.net (store.example.net [198.51.100.2])',
    '\tby relay.example.net (Postfix) with ESMTP id F5CC7626C47D',
    'From: news@shop.example.com',
    '',
    'Hello',
  ];

  it('passes over a block sent with the null sender when a returned message follows', () => {
    const fields = inlineReturnedHeaders([...notice, ...original], 0);
    expect(fields.map((f) => f.value)).toContain('news@shop.example.com');
    expect(fields.some((f) => f.name === 'return-path')).toBe(false);
  });

  it("passes over Sendmail's <MAILER-DAEMON> null sender too", () => {
    const sendmail = ['Return-Path: <MAILER-DAEMON>', ...notice.slice(1)];
    const fields = inlineReturnedHeaders([...sendmail, ...original], 0);
    expect(fields.map((f) => f.value)).toContain('news@shop.example.com');
  });

  it('keeps the null-sender block when nothing follows it (a bounce of a bounce)', () => {
    const fields = inlineReturnedHeaders(notice, 0);
    expect(fields[0]?.name).toBe('return-path');
    expect(fields[0]?.value).toBe('<>');
  });

  it('keeps a block with a real envelope sender', () => {
    const sent = ['Return-Path: <news@shop.example.com>', ...original];
    expect(inlineReturnedHeaders([...sent, ...notice], 0)[0]?.value).toBe('<news@shop.example.com>');
  });
});

describe("a recipient-side filter's notice (Active!Hunter) returning the copy as its MX received it", () => {
  it("does not give the remote's own host and address as the sending ones", async () => {
    const { incidents } = await extract(fixture('activehunter-recipient-filter-crlf.eml'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply.code).toBe(550);
    expect(i?.recipientDomain).toBe('school.example.net');
    expect(i?.sendingDomain).toBe('example.org');
    // mx4.school.example.net [203.0.113.7] is the recipient's filter: the copy's top `by` host is not
    // the sender's last hop here, and its hop to the sender's mailbox is not the sender's address.
    expect(i?.sendingHosts).toEqual([]);
    expect(i?.sendingIps).toEqual([]);
  });

  it("keeps that host when it is in the sender's domain too (mail inside one domain)", async () => {
    const inside = fixture('activehunter-recipient-filter-crlf.eml').replaceAll(
      'shironeko@example.org',
      'shironeko@school.example.net',
    );
    const { incidents } = await extract(inside);
    expect(incidents[0]?.sendingDomain).toBe('school.example.net');
    expect(incidents[0]?.sendingHosts).toEqual(['mx4.school.example.net']);
  });
});
