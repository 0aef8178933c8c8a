/**
 * A command-line parsing error in a line of its own words. Node's parseArgs says of an unknown option
 * `Unknown option '--bogus'. To specify a positional argument starting with a '-', place it at the end
 * of the command after '--', as in '-- "--bogus"` (its last quote left open): a file named like an
 * option is rare, and its advice ran on past the line's end.
 */
export function optionErrorMessage(error: unknown): string {
  const e = error as { code?: string; message?: string };
  const unknown =
    e?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /^Unknown option '([^']*)'/.exec(e.message ?? '') : null;
  if (unknown) return `Unknown option '${unknown[1]}' (for a file of that name, put -- before it)`;
  return e?.message ?? String(error);
}
