/**
 * The plain data shapes shared by every part of the app (core, main process, renderer, CLI).
 * Pure types: no runtime code lives here.
 */

/** A text in both languages the app speaks. */
export interface Localized {
  fr: string;
  en: string;
}

export type Lang = keyof Localized;

/** Where a field's value was read: 1-based line number in the pasted text, and that line. */
export interface SourceRef {
  line: number;
  text: string;
}

/** Names of the fields an incident carries, used as keys of `sources` and of validation results. */
export type FieldName =
  | 'occurredAt'
  | 'sendingIps'
  | 'sendingHosts'
  | 'sendingDomain'
  | 'recipientDomain'
  | 'remoteHost'
  | 'remoteIp'
  | 'reply'
  | 'orange';

/** Which reader produced an incident. One module per input format in core/extract/formats. */
export type InputFormat =
  | 'smtp-reply'
  | 'json-event'
  | 'dsn'
  | 'postfix'
  | 'exim'
  | 'sendmail'
  | 'powermta'
  | 'kumomta'
  | 'haraka'
  | 'hmailserver'
  | 'opensmtpd'
  | 'qmail'
  | 'zonemta'
  | 'stalwart'
  | 'momentum'
  | 'exchange'
  | 'iis-smtp'
  | 'dma'
  | 'chasquid'
  | 'mox'
  | 'courier'
  | 'postal'
  | 'unknown';

export interface SmtpReply {
  /** Basic reply code as Orange sent it (taken from the reply text, never from dsn=/Status: alone). */
  code: number | null;
  /** Enhanced status code (RFC 3463) only when the reply or the DSN carries one. */
  enhanced: string | null;
  /** The whole reply, unwrapped onto one line. */
  text: string;
}

export interface OrangeReply {
  /** Normalised token, e.g. OFR006_102, OFR_506. */
  token: string | null;
  /** Reason number (last three digits of the token, echoed as [NNN]). */
  reason: number | null;
  /** Orange's server id, e.g. mwinf5c04, opmta1mti33nd1. */
  server: string | null;
}

/** A note attached to an incident or a whole extraction, in both languages, with a stable code. */
export interface Note {
  code: string;
  text: Localized;
}

/** The earlier Orange error that most likely triggered a 999 suspension. */
export interface TriggerRef {
  line: number;
  text: string;
  occurredAt: string | null;
  token: string | null;
  reason: number | null;
  /** The sending IPs the earlier error gave (its log's source fields, Orange's links), when any. */
  sendingIps?: string[];
}

export interface Incident {
  /** ISO 8601 with offset, e.g. 2019-12-16T22:00:18+01:00, or null when not found. */
  occurredAt: string | null;
  sendingIps: string[];
  sendingHosts: string[];
  sendingDomain: string | null;
  recipientDomain: string | null;
  remoteHost: string | null;
  remoteIp: string | null;
  reply: SmtpReply;
  /** Orange-specific parts of the reply; null when the reply is not Orange's. */
  orange: OrangeReply | null;
  /** True when the rejecting side is Orange (token, server id, MX name/address or recipient domain). */
  isOrange: boolean;
  format: InputFormat;
  sources: Partial<Record<FieldName, SourceRef>>;
  /** Explicit assumptions made (e.g. the year and zone of a syslog timestamp). */
  assumptions: Note[];
  /** For a 999 suspension: the earlier Orange error for the same sending IP, when found. */
  trigger: TriggerRef | null;
}

export interface ExtractionResult {
  incidents: Incident[];
  warnings: Note[];
}

/** Options for extraction; every clock-dependent choice is an input so results are reproducible. */
export interface ExtractOptions {
  /** The moment "now" for guessing a syslog year; defaults to the current time. */
  now?: Date;
  /** IANA zone or fixed offset ("+01:00") assumed for timestamps that carry none; default: UTC. */
  assumeZone?: string;
}

// ---------------------------------------------------------------- advice (issue 4)

export type NextStep =
  | 'wait-and-retry'
  | 'fix-configuration'
  | 'delist-elsewhere'
  | 'contact-orange'
  | 'not-an-abuse-desk-case'
  | 'unknown';

export interface Link {
  label: Localized;
  url: string;
}

export interface Advice {
  nextStep: NextStep;
  contactAbuseDesk: boolean;
  summary: Localized;
  links: Link[];
}

// ---------------------------------------------------------------- validation (issue 4)

export type VerdictLevel = 'ok' | 'warning' | 'error';

export interface Verdict {
  level: VerdictLevel;
  message: Localized;
}

/** The sender's optional context for the ticket, remembered between sessions by the UI. */
export interface TicketContext {
  company?: string;
  dailyVolume?: string;
  collectionMethod?: string;
  signalSpamMember?: boolean | null;
  actionsTaken?: string;
  contactName?: string;
}
