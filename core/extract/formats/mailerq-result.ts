/**
 * MailerQ's result JSON (its results, failures and retry queues): the message's JSON with `envelope`
 * (the sender), `recipient`, and `results`, one object per delivery attempt: `state` (the SMTP step,
 * `intro`, `mailfrom`, `rcptto`...), `result` (`accepted`, `error`, `timeout`, `lost`, `invalid`),
 * `time` (`2016-02-04 13:45:15`, no zone), `mta` (the remote's reverse DNS name, or `[IP]`), `from` (the
 * sending IP), `to` (the remote's IP), `code`, `status` (the enhanced code) and `description` (the
 * remote's words after the code). Fields from Copernica's MailerQ documentation, "Result message queues".
 * Each refused attempt is a refusal of its own (a 421 retried, then a 550).
 */
import type { EventFacts } from './event-facts';
import type { Obj } from './json-value';

/** MailerQ's delivery states (its documentation's list). */
const STATES = new Set([
  'amqp',
  'storage',
  'responsive',
  'personalize',
  'dns',
  'bind',
  'connect',
  'intro',
  'ehlo',
  'helo',
  'starttls',
  'authplain',
  'authlogin',
  'authusername',
  'authpassword',
  'authcram',
  'authresponse',
  'mailfrom',
  'rcptto',
  'data',
  'message',
  'idle',
]);
const RESULTS = new Set(['accepted', 'error', 'timeout', 'lost', 'invalid']);

const text = (o: Obj | undefined, key: string): string | null => {
  const v = o?.[key];
  if (typeof v === 'number') return String(v);
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
};

/**
 * True for one attempt of MailerQ's `results`: its state and result as MailerQ names them, in the
 * `results` of a message with its `recipient` or `envelope`, or copied alone with its `mta` and `to` (the
 * remote MTA). `state` and `result` alone are common words (a webhook log's `{"state": "connect", "result":
 * "error", "code": 502}` is no SMTP refusal).
 */
export function isMailerqAttempt(o: Obj, parents: readonly Obj[]): boolean {
  const state = text(o, 'state');
  const result = text(o, 'result');
  if (state === null || result === null || !STATES.has(state) || !RESULTS.has(result)) return false;
  if (text(o, 'mta') !== null && text(o, 'to') !== null) return true;
  const message = parents[0];
  return (
    Array.isArray(message?.results) &&
    message.results.includes(o) &&
    (text(message, 'recipient') !== null || text(message, 'envelope') !== null)
  );
}

/**
 * The refusal one attempt describes, over `base` (the facts its message gives: recipient, sender);
 * null when the remote refused nothing (accepted, or no code: a timeout, a DNS failure, its own error).
 */
export function mailerqFacts(o: Obj, parents: readonly Obj[], base: EventFacts): EventFacts | null {
  const code = text(o, 'code');
  if (text(o, 'result') === 'accepted' || !code || !/^[45]\d\d$/.test(code)) return null;
  const words = text(o, 'description') ?? '';
  const reply = words.startsWith(code) ? words : `${code} ${words}`.trim();
  const message = parents.find((p) => Array.isArray(p.results)) ?? parents[0];
  const mta = text(o, 'mta');
  return {
    ...base,
    replyText: reply,
    replyWritten: words || code,
    enhanced: text(o, 'status'),
    recipient: text(message, 'recipient') ?? base.recipient,
    sender: text(message, 'envelope') ?? base.sender,
    time: text(o, 'time'),
    sendingIp: text(o, 'from'),
    remoteIp: text(o, 'to'),
    remoteHost: mta && !mta.startsWith('[') ? mta : null,
  };
}
