/**
 * The stepper's address: the lab's run settings (the lab's own URL keys; none for the book's
 * run) plus `iteration=k`. The lab links here with its current settings and iteration.
 */
import { labCodec, type LabSettings } from '../../state/labSettings';

/** Query key of the iteration to show (1 = the first). */
export const ITERATION_KEY = 'iteration';
/** Where the stepper lives (§1.3.5) and its frame's anchor (`Widget` ids are `widget-<name>`). */
export const STEPPER_PATH = '/ch01/1-3';
export const STEPPER_HASH = '#widget-iteration-stepper';

export interface StepperQuery {
  settings: LabSettings;
  /** The iteration asked for, when the address names a positive integer. */
  iteration?: number;
  /** True when the run is the book's (every run setting at its default). */
  isBook: boolean;
}

/** Reads settings and iteration from a query string; anything unusable falls back to the book's. */
export function readStepperQuery(search: string): StepperQuery {
  const { settings } = labCodec.parse(search);
  const raw = new URLSearchParams(search).get(ITERATION_KEY);
  const k = raw !== null && /^\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  return { settings, iteration: Number.isSafeInteger(k) && k >= 1 ? k : undefined, isBook: isBookRun(settings) };
}

/** True when the settings describe the book's run (view-only settings may differ). */
export function isBookRun(s: LabSettings): boolean {
  return labCodec.effectKey(s, 'restart') === labCodec.effectKey(labCodec.defaults, 'restart');
}

/** The stepper's query for a run and an iteration (without `?`): only the settings that define the run. */
export function stepperSearch(settings: LabSettings, iteration: number): string {
  const runOnly: LabSettings = { ...labCodec.defaults };
  for (const k of labCodec.keysWith('restart')) Object.assign(runOnly, { [k]: settings[k] });
  const run = labCodec.serialize(runOnly);
  return [run, `${ITERATION_KEY}=${iteration}`].filter(Boolean).join('&');
}
