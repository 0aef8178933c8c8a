/**
 * Thunderbird's mbox folders keep a message that was deleted or moved to another folder until the folder
 * is compacted: the message stays, with the Expunged bit (0x0008) set in its `X-Mozilla-Status` field,
 * and Thunderbird no longer shows it. Read, it gave the bounce a second time (once in the Inbox it was
 * moved out of, once in the Bounces folder it was moved to) or a bounce the user had thrown away.
 */
const MOZILLA_STATUS = /^X-Mozilla-Status:[ \t]{0,8}([0-9A-Fa-f]{4})[ \t]*\r?$/m;
const EXPUNGED = 0x0008;

/** True when a message's header block says Thunderbird deleted it (or moved it elsewhere). */
export function isExpungedByThunderbird(header: string): boolean {
  const status = MOZILLA_STATUS.exec(header)?.[1];
  return status !== undefined && (Number.parseInt(status, 16) & EXPUNGED) !== 0;
}
