/**
 * Mimecast's delivery failure notice: the refused address after `-- ` under its lead, the remote's words
 * after `-- ` under `Additional information follows :` (core/extract/mimecast-notice.ts;
 * test/fixtures/extract/left61/SOURCES.md: Sisimai's lhost-mimecast-01 and -02).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { type FieldCase, fieldTable } from './field-table';

const cases: FieldCase[] = [
  [
    "the notice as Mimecast sends it, quoted-printable, the remote's enhanced code alone and its reply wrapped: the reply under `Additional information follows :`, the recipient under the lead, the frontend in Microsoft's bracket",
    'mimecast-enhanced-only-qp-derived.eml',
    [
      [
        '2026-12-04T09:14:20+00:00',
        [],
        [],
        'atelier-rive.example',
        'cabinet-nord.example',
        'am4pepf00027a5f.eurprd04.prod.outlook.com',
        null,
        null,
        '5.4.1',
        null,
      ],
    ],
  ],
  [
    'its text part pasted alone (a delivery report of 2025), the reply with its enhanced code alone: recipient and reply',
    'mimecast-body-pasted-derived.txt',
    [[null, [], [], null, 'menuiserie-est.example', null, null, null, '5.7.54', null]],
  ],
];

fieldTable("Mimecast's delivery failure notice", 'left61', '2026-12-08T12:00:00Z', cases);

const NOW = new Date('2026-12-08T12:00:00Z');
const pasted = readFileSync(
  fileURLToPath(new URL('../fixtures/extract/left61/mimecast-body-pasted-derived.txt', import.meta.url)),
  'utf8',
);

describe("Mimecast's items", () => {
  it('give the remote’s words whole, without the item’s lead, from their line', async () => {
    const { incidents } = await extract(pasted, { now: NOW });
    expect(incidents[0]?.reply.text).toBe('5.7.54 SMTP; Unable to relay recipient in non-accepted domain');
    expect(incidents[0]?.sources.reply?.line).toBe(9);
  });
});
