/** Decompressed bytes gathered into one buffer as they come (gunzip.ts, unzstd.ts). */

/** Bytes copied as they come into one buffer, doubled when full, never past `max`. */
export class Gathered {
  all: Uint8Array;
  size = 0;
  constructor(
    hint: number,
    private readonly max: number,
  ) {
    this.all = new Uint8Array(Math.min(max, Math.max(64 * 1024, hint)));
  }
  add(chunk: Uint8Array): void {
    const part = chunk.subarray(0, this.max - this.size);
    if (this.size + part.length > this.all.length) {
      const grown = new Uint8Array(
        Math.min(this.max, Math.max(this.size + part.length, this.all.length * 2)),
      );
      grown.set(this.all.subarray(0, this.size));
      this.all = grown;
    }
    this.all.set(part, this.size);
    this.size += part.length;
  }
  /** The first `size` bytes; copied apart when they fill less than half the buffer (a wrong hint). */
  bytes(size = this.size): Uint8Array {
    return size < this.all.length / 2 ? this.all.slice(0, size) : this.all.subarray(0, size);
  }
}
