/**
 * XXH64 (xxHash's 64-bit hash, seed 0), the checksum a zstd frame may end with (RFC 8878 §3.1.1: the
 * low 32 bits of the XXH64 of the frame's content). Written on two 32-bit halves rather than BigInt,
 * which was many times slower over a log of tens of MB: the content is hashed as it is decoded.
 */

const P1H = 0x9e3779b1;
const P1L = 0x85ebca87;
const P2H = 0xc2b2ae3d;
const P2L = 0x27d4eb4f;
const P3H = 0x165667b1;
const P3L = 0x9e3779f9;
const P4H = 0x85ebca77;
const P4L = 0xc2b2ae63;
const P5H = 0x27d4eb2f;
const P5L = 0x165667c5;

/** The result of the operations below, high and low halves. */
let rh = 0;
let rl = 0;

/** (ah:al × bh:bl) mod 2^64. */
function mul(ah: number, al: number, bh: number, bl: number): void {
  const a0 = al & 0xffff;
  const a1 = al >>> 16;
  const b0 = bl & 0xffff;
  const b1 = bl >>> 16;
  const p00 = a0 * b0;
  const p01 = a0 * b1;
  const p10 = a1 * b0;
  const mid = (p00 >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  rl = (((mid & 0xffff) << 16) | (p00 & 0xffff)) >>> 0;
  const high = a1 * b1 + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16);
  rh = (high + Math.imul(ah, bl) + Math.imul(al, bh)) >>> 0;
}

/** (ah:al + bh:bl) mod 2^64. */
function add(ah: number, al: number, bh: number, bl: number): void {
  const low = al + bl;
  rl = low >>> 0;
  rh = (ah + bh + (low > 0xffffffff ? 1 : 0)) >>> 0;
}

/** ah:al rotated left by 0 < r < 32 bits. */
function rotl(ah: number, al: number, r: number): void {
  rh = ((ah << r) | (al >>> (32 - r))) >>> 0;
  rl = ((al << r) | (ah >>> (32 - r))) >>> 0;
}

/** xxHash's round: rotl(acc + input × P2, 31) × P1. */
function round(ah: number, al: number, ih: number, il: number): void {
  mul(ih, il, P2H, P2L);
  add(ah, al, rh, rl);
  rotl(rh, rl, 31);
  mul(rh, rl, P1H, P1L);
}

/** The 32-bit little-endian number at `at`. */
function u32(bytes: Uint8Array, at: number): number {
  return (
    ((bytes[at] as number) |
      ((bytes[at + 1] as number) << 8) |
      ((bytes[at + 2] as number) << 16) |
      ((bytes[at + 3] as number) << 24)) >>>
    0
  );
}

/** XXH64 of bytes given in any number of parts, as a decoder gives them. */
export class Xxh64 {
  /** The four accumulators, high and low halves. */
  private readonly v = new Uint32Array([
    0x60ea27ee, 0xadc0b5d6, 0xc2b2ae3d, 0x27d4eb4f, 0, 0, 0x61c8864e, 0x7a143579,
  ]);
  /** Bytes waiting for a whole 32-byte stripe. */
  private readonly pending = new Uint8Array(32);
  private waiting = 0;
  private length = 0;

  update(bytes: Uint8Array): void {
    this.length += bytes.length;
    let at = 0;
    if (this.waiting > 0) {
      const n = Math.min(32 - this.waiting, bytes.length);
      this.pending.set(bytes.subarray(0, n), this.waiting);
      this.waiting += n;
      at = n;
      if (this.waiting < 32) return;
      this.stripe(this.pending, 0);
      this.waiting = 0;
    }
    for (; at + 32 <= bytes.length; at += 32) this.stripe(bytes, at);
    this.pending.set(bytes.subarray(at), 0);
    this.waiting = bytes.length - at;
  }

  private stripe(bytes: Uint8Array, at: number): void {
    const v = this.v;
    for (let k = 0; k < 4; k++) {
      round(v[2 * k] as number, v[2 * k + 1] as number, u32(bytes, at + 8 * k + 4), u32(bytes, at + 8 * k));
      v[2 * k] = rh;
      v[2 * k + 1] = rl;
    }
  }

  /** The hash's low 32 bits (what a zstd frame keeps) as an unsigned number. */
  low32(): number {
    this.digest();
    return rl;
  }

  /** The hash as 16 hexadecimal digits. */
  hex(): string {
    this.digest();
    return rh.toString(16).padStart(8, '0') + rl.toString(16).padStart(8, '0');
  }

  /** Leaves the hash in rh:rl; the object is not changed. */
  private digest(): void {
    const v = this.v;
    let hh: number;
    let hl: number;
    if (this.length >= 32) {
      rotl(v[0] as number, v[1] as number, 1);
      hh = rh;
      hl = rl;
      for (const [k, r] of [
        [1, 7],
        [2, 12],
        [3, 18],
      ] as const) {
        rotl(v[2 * k] as number, v[2 * k + 1] as number, r);
        add(hh, hl, rh, rl);
        hh = rh;
        hl = rl;
      }
      for (let k = 0; k < 4; k++) {
        round(0, 0, v[2 * k] as number, v[2 * k + 1] as number);
        mul((hh ^ rh) >>> 0, (hl ^ rl) >>> 0, P1H, P1L);
        add(rh, rl, P4H, P4L);
        hh = rh;
        hl = rl;
      }
    } else {
      hh = P5H;
      hl = P5L;
    }
    // The length, as 64 bits (a log is far below 2^53 bytes).
    add(hh, hl, Math.floor(this.length / 2 ** 32) >>> 0, this.length >>> 0);
    hh = rh;
    hl = rl;
    const rest = this.pending;
    let at = 0;
    for (; at + 8 <= this.waiting; at += 8) {
      round(0, 0, u32(rest, at + 4), u32(rest, at));
      rotl((hh ^ rh) >>> 0, (hl ^ rl) >>> 0, 27);
      mul(rh, rl, P1H, P1L);
      add(rh, rl, P4H, P4L);
      hh = rh;
      hl = rl;
    }
    if (at + 4 <= this.waiting) {
      mul(0, u32(rest, at), P1H, P1L);
      rotl((hh ^ rh) >>> 0, (hl ^ rl) >>> 0, 23);
      mul(rh, rl, P2H, P2L);
      add(rh, rl, P3H, P3L);
      hh = rh;
      hl = rl;
      at += 4;
    }
    for (; at < this.waiting; at++) {
      mul(0, rest[at] as number, P5H, P5L);
      rotl((hh ^ rh) >>> 0, (hl ^ rl) >>> 0, 11);
      mul(rh, rl, P1H, P1L);
      hh = rh;
      hl = rl;
    }
    // The avalanche.
    hl = (hl ^ (hh >>> 1)) >>> 0;
    mul(hh, hl, P2H, P2L);
    hh = rh;
    hl = (rl ^ ((rl >>> 29) | (rh << 3))) >>> 0;
    hh = (hh ^ (hh >>> 29)) >>> 0;
    mul(hh, hl, P3H, P3L);
    rl = (rl ^ rh) >>> 0;
  }
}

/** XXH64 of `bytes`, as 16 hexadecimal digits. */
export function xxh64Hex(bytes: Uint8Array): string {
  const hash = new Xxh64();
  hash.update(bytes);
  return hash.hex();
}
