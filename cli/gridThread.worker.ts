/**
 * A Node worker thread that computes bands of a class grid for the thread that started it
 * (cli/gridThreads.ts): `{ ready: true }` first, then one reply per band request (see
 * answerBand in src/nn/gridSplit.ts).
 */
import { parentPort } from 'node:worker_threads';
import { type BandRequest, answerBand } from '../src/nn/gridSplit';
import { installBundledKernels } from '../src/nn/simdInstall';

installBundledKernels();
const port = parentPort!;
port.on('message', (request: BandRequest) => {
  const { reply, transfer } = answerBand(request);
  port.postMessage(reply, transfer);
});
port.postMessage({ ready: true });
