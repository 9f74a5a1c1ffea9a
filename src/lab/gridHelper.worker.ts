/// <reference lib="webworker" />
/**
 * A helper thread of the training worker for big class grids (src/lab/gridHelpers.ts):
 * `{ ready: true }` first, then one reply per band request (see answerBand in src/nn/gridSplit.ts).
 */
import { type BandRequest, answerBand } from '../nn/gridSplit';
import { installBundledKernels } from '../nn/simdInstall';

declare const self: DedicatedWorkerGlobalScope;

installBundledKernels();
self.onmessage = (e: MessageEvent<BandRequest>) => {
  const { reply, transfer } = answerBand(e.data);
  self.postMessage(reply, transfer);
};
self.postMessage({ ready: true });
