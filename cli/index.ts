/**
 * The command-line tool: `abuse-desk <command> [options]` (`npm run -s cli -- <command> ...`).
 * Commands live in cli/commands, one file each. Errors print a message, never a stack trace.
 */
import { version } from '../package.json';
import { EXTRACT_USAGE, runExtract } from './commands/extract';
import { REPORT_USAGE, runReport } from './commands/report';
import { runSummarize, SUMMARIZE_USAGE } from './commands/summarize';
import { limitHeapGrowth } from './heap-growth';

const COMMANDS: Record<string, { run: (argv: string[]) => Promise<number>; usage: string }> = {
  extract: { run: (argv) => runExtract(argv), usage: EXTRACT_USAGE },
  report: { run: (argv) => runReport(argv), usage: REPORT_USAGE },
  // A streamed scan's garbage is collected early (heap-growth.ts): its memory stays flat and low.
  summarize: {
    run: (argv) => {
      limitHeapGrowth();
      return runSummarize(argv);
    },
    usage: SUMMARIZE_USAGE,
  },
};

const HELP = `Usage: abuse-desk <command> [options]
Commands:
  extract   read bounces, replies, ESP events or MTA logs and print the incidents (--json for scripts)
  report    print the ticket for Orange's abuse desk
  summarize summarise a large MTA log (streamed; .gz accepted)
Run "abuse-desk <command> --help" for a command's options; "abuse-desk --version" prints the version.`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  // No command is a usage error: the help goes to standard error, as any usage error's message does.
  if (!name) {
    process.stderr.write(`${HELP}\n`);
    return 1;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (name === '--version' || name === '-V' || name === 'version') {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n${HELP}\n`);
    return 1;
  }
  return command.run(rest);
}

// A reader that stops early (`| head`) closes the pipe: stop quietly, as other command-line tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`abuse-desk: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
