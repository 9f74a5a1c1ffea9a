/**
 * A big class grid split by rows across threads. The calling thread computes bands of rows
 * from the top while each helper (another thread: a Web Worker, a Node worker thread) takes
 * bands from the bottom, one at a time, until they meet. Every row depends only on the grid
 * and the weights, so the result is the one-thread grid bit for bit, however the bands fall;
 * a helper that is still starting simply takes no band until it is ready, so a cold helper
 * never makes the grid slower than one thread.
 *
 * Nothing here knows about threads: the platform supplies helpers that run a {@link GridJob}
 * band (see {@link runGridBand}) and a `pause` that lets their replies in between bands.
 */
import { classGridRows, gridFromBounds, type GridSpec } from './boundary';
import { mat } from './matrix';
import { type KernelPath, kernelPath, setKernelPath } from './simd';
import type { TwoLayerParams } from './twoLayerNet';

/** Grids with more cells than this are worth splitting (smaller ones take a few ms on one thread). */
export const SPLIT_MIN_CELLS = 250_000;

/** Everything a helper needs to compute any band of a grid (plain data: it crosses threads). */
export interface GridJob {
  /** W1 (2×H), b1 (H), W2 (H×O), b2 (O), row-major, copied (a live model may keep training). */
  W1: Float64Array;
  b1: Float64Array;
  W2: Float64Array;
  b2: Float64Array;
  hidden: number;
  classes: number;
  /** The meshgrid, rebuilt by the helper with gridFromBounds (the same coordinates bit for bit). */
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  h: number;
  confidence: boolean;
  /** The kernels the caller uses (the helper uses the same; both give the same bits anyway). */
  kernels: KernelPath;
}

/** One band's result: classes (and confidences) of rows [r0, r1), row-major. */
export interface GridBand {
  r0: number;
  r1: number;
  classes: Uint8Array;
  confidence?: Float32Array;
}

/** Another thread that computes bands (see the platform wrappers). */
export interface GridHelper {
  /** Resolves when the helper can take work (rejects if it cannot start). */
  readonly ready: Promise<void>;
  run(job: GridJob, r0: number, r1: number): Promise<GridBand>;
}

/** A job for the model `p` over `spec`, with copies of the weights. */
export function gridJob(p: TwoLayerParams, spec: GridSpec, confidence: boolean): GridJob {
  return {
    W1: p.W1.data.slice(), b1: p.b1.slice(), W2: p.W2.data.slice(), b2: p.b2.slice(),
    hidden: p.W1.cols, classes: p.W2.cols,
    xMin: spec.xMin, xMax: spec.xMax, yMin: spec.yMin, yMax: spec.yMax, h: spec.h,
    confidence, kernels: kernelPath(),
  };
}

function jobParams(job: GridJob): TwoLayerParams {
  return {
    W1: mat(2, job.hidden, job.W1), b1: job.b1,
    W2: mat(job.hidden, job.classes, job.W2), b2: job.b2,
  };
}

/** A job's grid (the meshgrid of its bounds and h). */
export function jobSpec(job: GridJob): GridSpec {
  return gridFromBounds(job.xMin, job.xMax, job.yMin, job.yMax, job.h);
}

/** Rows [r0, r1) of the job's grid, on this thread's kernels. */
export function runGridBand(job: GridJob, r0: number, r1: number, spec: GridSpec = jobSpec(job)): GridBand {
  const n = (r1 - r0) * spec.cols;
  const confidence = job.confidence ? new Float32Array(n) : undefined;
  const classes = classGridRows(jobParams(job), spec, r0, r1, new Uint8Array(n), confidence);
  return { r0, r1, classes, confidence };
}

/** What a helper thread does with a band: the caller's kernel path, then {@link runGridBand}. */
export function helperBand(job: GridJob, r0: number, r1: number): GridBand {
  setKernelPath(job.kernels === 'ts' ? 'ts' : 'auto');
  return runGridBand(job, r0, r1);
}

/** What a thread asks a helper: rows [r0, r1) of the job's grid. */
export interface BandRequest {
  id: number;
  job: GridJob;
  r0: number;
  r1: number;
}

/** A helper's messages: once `ready`, then per request the band or the error. */
export type BandReply = { ready: true } | { id: number; band: GridBand } | { id: number; error: string };

/** A helper thread's answer to a request, with the band's arrays to transfer. */
export function answerBand({ id, job, r0, r1 }: BandRequest): { reply: BandReply; transfer: ArrayBuffer[] } {
  try {
    const band = helperBand(job, r0, r1);
    const transfer = [band.classes.buffer as ArrayBuffer];
    if (band.confidence) transfer.push(band.confidence.buffer as ArrayBuffer);
    return { reply: { id, band }, transfer };
  } catch (e) {
    return { reply: { id, error: e instanceof Error ? e.message : String(e) }, transfer: [] };
  }
}

/** Rows per band: about 32 bands in all (a few ms each for the book's grid), an even count. */
export function bandRows(rows: number): number {
  return Math.max(2, Math.ceil(rows / 64) * 2);
}

/**
 * The whole grid of `job`, computed here and by `helpers` (see the header). `pause` must let
 * pending messages from the helpers be handled (e.g. a zero-delay timer or message).
 */
export async function splitClassGrid(
  job: GridJob,
  helpers: readonly GridHelper[],
  pause: () => Promise<void>,
): Promise<{ classes: Uint8Array; confidence?: Float32Array; spec: GridSpec }> {
  const spec = jobSpec(job);
  const classes = new Uint8Array(spec.rows * spec.cols);
  const confidence = job.confidence ? new Float32Array(spec.rows * spec.cols) : undefined;
  const band = bandRows(spec.rows);
  const count = Math.ceil(spec.rows / band);
  let front = 0; // next band this thread takes
  let back = count; // bands ≥ back are taken by helpers
  const orphans: number[] = []; // bands whose helper failed: this thread does them
  const place = (b: GridBand) => {
    classes.set(b.classes, b.r0 * spec.cols);
    if (confidence && b.confidence) confidence.set(b.confidence, b.r0 * spec.cols);
  };
  const local = (i: number) => place(runGridBand(job, i * band, Math.min(spec.rows, (i + 1) * band), spec));
  // each helper, once ready, takes the last untaken band, and again when it hands it back
  const work = helpers.map(async (helper) => {
    try {
      await helper.ready;
    } catch {
      return; // a helper that cannot start leaves its share to this thread
    }
    while (front < back) {
      const i = --back;
      try {
        place(await helper.run(job, i * band, Math.min(spec.rows, (i + 1) * band)));
      } catch {
        orphans.push(i); // a failing helper: its band is redone here, and it gets no more
        return;
      }
    }
  });
  while (front < back) {
    local(front++);
    await pause();
  }
  await Promise.all(work);
  for (const i of orphans) local(i);
  return { classes, confidence, spec };
}
