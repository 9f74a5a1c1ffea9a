/**
 * A first-fit allocator of byte ranges in a fixed region of the kernels' WebAssembly memory.
 * Free ranges are kept sorted by address and merged with their neighbours when released, so
 * a long run of allocations of changing sizes (a lab restarted a hundred times) does not
 * fragment the region. Nothing here touches the memory itself.
 */
export class Arena {
  /** Free ranges as [start, end) byte offsets, sorted by start, never adjacent. */
  private readonly free: [number, number][];
  /** Bytes handed out and not yet released. */
  used = 0;

  constructor(start: number, end: number) {
    this.free = end > start ? [[start, end]] : [];
  }

  /** Offset of `bytes` fresh bytes (16-byte aligned), or −1 when no free range is large enough. */
  alloc(bytes: number): number {
    const size = Math.max(16, (bytes + 15) & ~15);
    for (let i = 0; i < this.free.length; i++) {
      const r = this.free[i];
      if (r[1] - r[0] < size) continue;
      const at = r[0];
      if (r[1] - r[0] === size) this.free.splice(i, 1);
      else r[0] += size;
      this.used += size;
      return at;
    }
    return -1;
  }

  /** Gives back a range that {@link alloc} returned for `bytes`. */
  release(at: number, bytes: number): void {
    const size = Math.max(16, (bytes + 15) & ~15);
    const end = at + size;
    const f = this.free;
    let i = 0;
    while (i < f.length && f[i][0] < at) i++;
    const joinPrev = i > 0 && f[i - 1][1] === at;
    const joinNext = i < f.length && f[i][0] === end;
    if (joinPrev && joinNext) {
      f[i - 1][1] = f[i][1];
      f.splice(i, 1);
    } else if (joinPrev) f[i - 1][1] = end;
    else if (joinNext) f[i][0] = at;
    else f.splice(i, 0, [at, end]);
    this.used -= size;
  }

  /** Number of separate free ranges (1 when nothing is allocated). */
  get fragments(): number {
    return this.free.length;
  }
}
