/**
 * Alibaba Mail's notice (Alibaba Cloud's enterprise mail, qiye.aliyun.com) writes when the remote refused
 * after the reply it quotes, with its own word: `远程响应 | the mta server of qq.com -- mx3.qq.com(157.255.4.241)
 * reply:550 The "From" header is missing or invalid. ... https://service.mail.qq.com/detail/124/995. at
 * 2023-12-30 19:27:15` (songquanpeng/message-pusher issue 127). The ` at ...` is Alibaba's, not QQ's: the
 * reply ends before it. The time has no zone (read as any zone-less time is, in the assumed zone, with a note
 * saying so).
 */

/** ` at YYYY-MM-DD HH:MM:SS` closing the reply's line. */
const AT_TIME = /\s{1,4}at\s{1,4}(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})[ \t]*(?=\n|$)/;

export interface AlimailTime {
  /** The reply without Alibaba's ` at <time>`. */
  reply: string;
  /** The time as `YYYY-MM-DDTHH:MM:SS`, no zone. */
  time: string;
  /** Where the time is written in the reply given. */
  offset: number;
}

/**
 * The reply an Alibaba notice quotes (`reply:550 ...` up to its paragraph's end) without its time, or null.
 */
export function alimailTime(reply: string): AlimailTime | null {
  const m = AT_TIME.exec(reply);
  if (!m) return null;
  return { reply: reply.slice(0, m.index), time: `${m[1]}T${m[2]}`, offset: m.index };
}
