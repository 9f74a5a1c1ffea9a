/** A curve's points: iteration numbers and losses, the same length. */
export interface Series {
  x: number[];
  y: number[];
}

/**
 * A loss curve that stays bounded: points are appended as the run reports them, and when the
 * series reaches its capacity, neighbouring pairs are averaged (x and y), halving it. Old points
 * thus get coarser while the newest stay exact, and a run of a million iterations draws as fast
 * as a short one (see MAX_LOSS_POINTS in renderCadence.ts). Non-finite losses are not kept, so
 * the chart holds the last finite values of a diverged run.
 */
export class LossSeries {
  private xs: number[] = [];
  private ys: number[] = [];
  /** Number of original reports each kept point stands for (1 until the first halving). */
  private span = 1;
  /** Bumped on every change, so a chart can tell whether it must redraw. */
  version = 0;

  constructor(readonly capacity: number) {
    if (!(capacity >= 4)) throw new Error(`LossSeries: capacity must be at least 4, got ${capacity}`);
  }

  get length(): number {
    return this.xs.length;
  }

  /** Reports per kept point: 1, 2, 4, … */
  get pointsPerSample(): number {
    return this.span;
  }

  /** Appends reported losses at iterations `iters` (non-finite values are skipped). */
  push(iters: ArrayLike<number>, losses: ArrayLike<number>): void {
    for (let i = 0; i < losses.length; i++) {
      const y = losses[i];
      if (!Number.isFinite(y)) continue;
      this.xs.push(iters[i]);
      this.ys.push(y);
      if (this.xs.length >= this.capacity) this.halve();
    }
    this.version++;
  }

  clear(): void {
    this.xs = [];
    this.ys = [];
    this.span = 1;
    this.version++;
  }

  /** Copies of the kept points (for a chart trace). */
  points(): Series {
    return { x: this.xs.slice(), y: this.ys.slice() };
  }

  /**
   * Averages neighbouring pairs of all but the newest point (an odd one out is kept as it is);
   * the newest point stays exact, so the line always ends at the latest reported loss.
   */
  private halve(): void {
    const n = this.xs.length - 1;
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i + 1 < n; i += 2) {
      xs.push((this.xs[i] + this.xs[i + 1]) / 2);
      ys.push((this.ys[i] + this.ys[i + 1]) / 2);
    }
    if (n % 2 === 1) {
      xs.push(this.xs[n - 1]);
      ys.push(this.ys[n - 1]);
    }
    xs.push(this.xs[n]);
    ys.push(this.ys[n]);
    this.xs = xs;
    this.ys = ys;
    this.span *= 2;
  }
}
