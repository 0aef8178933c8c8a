/** Operations of the shell itself: clipboard, external links, opening files, settings. */
import { z } from 'zod';
import { ABUSIX_KEY } from './abusix-key';
import { operation } from './define';

export const OpenedFile = z.object({
  name: z.string(),
  path: z.string(),
  size: z.number(),
  text: z.string().nullable(),
  /** Set when the file was too large or unreadable as text. */
  error: z.string().nullable(),
  /** Set when the file's gzip or zstd data ended early: `text` holds only the lines before the cut. */
  compressedCut: z.enum(['gzip', 'zstd']).optional(),
  /**
   * Set when the file's zstd data does not match its checksum: `text` is as it decoded, maybe wrong in
   * places.
   */
  checksumMismatch: z.enum(['zstd']).optional(),
  /**
   * Set when bytes that start no gzip member follow the file's gzip data (a copy or transfer tool's tail):
   * they were ignored, as gzip(1) does, and `text` is the whole of what the gzip data holds.
   */
  trailingIgnored: z.enum(['gzip']).optional(),
});
export type OpenedFile = z.infer<typeof OpenedFile>;

export const Settings = z.object({
  uiLang: z.enum(['fr', 'en']).default('fr'),
  ticketLang: z.enum(['fr', 'en']).default('fr'),
  maskRecipients: z.boolean().default(true),
  /** Abusix Mail Intelligence access key for the pre-flight blocklist check (see abusix-key.ts). */
  abusixKey: z.string().trim().regex(ABUSIX_KEY, 'letters, digits and hyphens only, at most 63').optional(),
  ticketContext: z
    .object({
      company: z.string().max(500).optional(),
      dailyVolume: z.string().max(200).optional(),
      collectionMethod: z.string().max(2000).optional(),
      signalSpamMember: z.boolean().nullable().optional(),
      actionsTaken: z.string().max(5000).optional(),
      contactName: z.string().max(200).optional(),
    })
    .default({}),
});
export type Settings = z.infer<typeof Settings>;

export const appContract = {
  copyText: operation<{ ok: true }>()(z.object({ text: z.string().max(5_000_000) })),
  openExternal: operation<{ ok: boolean; reason?: string }>()(z.object({ url: z.string().max(4096) })),
  openFile: operation<OpenedFile | null>()(z.object({}).strict()),
  getSettings: operation<Settings>()(z.object({}).strict()),
  saveSettings: operation<Settings>()(Settings.partial()),
};
