/**
 * One delivery run: an MTA tries each MX address of the recipient's domain in turn, within seconds, and
 * may log a line for each that refuses. The same reply within a minute for one message is one refusal,
 * one incident; a retry later on, or another reply, stays an incident of its own.
 */
import { BoundedMap } from './bounded-map';
import { detach, type RawRejection } from './model';
import { type RawStamp, resolveStamp, type TimeOptions } from './time';

/** What tells a run apart: the time of its line and the reply. */
type RunLine = Pick<RawRejection, 'stamp' | 'replyText'>;

/** A stamp as seconds, as the incidents will date it (time.ts), to compare two of one log. */
function secondsOf(stamp: RawStamp | null, options: TimeOptions): number | null {
  const iso = resolveStamp(stamp, options).iso;
  return iso ? Date.parse(iso) / 1000 : null;
}

/**
 * Orange's server id in its reply (`421 mwinf5c27 ME ...`, `550 opmta1mti33nd1 smtp.orange.fr ...`): each
 * MX address of a run answers from a server of its own (`mwinf5c27` at one, `mwinf5d12` at the next), the
 * rest of the reply alike.
 */
const ORANGE_SERVER_ID = /\b(?:mwinf|opmta)[A-Za-z0-9]{2,20}\b/gi;
/**
 * The session id the newer servers write after their name (`421 opmta1mti33nd1 smtp.orange.fr Kq8dFgH2
 * Service refuse. ...`, notes/orange.md): one of its own at each MX address of a run too.
 */
const ORANGE_SESSION_ID =
  /\b(smtp\.orange\.fr) (?=[A-Za-z]{0,23}[0-9]|[A-Za-z]{0,22}[a-z][A-Z])[A-Za-z0-9]{6,24} /g;

/** A reply as a run's lines are compared: trimmed, Orange's server and session ids left out. */
const runReply = (text: string) =>
  text.trim().replace(ORANGE_SERVER_ID, 'mwinf').replace(ORANGE_SESSION_ID, '$1 ');

/** The same reply within a minute, for one message: one delivery run. */
export function sameRun(a: RunLine, b: RunLine, options: TimeOptions): boolean {
  if (a.replyText.trim() !== b.replyText.trim() && runReply(a.replyText) !== runReply(b.replyText))
    return false;
  const [x, y] = [secondsOf(a.stamp, options), secondsOf(b.stamp, options)];
  return x !== null && y !== null && Math.abs(x - y) <= 60;
}

/**
 * The same refusal logged again within a minute for one queue id: Exim writing one `SMTP error from
 * remote mail server` line per address of the MX it tried (four identical lines in one second), Postfix
 * one `host mta7.am0.yahoodns.net[IP] refused to talk to me: 421 ...` line per MX of the domain, each
 * refusing alike, before its status line.
 */
export function repeatsAttempt(held: readonly RunLine[], rejection: RunLine, options: TimeOptions): boolean {
  return held.some((h) => sameRun(h, rejection, options));
}

/**
 * The runs of lines that are each a message's final word for one MX, with no status line after them to
 * merge them into (Sendmail's `stat=Deferred:` line per MX host tried, `runKey`): the first of a run is
 * the incident, with the first MX tried as its remote; the next ones repeating it are left out.
 */
export class PublishedRuns {
  private readonly first: BoundedMap<string, RunLine>;

  constructor(
    cap: number,
    private readonly options: TimeOptions,
  ) {
    this.first = new BoundedMap(cap);
  }

  /** True when `rejection` repeats the run published for its key; else it starts that key's run. */
  repeats(key: string, rejection: RunLine): boolean {
    const first = this.first.get(key);
    if (first && sameRun(first, rejection, this.options)) return true;
    this.first.set(detach(key), { stamp: rejection.stamp, replyText: detach(rejection.replyText) });
    return false;
  }

  get size(): number {
    return this.first.size;
  }
}
