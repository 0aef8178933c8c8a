/**
 * Logs smaller than this are read on one thread (split-scan.ts). Two threads each warm their own
 * compiled code up and share the machine's cores with the garbage collector: measured on a 2-CPU
 * machine, they gained nothing on 50 MB, lost up to 20 % or gained 20 % on 100 MB (by log), gained 40 %
 * on 200 MB and 80 % on 1 GB. A module of its own, so the page can read it without the scanner's code.
 */
export const SPLIT_MIN_BYTES = 128 * 1024 * 1024;
