/** Microsoft 365's servers as its replies and notices name them. */

/**
 * A Microsoft 365 server's name in brackets, as its replies end (`[VI1EUR05FT033.eop-eur05.prod.
 * protection.outlook.com]`), since 2023 with the time of the refusal and an id (`[AMS0EPF000001B0.
 * eurprd05.prod.outlook.com 2024-10-07T11:32:37.217Z 08DCD1CFD0B7A9E3]`).
 */
// (Also with a space before its `T`, as one copy has it: `2024-08-06 T19:13:55.906Z`.)
// (Also cut before its `]` at the end of a pasted reply: `... [CH1PEPF0000AD79.namprd04.prod.outlook.com
// 2025-06-30T18:23:32.550Z 08DDB689A9F646F6`.)
const MICROSOFT_SERVER =
  /\[([A-Za-z0-9]{4,32}\.(?:[A-Za-z0-9-]{2,32}\.)?prod\.(?:protection\.)?outlook\.com)(?: (\d{4}-\d{2}-\d{2} ?T\d{2}:\d{2}:\d{2}(?:\.\d{1,7})?Z) [0-9A-F]{8,32})?(?:\]|\s*$)/i;

/** A Microsoft 365 server of Exchange Online's own (`MN2PR13MB4005.namprd13.prod.outlook.com`). */
export const MICROSOFT_OWN = /\.prod\.(?:protection\.)?outlook\.com$/i;

/**
 * An Exchange Online mailbox server (`BM1PR01MB1076.indprd01.prod.outlook.com`, `SJ1P223MB0482...`: `MB`
 * then its number), which refuses the sender's own mail when Microsoft blocks its tenant (5.7.708,
 * 5.7.501); not a frontend that refuses mail coming in (`DB3PEPF0000885D...`, `...FT033.eop-...`).
 */
const MICROSOFT_MAILBOX_SERVER = /^[A-Za-z0-9]{2,12}MB\d{3,6}\./i;

/** What Microsoft's bracket at the end of a reply says: the server, whether it is a frontend, the time. */
export interface MicrosoftServer {
  /** The server's name as written. */
  name: string;
  /** A frontend refusing mail coming in (a remote host), not a mailbox server (MICROSOFT_MAILBOX_SERVER). */
  frontend: boolean;
  /** The time of the refusal (`2024-10-07T11:32:37.217Z`), when written. */
  stamp: string | null;
}

export function microsoftServerIn(reply: string): MicrosoftServer | null {
  const m = MICROSOFT_SERVER.exec(reply);
  if (!m?.[1]) return null;
  const stamp = m[2]?.replace(' T', 'T') ?? null;
  return { name: m[1], frontend: !MICROSOFT_MAILBOX_SERVER.test(m[1]), stamp };
}
