/**
 * The files a mail client or server keeps beside the messages of a folder it stores, which the folder
 * walk leaves out as it does hidden files: read, they gave a "binary file" or "empty text" error (and
 * exit code 1) or a "nothing recognised" line for every mailbox a postmaster points the tool at.
 *
 * - Apple Mail's exported mailbox (`Bounces.mbox/`): the messages are in its `mbox` file; `Info.plist`
 *   and `table_of_contents` (binary) are Mail's index. In Mail's own library (`~/Library/Mail/V10/…/
 *   Bounces.mbox/<id>/Data/…/Messages/48213.emlx`), the `Attachments/` folder beside `Messages/` and
 *   the `.emlxpart` files hold attachments Mail took out of IMAP messages (images, documents).
 * - A Maildir (a folder with `cur/` and `new/`): `tmp/` holds messages still being written, which no
 *   reader opens (they are moved to `new/` once whole); Dovecot's and Courier's indexes, UID lists and
 *   quota files, and Maildir++'s empty `maildirfolder` mark, are no mail.
 * - Thunderbird's folder (`Inbox` beside `Inbox.msf`): the `.msf` file is its summary database.
 */

/** What a folder holds, by name: its sub-folders and its files. */
export interface FolderEntries {
  folders: ReadonlySet<string>;
  files: ReadonlySet<string>;
}

const APPLE_MAIL_INDEX = new Set(['Info.plist', 'table_of_contents']);

const MAILDIR_BOOKKEEPING =
  /^(?:maildirfolder|maildirsize|subscriptions|dovecot-uidlist|dovecot-uidvalidity(?:\.[0-9a-f]+)?|dovecot-keywords|dovecot-acl-list|dovecot(?:\.list)?\.index(?:\.log(?:\.\d+)?|\.cache|\.thread)?(?:\.\d+)?|courierimap[a-z]*|courierpop3dsizelist)$/;

function isMaildir(entries: FolderEntries): boolean {
  return entries.folders.has('cur') && entries.folders.has('new');
}

/** True for a file of `folder` (its name, not its path) that is the store's bookkeeping, not mail. */
export function isMailStoreFile(folderName: string, name: string, entries: FolderEntries): boolean {
  if (/\.mbox$/i.test(folderName) && APPLE_MAIL_INDEX.has(name)) return true;
  if (name.endsWith('.emlxpart')) return true;
  if (isMaildir(entries) && MAILDIR_BOOKKEEPING.test(name)) return true;
  return name.endsWith('.msf') && entries.files.has(name.slice(0, -'.msf'.length));
}

/** True for a sub-folder that holds no mail: a Maildir's `tmp/`, Apple Mail's `Attachments/`. */
export function isMailStoreFolder(name: string, entries: FolderEntries): boolean {
  if (name === 'tmp') return isMaildir(entries);
  return name === 'Attachments' && entries.folders.has('Messages');
}
