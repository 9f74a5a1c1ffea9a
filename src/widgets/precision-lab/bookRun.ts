/**
 * The book's training run (ch01/train_custom_loop.py: spiral seed 1984, TwoLayerNet(2, 10, 3),
 * SGD lr 1.0, batch 30, 300 epochs) as the lab engine's RunSettings, and the page's current
 * model, shared by the §1.5 widgets: the precision lab trains or loads it, the GPU benchmark
 * predicts with it.
 */
import { create } from 'zustand';
import type { ParamsPayload, RunSettings } from '../../lab/protocol';
import { labCodec } from '../../state/labSettings';
import { runSettingsOf } from '../lab/labData';

/** The lab's defaults are the book's settings; the custom loop is the script that saves weights. */
export function bookRunSettings(): RunSettings {
  return runSettingsOf(labCodec.defaults);
}

/** The book's run settings resized to a model's parameters (hidden and output sizes from its shapes). */
export function settingsFor(p: ParamsPayload): RunSettings {
  const s = bookRunSettings();
  const [[, H], , [, C]] = p.shapes;
  return { ...s, data: { ...s.data, classes: C }, model: { ...s.model, hidden: H } };
}

/** Named views (not copies) of a ParamsPayload, as `saveParamsNpz` and the GPU take them. */
export function named(p: ParamsPayload) {
  const [W1, b1, W2, b2] = p.params;
  const [[I, H], , [, C]] = p.shapes;
  return { W1: { rows: I, cols: H, data: W1 }, b1, W2: { rows: H, cols: C, data: W2 }, b2 };
}

interface CurrentModel {
  /** The page's current model (undefined until trained or loaded); never mutated, only replaced. */
  params: ParamsPayload | undefined;
  /** Where it came from, for the GPU benchmark's caption. */
  source: 'trained' | 'loaded' | undefined;
  set: (params: ParamsPayload, source: 'trained' | 'loaded') => void;
}

/** Small values only: the arrays are a few hundred numbers (never a grid). */
export const useCurrentModel = create<CurrentModel>((set) => ({
  params: undefined,
  source: undefined,
  set: (params, source) => set({ params, source }),
}));
