/** Shared test helpers: realistic incidents, a real temporary folder, and calls through the contract schemas. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import type { Incident } from '../../../core/types';
import type { InputOf, OutputOf } from '../../../electron/contract/define';
import { historyContract } from '../../../electron/contract/history';
import {
  createHistoryService,
  type HistoryService,
  type HistoryServiceOptions,
} from '../../../electron/services/history';
import {
  DecodedRecordsSchema,
  decodeLenient,
  HotFileFrameSchema,
} from '../../../electron/services/history/hot-file';
import type { StoredRecord } from '../../../electron/services/history/schema';

type Contract = typeof historyContract;

/** Calls an operation the way the IPC layer does: input validated (and defaulted) by its schema first. */
export function call<M extends keyof Contract>(
  service: HistoryService,
  method: M,
  input: InputOf<Contract[M]>,
): Promise<OutputOf<Contract[M]>> {
  const parsed = (historyContract[method].input as z.ZodType).parse(input);
  const fn = service[method] as (arg: unknown) => Promise<OutputOf<Contract[M]>> | OutputOf<Contract[M]>;
  return Promise.resolve(fn(parsed));
}

export async function makeTempDir(label = 'history'): Promise<{ dir: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `ada-${label}-`));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export async function openStore(options: HistoryServiceOptions): Promise<HistoryService> {
  const service = createHistoryService(options);
  await service.ready;
  return service;
}

/** A Cloudmark block as Orange's MX writes it (shape from real bounces, documentation IP). */
export function orangeIncident(overrides: Partial<Incident> = {}): Incident {
  const ip = overrides.sendingIps?.[0] ?? '203.0.113.7';
  const reason = overrides.orange?.reason ?? 102;
  const text = `550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_${reason} Ref http://csi.cloudmark.com/reset-request/?ip=${ip} [${reason}]`;
  return {
    occurredAt: '2026-11-20T09:12:44+01:00',
    sendingIps: [ip],
    sendingHosts: ['mail1.example.com'],
    sendingDomain: 'example.com',
    recipientDomain: 'orange.fr',
    remoteHost: 'smtp-in.orange.fr',
    remoteIp: '193.252.22.65',
    reply: { code: 550, enhanced: null, text },
    orange: { token: `OFR006_${reason}`, reason, server: 'mwinf5c04' },
    isOrange: true,
    format: 'postfix',
    sources: { reply: { line: 3, text: `said: ${text}` } },
    assumptions: [],
    trigger: null,
    ...overrides,
  };
}

export const rawPostfixLog = (ip = '203.0.113.7') =>
  [
    `Nov 20 09:12:44 mail1 postfix/smtp[4242]: 4Bx1yZ0abc: to=<jean.dupont@orange.fr>, relay=smtp-in.orange.fr[193.252.22.65]:25, delay=0.4, dsn=5.0.0, status=bounced (host smtp-in.orange.fr[193.252.22.65] said: 550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=${ip} [102] (in reply to end of DATA command))`,
    'Nov 20 09:12:44 mail1 postfix/bounce[4243]: 4Bx1yZ0abc: sender non-delivery notification: 4Bx1yZ0def',
  ].join('\r\n');

export function saveInput(overrides: Partial<InputOf<Contract['save']>> = {}): InputOf<Contract['save']> {
  const incident = overrides.incident ?? orangeIncident();
  const ip = incident.sendingIps[0] ?? '';
  const token = incident.orange?.token ?? '';
  return {
    incident,
    advice: {
      nextStep: 'delist-elsewhere',
      contactAbuseDesk: false,
      summary: { fr: 'Demandez la levée chez Cloudmark.', en: 'Ask Cloudmark for a reset.' },
      links: [
        { label: { fr: 'Cloudmark', en: 'Cloudmark' }, url: 'https://csi.cloudmark.com/reset-request/' },
      ],
    },
    ticket: {
      fr: { subject: `Blocage IP ${ip} (${token})`, body: `Bonjour,\nNotre IP ${ip} est bloquée.` },
      en: { subject: `IP ${ip} blocked (${token})`, body: `Hello,\nOur IP ${ip} is blocked.` },
    },
    rawText: rawPostfixLog(ip),
    ...overrides,
  };
}

/** A clock the test moves by hand. */
export function manualClock(start = '2026-11-29T10:00:00.000Z') {
  let current = Date.parse(start);
  return {
    now: () => new Date(current),
    advance(ms: number) {
      current += ms;
    },
    set(iso: string) {
      current = Date.parse(iso);
    },
  };
}

/** A version 4 history file (history.json or its .bak) read back as records, through zod. */
export async function readStoredFile(
  path: string,
): Promise<{ schemaVersion: number; records: StoredRecord[] }> {
  const frame = HotFileFrameSchema.parse(JSON.parse(await readFile(path, 'utf8')));
  const { records } = DecodedRecordsSchema.parse({ records: decodeLenient(frame) });
  return { schemaVersion: frame.schemaVersion, records };
}

/** The text pack a stored record's details are in. */
export function packOf(record: StoredRecord | undefined): string {
  if (!record || !('file' in record.details))
    throw new Error(`record ${record?.id} has no details in a pack`);
  return record.details.file;
}
