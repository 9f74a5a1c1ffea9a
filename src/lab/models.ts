/**
 * Model makers: each turns a serialisable description (`ModelSpec`, part of the run's settings)
 * into a {@link Model} sized for the dataset, drawing its initial weights from the run's
 * generator after the data (the book's order). Adding a model: one more member of `ModelSpec`
 * and one entry in `MODELS`; anything with the book's shape (seams.ts `Model`) trains unchanged.
 */
import type { RandomState } from '../nn/random';
import { TwoLayerNet } from '../nn/twoLayerNet';
import type { Dataset, Model } from './seams';

/** Which model a run trains. */
export type ModelSpec =
  /** The book's `TwoLayerNet(input_size, hidden_size, output_size)` (§1.4.2): inputs and outputs follow the data. */
  { kind: 'twoLayerNet'; hidden: number };

type Maker<S extends ModelSpec> = (spec: S, data: Dataset, rng: RandomState) => Model;

/** Every model maker, by `kind`. */
export const MODELS: { [K in ModelSpec['kind']]: Maker<Extract<ModelSpec, { kind: K }>> } = {
  twoLayerNet: (spec, data, rng) => new TwoLayerNet(data.x.cols, spec.hidden, data.classes, rng),
};

/** The model `spec` describes, for `data`, with initial weights drawn from `rng`. */
export function makeModel(spec: ModelSpec, data: Dataset, rng: RandomState): Model {
  const maker = MODELS[spec.kind] as Maker<ModelSpec> | undefined;
  if (!maker) throw new Error(`unknown model kind '${String(spec.kind)}'`);
  return maker(spec, data, rng);
}
