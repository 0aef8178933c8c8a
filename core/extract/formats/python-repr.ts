/**
 * An event printed by a Python program (`print(event)` on a webhook's payload) comes out as Python's
 * repr of a dict, not JSON: single-quoted strings (double quotes only around a string that holds a
 * single quote), `True`, `False`, `None`. It is turned into the JSON it stands for, character by
 * character, so that the JSON readers read it; lines stay where they were.
 */

const PYTHON_WORD = /:\s{0,4}(?:True|False|None)\s{0,4}[,}\]\r\n]/;

/** JSON for a Python dict or list repr, or null when the text is not one (or is JSON already). */
export function jsonFromPythonRepr(text: string): string | null {
  const t = text.trim();
  // Keys in double quotes too: a dict written in Python source as JSON with Python's words
  // (django-anymail's Postmark test event: `"DumpAvailable": True`).
  const opens =
    /^\[?\s{0,40}\{\s{0,40}'/.test(t) || (/^\[?\s{0,40}\{\s{0,40}"/.test(t) && PYTHON_WORD.test(t));
  if (!opens) return null;
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === "'" || c === '"') {
      const end = stringEnd(text, i, c);
      if (end < 0) return null;
      out.push(JSON.stringify(pythonString(text.slice(i + 1, end))));
      i = end + 1;
      continue;
    }
    const word = /^(?:True|False|None)\b/.exec(text.slice(i, i + 6));
    if (word && !/\w/.test(text[i - 1] ?? '')) {
      out.push(word[0] === 'True' ? 'true' : word[0] === 'False' ? 'false' : 'null');
      i += word[0].length;
      continue;
    }
    out.push(c);
    i++;
  }
  return out.join('');
}

/** Index of the quote closing the string opened at `start`, or -1. */
function stringEnd(text: string, start: number, quote: string): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === quote) return i;
    else if (c === '\n') return -1;
  }
  return -1;
}

/** A Python string literal's contents as the string it stands for (the escapes repr writes). */
function pythonString(body: string): string {
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|.)/g, (_, e: string) => {
    if (e.length > 1) return String.fromCharCode(Number.parseInt(e.slice(1), 16));
    return ({ n: '\n', r: '\r', t: '\t' } as Record<string, string>)[e] ?? e;
  });
}
