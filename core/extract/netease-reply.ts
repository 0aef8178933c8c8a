/**
 * NetEase's refusals (163.com, 126.com, yeah.net, its enterprise mail) end with the server, a queue id
 * and the Unix time of the refusal, and often a help link naming the client and that time again:
 * `554 DT:SPM 163 smtp10,DsCowAA3D+JApVpd78gMKg--.16104S2 1566221632,please see
 * http://mail.163.com/help/help_spam_16.htm?ip=59.42.123.65&hostid=smtp10&time=1566221632`.
 * Wording as seen in real replies (GitHub issues 2015-2024).
 */
import { fromUnixSeconds } from './dates';

/** `smtp10,` then the queue id (`...--.16104S2`), a space, then ten digits: the time. */
const QUEUE_ID_TIME = /\bsmtp\d{1,3},\s?[A-Za-z0-9+/_]{8,64}--\.\d{1,8}S\d{1,3}\s(\d{10})\b/;
/** The help link's own `&time=` beside its `hostid=`. */
const LINK_TIME = /\bmail\.(?:163|126)\.com\/[^\s"'<>]{0,200}[?&]hostid=[^\s&"'<>]{1,40}&time=(\d{10})\b/;

/** The time of the refusal NetEase wrote in its reply (ISO, UTC), or null. */
export function netEaseRefusalTime(reply: string): string | null {
  if (!reply.includes('smtp') && !reply.includes('time=')) return null;
  const seconds = QUEUE_ID_TIME.exec(reply)?.[1] ?? LINK_TIME.exec(reply)?.[1];
  return seconds ? fromUnixSeconds(Number(seconds)) : null;
}
