/**
 * Child process of crash.test.ts: saves incidents in a loop (four at a time, so writes are grouped) into
 * the folder given as argument, and prints each id on its own line once its save is acknowledged. The
 * test kills it with SIGKILL at a random moment. stdout to a pipe is synchronous on Linux and macOS, so a
 * printed id was acknowledged before the kill.
 */
import { createHistoryService } from '../../../electron/services/history';
import { saveInput } from './helpers';

const dir = process.argv[2];
if (!dir) throw new Error('usage: crash-child.ts <dir>');

const store = createHistoryService({ dir });
const padding = 'Nov 20 09:12:45 mail1 postfix/qmgr[4240]: 4Bx1yZ0abc: removed\n'.repeat(30);
let n = 0;

async function saveForever(): Promise<never> {
  for (;;) {
    n += 1;
    const input = saveInput({ notes: `crash loop save ${process.pid}-${n}` });
    const record = await store.save({ ...input, rawText: input.rawText + padding, maskRecipients: true });
    process.stdout.write(`${record.id}\n`);
  }
}

await Promise.all([saveForever(), saveForever(), saveForever(), saveForever()]);
