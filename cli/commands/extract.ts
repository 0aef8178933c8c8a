/**
 * `extract [--json] [--lang en|fr] [--assume-zone ZONE] [--now ISO] FILE|-|DIR ...`
 * One input (a file or '-'): one JSON document `{"incidents": [...], "warnings": [...]}`. Several inputs or a
 * directory (walked recursively, mbox files included): one JSON line per file, `{"file": "<path>",
 * "incidents": [...], "warnings": [...]}`, in one process; a file or a folder that cannot be read has its
 * line too, with `"error": "<why>"`. Hidden folders are walked (Maildir++'s `.Junk`); a mail store's own
 * files are not (Apple Mail's index and attachments, a Maildir's `tmp/` and Dovecot's indexes, Thunderbird's
 * `.msf`: cli/mail-store-files.ts). Without --json: a readable summary, in English or (--lang fr) French.
 * Exit codes: 0 done; 1 usage error, or an input that is missing, unreadable, empty or binary, or a folder
 * with nothing to read (the other files are still processed).
 */

import { parseArgs } from 'node:util';
import { type DecodedText, decodeInput, extractDecoded } from '../../core/extract';
import { MAX_INPUT_BYTES } from '../../core/extract/decode-bytes';
import { TOO_MANY_INCIDENTS } from '../../core/extract/incident-cap';
import { advise } from '../../core/orange/advice';
import type { ExtractionResult, ExtractOptions, Lang, Note } from '../../core/types';
import { clockOptionError, clockOptions } from '../clock-options';
import { type CliIo, fileErrorMessage, processIo, shownPath } from '../io';
import { writeExtractionJson } from '../json-output';
import { optionErrorMessage } from '../option-error';
import { writeSummary } from '../summary';

export const EXTRACT_USAGE = `Usage: extract [--json] [--lang en|fr] [--assume-zone ZONE] [--now ISO] FILE|-|DIR [...]
  Reads bounces, SMTP replies, ESP JSON events or MTA logs and prints the incidents found.
  FILE        a file (a gzip or zstd file is read as what it holds); '-' reads standard input; DIR is
              walked recursively (mbox files and hidden folders included, version control's,
              hidden files and mail stores' own files left out: Apple Mail's table_of_contents
              and Attachments/, a Maildir's tmp/ and dovecot.* files, Thunderbird's .msf)
  --json      JSON output: one document for one input, one line per file for several
              (a file or folder that cannot be read: its line has "error")
  --lang en|fr  language of the readable summary (default en; the JSON keeps both languages)
  --assume-zone ZONE  zone for timestamps that carry none (IANA name or +01:00; default UTC)
  --now ISO   the current time, for reproducible syslog years
  Exit code 0 when every input was read, 1 otherwise (the others are still read).`;

/**
 * Above this, a log is better read by summarize: extract keeps every incident with its lines (an audit
 * saw 2.4 GB for a 50 MB log of 94,000 refusals, where summarize took 83 MB).
 */
const LARGE_LOG_BYTES = 16 * 1024 * 1024;
/** The readers of everything but logs (core/types.ts InputFormat): the rest are logs' formats. */
const NOT_LOGS = new Set(['smtp-reply', 'json-event', 'dsn', 'exchange', 'unknown']);

/** Warning codes that mean part of the input was not read. */
const CUT_INPUT = new Set(['input.truncated', 'input.gzip-cut', 'input.zstd-cut', TOO_MANY_INCIDENTS]);

/** Warning codes that mean what was read may be wrong in places (zstd-checksum.ts). */
const DAMAGED_INPUT = new Set(['input.zstd-checksum']);

/** Warning codes that mean the input itself is unusable. */
const BAD_INPUT = new Set(['input.empty', 'input.binary']);

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      lang: { type: 'string', default: 'en' },
      help: { type: 'boolean', short: 'h' },
      'assume-zone': { type: 'string' },
      now: { type: 'string' },
    },
  });
  if (values.lang !== 'fr' && values.lang !== 'en')
    throw new Error(`--lang expects en or fr, not "${values.lang}"`);
  const clockError = clockOptionError(values);
  if (clockError) throw new Error(clockError);
  return { values, lang: values.lang as Lang, inputs: positionals };
}

/** An input that could not be read: a file's error, or a folder's (the walk went on without it). */
interface InputError {
  path: string;
  message: string;
}

async function expandInputs(inputs: string[], io: CliIo): Promise<{ files: string[]; errors: InputError[] }> {
  const files: string[] = [];
  const errors: InputError[] = [];
  for (const input of inputs) {
    try {
      if (await io.isDirectory(input)) {
        const before = errors.length;
        const found = await io.listFiles(input, (path, error) =>
          errors.push({ path, message: fileErrorMessage(error) }),
        );
        // (A folder that could not be read at all has said why: "nothing to read" would only repeat it.)
        if (found.length === 0 && !errors.slice(before).some((e) => e.path === input))
          errors.push({ path: input, message: 'no file to read in this folder' });
        files.push(...found);
      } else files.push(input);
    } catch {
      // Missing or unreadable: reading it says why, in its own JSON line too.
      files.push(input);
    }
  }
  return { files, errors };
}

/**
 * FILE's text and its size in bytes. The bytes are let go once decoded, before the engine reads the text:
 * held through the extraction, a large log's 64 MB of bytes sat beside its 64 MB of text (231 MB at
 * peak for a 300 MB log).
 */
async function readDecoded(
  io: CliIo,
  file: string,
  onNote: (note: Note) => void,
): Promise<{ size: number; decoded: DecodedText }> {
  const bytes = await io.read(file, onNote);
  return { size: bytes.length, decoded: decodeInput(bytes) };
}

/** Runs the command; returns the process exit code. */
export async function runExtract(argv: string[], io: CliIo = processIo): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.stderr(`${optionErrorMessage(error)}\n${EXTRACT_USAGE}\n`);
    return 1;
  }
  const { values, lang, inputs } = parsed;
  if (values.help) {
    io.stdout(`${EXTRACT_USAGE}\n`);
    return 0;
  }
  if (inputs.length === 0) {
    io.stderr(`extract: no input given\n${EXTRACT_USAGE}\n`);
    return 1;
  }
  const options: ExtractOptions = clockOptions(values);
  let single = inputs.length === 1 && inputs[0] === '-';
  if (inputs.length === 1 && inputs[0] !== '-') {
    try {
      single = !(await io.isDirectory(inputs[0] as string));
    } catch (error) {
      io.stderr(`extract: ${shownPath(inputs[0] as string)}: ${fileErrorMessage(error)}\n`);
      return 1;
    }
  }
  const { files, errors } = await expandInputs(inputs, io);
  let failed = errors.length > 0;
  for (const e of errors) {
    io.stderr(`extract: ${shownPath(e.path)}: ${e.message}\n`);
    // A folder left out has its line too, as a file that cannot be read has: a script sees it was not read.
    if (values.json && !single)
      io.stdout(`${JSON.stringify({ file: e.path, incidents: [], warnings: [], error: e.message })}\n`);
  }
  for (const file of files) {
    const shown = shownPath(file);
    let result: ExtractionResult;
    let size = 0;
    try {
      // What reading lost (a gzip or zstd file cut short) is said with the engine's notes.
      const readNotes: Note[] = [];
      const read = await readDecoded(io, file, (n) => readNotes.push(n));
      size = read.size;
      result = await extractDecoded(read.decoded, options);
      if (readNotes.length > 0) result = { ...result, warnings: [...readNotes, ...result.warnings] };
    } catch (error) {
      const message = fileErrorMessage(error);
      io.stderr(`extract: ${shown}: ${message}\n`);
      // One line per file given, read or not, so that a script can tell which failed.
      if (values.json && !single)
        io.stdout(`${JSON.stringify({ file, incidents: [], warnings: [], error: message })}\n`);
      failed = true;
      continue;
    }
    // A large log: every incident is kept and printed in full; summarize streams it in little memory.
    if (
      size > LARGE_LOG_BYTES &&
      result.incidents.length > 0 &&
      !NOT_LOGS.has(result.incidents[0]?.format ?? 'unknown')
    )
      io.stderr(
        `extract: ${shown}: a large log (${size > MAX_INPUT_BYTES ? 'more than ' : ''}${Math.round(Math.min(size, MAX_INPUT_BYTES) / 1048576)} MB): \`summarize\` reads it faster, in little memory, and groups its Orange incidents\n`,
      );
    // A cut input is read, but the user must know that its end was not (nor what followed the first
    // thousand refusals of a paste, nor what a gzip file cut short held after the cut), and that zstd data
    // that does not match its checksum may be read wrong.
    for (const cut of result.warnings.filter((w) => CUT_INPUT.has(w.code) || DAMAGED_INPUT.has(w.code)))
      io.stderr(`extract: ${shown}: ${cut.text.en}\n`);
    const bad = result.warnings.find((w) => BAD_INPUT.has(w.code));
    if (bad) {
      io.stderr(`extract: ${shown}: ${bad.text.en}\n`);
      failed = true;
    }
    if (values.json) {
      // Written one incident at a time: a log's hundred thousand refusals make too long a string.
      writeExtractionJson((text) => io.stdout(text), result, advise, single ? {} : { file }, single);
    } else {
      writeSummary((text) => io.stdout(text), result, single ? undefined : shown, lang);
    }
  }
  return failed ? 1 : 0;
}
