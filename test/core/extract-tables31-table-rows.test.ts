/**
 * A table copied from a hosting panel is read by one reader of rows (csv-export-row.ts), whether its
 * header opens the text or comes under a few words, and whichever reader found the refusal in its row
 * (test/fixtures/extract/tables31/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import type { Incident } from '../../core/types';

const fixture = (dir: string, name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/${dir}/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-05T12:00:00Z') };

const fields = (i: Incident) => [
  i.orange?.reason,
  i.occurredAt,
  i.sendingIps,
  i.sendingDomain,
  i.recipientDomain,
  i.remoteHost,
  i.remoteIp,
];

const whmRows = [
  [
    999,
    '2026-12-04T09:03:44+00:00',
    [],
    'atelier-exemple.fr',
    'wanadoo.fr',
    'smtp-in.orange.fr',
    '80.12.242.15',
  ],
  [
    102,
    '2026-12-04T09:05:13+00:00',
    ['203.0.113.45'],
    'atelier-exemple.fr',
    'orange.fr',
    'smtp-in.orange.fr',
    '193.252.22.65',
  ],
];

describe('a table copied from a panel', () => {
  it("reads WHM's report row by its columns: Out Time, Domain, Delivery Host and IP, never Sender IP Address", async () => {
    const { incidents } = await extract(fixture('tables31', 'whm-mail-delivery-report-rows.tsv'), options);
    expect(incidents.map(fields)).toEqual(whmRows);
    expect(incidents[0]?.sources.occurredAt?.text).toContain('Dec 4, 2026 9:03:44 AM');
    expect(incidents[0]?.sendingHosts).toEqual([]);
  });

  it('reads the same rows when the table is pasted under a sentence', async () => {
    const text = `Bonjour,\nvoici le rapport de WHM pour les deux messages refusés :\n${fixture('tables31', 'whm-mail-delivery-report-rows.tsv')}`;
    const { incidents } = await extract(text, options);
    expect(incidents.map(fields)).toEqual(whmRows);
    expect(incidents[1]?.sources.recipientDomain?.line).toBe(5);
  });

  it("reads a Track Delivery table under a sentence: each row's recipient, no Sender IP", async () => {
    const table = fixture('audit30panels', 'cpanel-track-delivery-rows.tsv')
      .replace('Sent Time\t', 'Sent Time\tSender IP\t')
      .replace(/(AM|PM)\t/g, '$1\t192.0.2.77\t');
    const { incidents } = await extract(
      `Voici ce que cPanel affiche dans Track Delivery :\n\n${table}`,
      options,
    );
    expect(incidents.map((i) => [i.orange?.reason, i.occurredAt, i.recipientDomain, i.sendingIps])).toEqual([
      [102, '2026-12-03T16:12:55+00:00', 'orange.fr', ['203.0.113.45']],
      [506, '2026-12-03T16:10:02+00:00', 'wanadoo.fr', []],
    ]);
  });

  it("leaves the yearless date of Webmin's queue empty under a sentence, with its warning", async () => {
    const text = `Voici la file d’attente vue dans Webmin :\n${fixture('audit30panels', 'webmin-postfix-queue-rows.tsv')}`;
    const { incidents, warnings } = await extract(text, options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBeNull();
    expect(incidents[0]?.recipientDomain).toBe('orange.fr');
    expect(incidents[0]?.sendingDomain).toBe('atelier-exemple.fr');
    expect(warnings.map((w) => w.code)).toContain('missing.occurredAt');
  });

  it("takes MailWizz's Date added for the date, not its Processed (Yes or No) column", async () => {
    const table = fixture('audit30panels', 'mailwizz-bounce-log-rows.tsv');
    const { incidents } = await extract(table, options);
    expect(incidents[0]?.occurredAt).toBe('2026-12-03T16:12:55+00:00');
    expect(incidents[0]?.sources.occurredAt?.line).toBe(2);
  });
});
