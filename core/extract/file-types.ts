/**
 * The files the engine reads, by name: bounces (.eml, an mbox, Apple Mail's .emlx: emlx.ts), MTA logs and
 * accounting files (.log, .csv, .txt), ESP events and JSON logs (.json, .jsonl, .ndjson: Mailgun's and other ESPs' event exports), and bounces saved from a
 * webmail as a page (.htm, .html), a bounce dragged out of Outlook (.msg, read through
 * outlook-file/msg-text.ts) or saved from Outlook or WordPad as RTF (.rtf, read through file-bytes.ts), and
 * any of these rotated and compressed (`mail.log.1.gz`, read through gunzip.ts; `mail.log.1.zst`, read
 * through unzstd.ts). The open dialog offers them and a drop accepts them; any other file is refused before
 * it is read. A log's own name is decided by its bytes: a name without an extension (KumoMTA's zstd segments,
 * Red Hat's `maillog`, Exim's `mainlog`, qmail's multilog `current`), a rotated one (`mail.log.1`,
 * `maillog-20241201`) or a syslog level's (Debian's `mail.info`, `mail.err`): a drop reads it when they are
 * gzip, zstd or text, the open dialog's `*` filter and the CLI take any file.
 */
export const READABLE_EXTENSIONS = [
  'eml',
  'emlx',
  'mbox',
  'txt',
  'log',
  'csv',
  'json',
  'jsonl',
  'ndjson',
  'htm',
  'html',
  'msg',
  'rtf',
  'gz',
  'zst',
  'zstd',
] as const;

/** True when `name` has no extension (`20240315-101500`; `.bashrc` has none either). */
function hasNoExtension(name: string): boolean {
  return name.lastIndexOf('.') <= 0;
}

export function isReadableFileName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  if (dot < 0) return false;
  const extension = name.slice(dot + 1).toLowerCase();
  return (READABLE_EXTENSIONS as readonly string[]).includes(extension);
}

// What logrotate and syslog daemons add to a log's name: a rotation number (`mail.log.1`), a date
// (`maillog-20241201` with logrotate's dateext, `mail.log.2024-12-01`), a compression extension
// (`mail.log.2.gz`), and the level a syslog daemon sorts the mail facility into (Debian's rsyslog
// writes mail.info, mail.warn and mail.err beside mail.log; sysklogd also knows notice, debug, crit).
const ROTATION = /(?:\.\d{1,4}|[.-]\d{8}|[.-]\d{4}-\d\d-\d\d|\.(?:gz|zst|zstd))$/i;
// daemontools' and s6's multilog: `current`, and each full one renamed to its TAI64N time (`.s` when
// written safely, `.u` when not), as qmail's logs are kept.
const MULTILOG_ARCHIVE = /^@[0-9a-f]{24}\.[su]$/i;
const SYSLOG_LEVELS = /\.(?:info|notice|warn|warning|err|error|crit|debug)$/i;

/**
 * True for the name of a log as syslog daemons and logrotate write them: once its rotation suffixes
 * are taken off, a readable extension, a syslog level or none (`maillog`, `mainlog`, `current`), or
 * a multilog archive's name.
 */
export function isLogFileName(name: string): boolean {
  let base = name;
  for (let i = 0; i < 4 && ROTATION.test(base); i++) base = base.replace(ROTATION, '');
  if (base === '') return false;
  if (MULTILOG_ARCHIVE.test(base)) return true;
  return isReadableFileName(base) || SYSLOG_LEVELS.test(base) || hasNoExtension(base);
}

/**
 * The extensions the open dialog's first filter lists: the readable ones, plus those a log's own name
 * ends with (a syslog level, logrotate's numbers: `mail.info`, `mail.log.1`), so that they show without
 * switching to the `*` filter. A name without an extension (`maillog`) still needs that filter: a
 * dialog's filters match extensions only.
 */
export const OPEN_DIALOG_EXTENSIONS: readonly string[] = [
  ...READABLE_EXTENSIONS,
  ...['info', 'notice', 'warn', 'warning', 'err', 'error', 'crit', 'debug'],
  ...Array.from({ length: 9 }, (_, n) => String(n + 1)),
];
