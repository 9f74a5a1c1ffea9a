/**
 * Both cores for the lab's big grids (the book's h = 0.001: 4.3 million cells): the training
 * worker computes bands of rows itself while a helper worker it owns computes others
 * (src/nn/gridSplit.ts), the same bits as one thread. The helper is started on the first big
 * grid and kept for the next ones; it ends with the training worker. Where a worker cannot
 * start its own workers, the training worker computes the whole grid alone.
 */
import { type BandReply, type GridBand, type GridHelper, type GridJob, splitClassGrid } from '../nn/gridSplit';

class WorkerHelper implements GridHelper {
  readonly ready: Promise<void>;
  private readonly pending = new Map<number, { resolve: (b: GridBand) => void; reject: (e: Error) => void }>();
  private next = 1;
  private worker: Worker | undefined;

  constructor() {
    this.ready = new Promise((resolve, reject) => {
      try {
        const w = new Worker(new URL('./gridHelper.worker.ts', import.meta.url), { type: 'module', name: 'dlfs2-grid-helper' });
        w.onmessage = (e: MessageEvent<BandReply>) => {
          const m = e.data;
          if ('ready' in m) return resolve();
          const p = this.pending.get(m.id);
          if (!p) return;
          this.pending.delete(m.id);
          if ('error' in m) p.reject(new Error(m.error));
          else p.resolve(m.band);
        };
        w.onerror = (e) => {
          e.preventDefault();
          this.fail(new Error(e.message || 'the grid helper failed'));
          reject(new Error('the grid helper failed'));
        };
        this.worker = w;
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
    this.ready.catch(() => undefined); // not started: the training worker does every band
  }

  run(job: GridJob, r0: number, r1: number): Promise<GridBand> {
    return new Promise((resolve, reject) => {
      if (!this.worker) return reject(new Error('no grid helper'));
      this.pending.set(this.next, { resolve, reject });
      this.worker.postMessage({ id: this.next++, job, r0, r1 });
    });
  }

  private fail(e: Error): void {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
    this.worker?.terminate();
    this.worker = undefined;
  }
}

let helper: WorkerHelper | undefined;

/** Lets queued messages (helper replies, the page's commands) run; no timer clamping. */
function pause(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(0);
  });
}

/** The grid of `job` computed by this worker and its helper (see the header). */
export function classGridBothCores(job: GridJob): ReturnType<typeof splitClassGrid> {
  if (typeof Worker === 'function') helper ??= new WorkerHelper();
  return splitClassGrid(job, helper ? [helper] : [], pause);
}
