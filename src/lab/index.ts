/**
 * The training lab's engine, for reuse by other sections (§1.5 precision lab, §1.6 summary).
 *
 * - `LabClient` (client.ts): one training worker.
 *   - `configure(settings, { play, speed, confidence })` → run id; `play()`, `pause()`,
 *     `step(n)`, `setSpeed(speed)`, `setConfidence(on)`; `subscribe(listener)` for progress and
 *     errors of the current run (older runs are dropped); `restart()`; `dispose()`.
 *   - (a) `exportParams()` → `{ params: [W1, b1, W2, b2] as Float64Array[], shapes }`.
 *   - (b) `importParams({ params, shapes })`: shapes must equal the model's; pauses the run and
 *     redraws the boundary (a still grid arrives as progress) with the new accuracy.
 *   - (c) `requestGrid({ h | cells, confidence })` → class grid (and top probability) of the
 *     current model at any spacing, e.g. the book's h = 0.001.
 *   - (e) `trainToCompletion(settings)` → `{ lossList, lossIters, accuracy, params, shapes,
 *     status, iters }` of a separate model trained to the end (the live run is untouched).
 * - `LabSession` (session.ts): a LabClient plus the requestAnimationFrame drawing loop.
 * - `useActiveLab` (activeLab.ts): the page's lab session, for companions on the same page.
 * - (d) `<CompactLab />` or `<TrainingLab compact />` (src/widgets/lab): the compact lab.
 * - Settings: `labCodec` and `useLabSettings` (src/state/labSettings.ts, on src/state/settings.ts);
 *   `runSettingsOf(labSettings)` (src/widgets/lab/labData.ts) turns them into `RunSettings`.
 */
export { LabClient, createTrainingWorker, type LabEvent, type LabListener, type ConfigureOptions } from './client';
export { LabSession, type LabSnapshot } from './session';
export { useActiveLab } from './activeLab';
export type { RunSettings, GridPayload, ParamsPayload, TrainResult, LabStatus, Speed, SamplingStats } from './protocol';
