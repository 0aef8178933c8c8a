/**
 * How far V8 lets the heap grow past what a full collection leaves alive, for `summarize`. A streamed
 * scan keeps little (some 15 MB: bounded maps, the incidents waiting for a sender line or for the clock
 * watch), but each incident it holds a few thousand lines outlives two young collections and dies in the
 * old generation; V8, seeing the old generation fill that fast, lets it grow to four times what is
 * alive before it collects it. That garbage was most of the peak: on logs of failed deliveries only
 * (bench/refusal-lines-log.ts) 205-209 MB of resident memory at 100 and 400 MB, 198 MB at 1 GB, with
 * 15-25 MB alive. Growing by half at most: 128-133 MB on 400 MB, for the same CPU time (21 s either way:
 * a full collection of 20 MB takes some 25 ms). Node's API for V8's flags warns that a flag changed after
 * start may do nothing; this one is read each time V8 sets the next limit (it did its work here, Node 20).
 */
import { setFlagsFromString } from 'node:v8';

/** The heap grows by this share of what is alive before the next full collection (V8's own: up to 300 %). */
export const HEAP_GROWING_PERCENT = 50;

export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
