/**
 * Both cores for big class grids in Node: a worker thread (cli/gridThread.worker.ts) that takes
 * bands of rows while this thread computes the others (src/nn/gridSplit.ts). Used by the CLI
 * and the core benchmark. The worker runs our TypeScript through tsx, as the CLI itself does;
 * it starts in a few hundred ms, so start it early (`GridThreads.start()`) — until it is ready
 * this thread simply computes every band.
 */
import { Worker } from 'node:worker_threads';
import { type GridSpec } from '../src/nn/boundary';
import { type BandReply, type GridBand, type GridHelper, type GridJob, SPLIT_MIN_CELLS, gridJob, splitClassGrid } from '../src/nn/gridSplit';
import type { TwoLayerParams } from '../src/nn/twoLayerNet';

/** One worker thread as a GridHelper. */
class ThreadHelper implements GridHelper {
  readonly ready: Promise<void>;
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (b: GridBand) => void; reject: (e: Error) => void }>();
  private next = 1;

  constructor() {
    // tsx's loader, registered inside the thread, lets it import the TypeScript worker module
    const url = new URL('./gridThread.worker.ts', import.meta.url).href;
    const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}); })`;
    this.worker = new Worker(boot, { eval: true });
    this.worker.unref(); // an idle helper never keeps the process alive
    this.ready = new Promise((resolve, reject) => {
      this.worker.on('message', (m: BandReply) => {
        if ('ready' in m) return resolve();
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        if (this.pending.size === 0) this.worker.unref();
        if ('error' in m) p.reject(new Error(m.error));
        else p.resolve(m.band);
      });
      this.worker.on('error', (e) => {
        reject(e);
        for (const p of this.pending.values()) p.reject(e);
        this.pending.clear();
      });
    });
    this.ready.catch(() => undefined); // a helper that fails to start is simply not used
  }

  run(job: GridJob, r0: number, r1: number): Promise<GridBand> {
    const id = this.next++;
    this.worker.ref(); // a band in flight keeps the process alive until it comes back
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, job, r0, r1 });
    });
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A helper thread for this process's big grids. */
export class GridThreads {
  private helper: ThreadHelper | undefined;

  /** Starts the helper thread now (it takes a moment), so it is ready by the time a grid is asked for. */
  start(): this {
    this.helper ??= new ThreadHelper();
    return this;
  }

  /** Resolves when the helper can take bands. */
  async ready(): Promise<void> {
    await this.start().helper!.ready;
  }

  /**
   * classGrid(p, spec) (and confidences if asked), with the helper thread taking bands when the
   * grid has more than SPLIT_MIN_CELLS cells; the same bits as one thread.
   */
  async classGrid(p: TwoLayerParams, spec: GridSpec, confidence = false): Promise<{ classes: Uint8Array; confidence?: Float32Array }> {
    const helpers = spec.rows * spec.cols > SPLIT_MIN_CELLS ? [this.start().helper!] : [];
    return splitClassGrid(gridJob(p, spec, confidence), helpers, pause);
  }

  /** Stops the helper thread. */
  async close(): Promise<void> {
    const h = this.helper;
    this.helper = undefined;
    if (h) await h.terminate();
  }
}
