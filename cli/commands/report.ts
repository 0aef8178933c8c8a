/**
 * `report [--lang fr|en] [--json] [--assume-zone ZONE] [--now ISO] FILE`: prints the ticket for Orange's
 * form for the Orange incidents found in FILE ('-' reads standard input). The ticket goes to standard
 * output, ready to paste; warnings and missing items go to standard error.
 * Exit codes: 0 ticket printed, 1 usage or file error, 2 no incident found.
 */

import { parseArgs } from 'node:util';
import { extractBytes } from '../../core/extract';
import { advise } from '../../core/orange/advice';
import { buildTicket } from '../../core/ticket';
import type { Incident, Lang, Note, TicketContext } from '../../core/types';
import { clockOptionError, clockOptions } from '../clock-options';
import { type CliIo, fileErrorMessage, processIo, shownPath } from '../io';
import { optionErrorMessage } from '../option-error';

/** What the command needs from the outside world (cli/io.ts provides it for the real process). */
export type ReportIo = Pick<CliIo, 'stdout' | 'stderr' | 'read'>;

export const REPORT_USAGE = `Usage: report [--lang fr|en] [--json] [--assume-zone ZONE] [--now ISO] FILE
  Prints the ticket for Orange's abuse desk form for the incidents found in FILE ('-' for standard input).
  --lang fr|en       language of the ticket (default fr: Orange's form is in French)
  --json             print the ticket, the incidents and their advice as JSON
  --assume-zone ZONE zone for timestamps that carry none (IANA name or +01:00; default UTC)
  --now ISO          the current time, for reproducible results
  --company, --daily-volume, --collection-method, --actions-taken, --contact-name TEXT
  --signal-spam yes|no   the optional context written into the ticket`;

function parseSignalSpam(value: string | undefined): boolean | null {
  if (value === undefined) return null;
  if (/^(yes|oui|true|1)$/i.test(value)) return true;
  if (/^(no|non|false|0)$/i.test(value)) return false;
  throw new Error(`--signal-spam expects yes or no, not "${value}"`);
}

/** Runs the command; returns the process exit code. */
export async function runReport(argv: string[], io: ReportIo = processIo): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.stderr(`${optionErrorMessage(error)}\n${REPORT_USAGE}\n`);
    return 1;
  }
  const { values, file } = parsed;
  if (values.help) {
    io.stdout(`${REPORT_USAGE}\n`);
    return 0;
  }
  let bytes: Uint8Array;
  // What reading lost (a gzip file cut short) is said with the engine's notes.
  const readNotes: Note[] = [];
  try {
    bytes = await io.read(file, (n) => readNotes.push(n));
  } catch (error) {
    io.stderr(`Cannot read ${shownPath(file)}: ${fileErrorMessage(error)}\n`);
    return 1;
  }
  const now = values.now ? new Date(values.now) : new Date();
  const result = await extractBytes(bytes, { ...clockOptions(values), now });
  const lang = values.lang as Lang;
  for (const note of [...readNotes, ...result.warnings]) io.stderr(`note: ${note.text[lang]}\n`);
  // The ticket keeps the refusals the abuse desk deals with and says how many it left out (buildTicket).
  const incidents: Incident[] = result.incidents;
  if (incidents.length === 0) {
    io.stderr(lang === 'fr' ? 'Aucun incident trouvé.\n' : 'No incident found.\n');
    return 2;
  }
  const ticket = buildTicket({ incidents, context: parsed.context, lang, now });
  if (values.json) {
    const withAdvice = incidents.map((incident) => ({
      ...incident,
      advice: advise(incident, { incidents }),
    }));
    io.stdout(`${JSON.stringify({ ticket, incidents: withAdvice }, null, 2)}\n`);
    return 0;
  }
  io.stdout(`${lang === 'fr' ? 'Objet\u00a0:' : 'Subject:'} ${ticket.subject}\n\n${ticket.body}`);
  for (const warning of ticket.warnings) io.stderr(`warning: ${warning[lang]}\n`);
  return 0;
}

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      lang: { type: 'string', default: 'fr' },
      json: { type: 'boolean', default: false },
      'assume-zone': { type: 'string' },
      now: { type: 'string' },
      company: { type: 'string' },
      'daily-volume': { type: 'string' },
      'collection-method': { type: 'string' },
      'actions-taken': { type: 'string' },
      'contact-name': { type: 'string' },
      'signal-spam': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.lang !== 'fr' && values.lang !== 'en')
    throw new Error(`--lang expects fr or en, not "${values.lang}"`);
  const clockError = clockOptionError(values);
  if (clockError) throw new Error(clockError);
  const file = positionals[0];
  if (!values.help && (positionals.length !== 1 || file === undefined)) {
    throw new Error('report expects exactly one FILE');
  }
  const context: TicketContext = {
    ...(values.company !== undefined ? { company: values.company } : {}),
    ...(values['daily-volume'] !== undefined ? { dailyVolume: values['daily-volume'] } : {}),
    ...(values['collection-method'] !== undefined ? { collectionMethod: values['collection-method'] } : {}),
    ...(values['actions-taken'] !== undefined ? { actionsTaken: values['actions-taken'] } : {}),
    ...(values['contact-name'] !== undefined ? { contactName: values['contact-name'] } : {}),
    signalSpamMember: parseSignalSpam(values['signal-spam']),
  };
  return { values, file: file ?? '-', context };
}
