/**
 * A bounce saved from Outlook and attached as a `.msg` file: read as the message it holds
 * (outlook-file/msg-text.ts) when it is one; when it cannot be read (test/fixtures/extract/forward-blocks/
 * SOURCES.md: only the signature and filler), the desk is told to give the tool the saved file, rather
 * than shown an empty incident dated by the customer's mail.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../core/extract';
import { outlookMsgAttachment } from '../../core/extract/outlook-msg';

const path = (name: string) =>
  fileURLToPath(new URL(`../fixtures/extract/forward-blocks/${name}`, import.meta.url));

describe('an Outlook .msg file attached', () => {
  it('is read as the message it holds, its values pointed at the attachment and said so', async () => {
    const bytes = new Uint8Array(
      readFileSync(
        fileURLToPath(new URL('../fixtures/extract/msg32/forward-attaching-ndr-msg.eml', import.meta.url)),
      ),
    );
    const { incidents, warnings } = await extractBytes(bytes, { now: new Date('2026-12-05T12:00:00Z') });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.orange?.token).toBe('OFR006_103');
    expect(incidents[0]?.sendingDomain).toBe('boutique-durand.example');
    expect(incidents[0]?.sources.reply?.line).toBe(21);
    expect(warnings[0]?.code).toBe('source.decoded-attachment');
  });

  it('one that cannot be read gives no incident and a note naming the file', async () => {
    const bytes = new Uint8Array(readFileSync(path('outlook-forward-msg-file.eml')));
    const { incidents, warnings } = await extractBytes(bytes, { now: new Date('2026-12-05T12:00:00Z') });
    expect(incidents).toHaveLength(0);
    expect(warnings.map((w) => w.code)).toEqual(['input.outlook-msg']);
    expect(warnings[0]?.text.en).toContain('Undelivered Mail Returned to Sender.msg');
    expect(warnings[0]?.text.en).toContain('no bounce could be read from it (a damaged or cut file?)');
  });

  it('finds the file by its type or its name', () => {
    expect(
      outlookMsgAttachment(
        'Content-Type: application/vnd.ms-outlook\nContent-Disposition: attachment; filename="rebond.msg"\n\nAAAA',
      ),
    ).toBe('rebond.msg');
    expect(outlookMsgAttachment('Content-Type: application/octet-stream; name="Non remis.msg"\n\nAAAA')).toBe(
      'Non remis.msg',
    );
    expect(outlookMsgAttachment('Content-Type: application/pdf; name="devis.pdf"\n\nAAAA')).toBeNull();
  });
});
