/// <reference lib="webworker" />
/**
 * A helper thread of the training worker for big class grids (src/lab/gridHelpers.ts): it
 * answers each `{ id, job, r0, r1 }` with `{ id, band }` (arrays transferred) or `{ id, error }`,
 * after a first `{ ready: true }`.
 */
import { type GridJob, helperBand } from '../nn/gridSplit';
import { installBundledKernels } from '../nn/simdInstall';

installBundledKernels();

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (e: MessageEvent<{ id: number; job: GridJob; r0: number; r1: number }>) => {
  const { id, job, r0, r1 } = e.data;
  try {
    const band = helperBand(job, r0, r1);
    const transfer: Transferable[] = [band.classes.buffer as ArrayBuffer];
    if (band.confidence) transfer.push(band.confidence.buffer as ArrayBuffer);
    self.postMessage({ id, band }, transfer);
  } catch (err) {
    self.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
self.postMessage({ ready: true });
