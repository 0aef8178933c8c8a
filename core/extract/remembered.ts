/**
 * Answers remembered by the text they were asked of: a log asks the same questions of the same few names
 * and addresses (its own hosts, Orange's MX) on every line or incident, and a paste of many refusals
 * too. At most `cap` answers are kept, all forgotten at once when full, so memory stays bounded.
 */

/**
 * A copy of a string that no longer points into the chunk it was cut from. V8 represents `slice()` of a
 * long string as a view on the whole chunk (1 MB when streaming a file): keeping such a view in a
 * long-lived map would keep every chunk alive. Concatenating then slicing forces a flat copy.
 */
export function detach(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

/** `compute`, its answers remembered by key (each key kept as a copy: see detach). */
export function remembered<T>(compute: (key: string) => T, cap = 4096): (key: string) => T {
  const answers = new Map<string, T>();
  return (key) => {
    const known = answers.get(key);
    if (known !== undefined || answers.has(key)) return known as T;
    const answer = compute(key);
    if (answers.size >= cap) answers.clear();
    answers.set(detach(key), answer);
    return answer;
  };
}
