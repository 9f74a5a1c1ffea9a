/**
 * A Node worker thread that computes bands of a class grid for the thread that started it
 * (cli/gridThreads.ts): it answers each `{ id, job, r0, r1 }` with `{ id, band }` (the arrays
 * transferred) or `{ id, error }`, after a first `{ ready: true }`.
 */
import { parentPort } from 'node:worker_threads';
import { type GridJob, helperBand } from '../src/nn/gridSplit';
import { installBundledKernels } from '../src/nn/simdInstall';

installBundledKernels();

const port = parentPort!;
port.on('message', ({ id, job, r0, r1 }: { id: number; job: GridJob; r0: number; r1: number }) => {
  try {
    const band = helperBand(job, r0, r1);
    const transfer: ArrayBuffer[] = [band.classes.buffer as ArrayBuffer];
    if (band.confidence) transfer.push(band.confidence.buffer as ArrayBuffer);
    port.postMessage({ id, band }, transfer);
  } catch (e) {
    port.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
port.postMessage({ ready: true });
