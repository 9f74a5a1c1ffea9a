/**
 * RunSettings → a LabRun of the 2-D classification lab, in the book's order: one generator
 * seeded with the run's seed makes the data (datasets.ts), then the model's initial weights
 * (models.ts), then the runner's shuffles, exactly as `train_custom_loop.py` draws from
 * `np.random` (§1.4.1–1.4.3), so book settings give the book's numbers.
 */
import { RandomState } from '../nn/random';
import { makeDataset } from './datasets';
import { LabRun } from './engine';
import { makeModel } from './models';
import type { RunSettings } from './protocol';
import { classify2d, type ClassGrid, type GridOptions } from './tasks/classify2d';

/** The lab's runs: 2-D classification, drawn as a class grid. */
export type ClassifyRun = LabRun<GridOptions, ClassGrid>;

export function createRun(settings: RunSettings): ClassifyRun {
  const rng = new RandomState(settings.seed);
  const data = makeDataset(settings.data, settings.seed, rng);
  const model = makeModel(settings.model, data, rng);
  return new LabRun({ data, model, task: classify2d, train: settings.train, rng });
}
