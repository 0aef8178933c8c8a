/**
 * Logs smaller than this are read on one thread (split-scan.ts). Two threads each warm their own
 * compiled code up and share the machine's cores with the garbage collector: measured on a 2-CPU
 * machine, they gained nothing on 50 MB, lost up to 20 % or gained 20 % on 100 MB (by log), gained 40 %
 * on 200 MB and 80 % on 1 GB. Measured again with the split past the middle (HEAD_START), on a generated
 * 100 MB Postfix log, 8 runs interleaved: one thread 967 ms wall (median), 1241 ms CPU; two threads
 * 1110 ms (1250 before), 1889 ms CPU. The second thread still costs ~650 ms more CPU than the work it
 * takes over (its own optimising compiler about 300 ms, its start and warm-up 130 ms, the copies of its
 * events there and here 180 ms): with 2 CPUs shared by both threads and both compilers, 100 MB stays on
 * one thread. A module of its own, so the page can read it without the scanner's code.
 */
export const SPLIT_MIN_BYTES = 128 * 1024 * 1024;
