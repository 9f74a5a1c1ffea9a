/**
 * Small helpers between the settings store and the lab engine: the run settings a LabSettings
 * describes (written once: the lab, the Trainer view and §1.5's widgets all use it), and the
 * spiral data the charts draw (computed on the main thread: 300 points cost microseconds, and
 * the worker builds the very same data from the same seed).
 */
import { useMemo } from 'react';
import { RandomState } from '../../nn/random';
import { loadSpiral } from '../../nn/spiral';
import { bounds } from '../../lab/grid';
import type { RunSettings, RunnerKind } from '../../lab/protocol';
import type { LabSettings } from '../../state/labSettings';
import type { BoundaryData } from '../../charts/BoundaryChart';

/** The worker's run settings for the lab's settings (the book's own with the defaults). */
export function runSettingsOf(s: LabSettings, runner: RunnerKind = 'loop'): RunSettings {
  return {
    seed: s.seed,
    points: s.points,
    classes: s.classes,
    noise: s.noise,
    hidden: s.hidden,
    lr: s.lr,
    batch: s.batch,
    epochs: s.epochs,
    opt: s.opt,
    sampling: s.sampling,
    runner,
    evalInterval: s.eval,
    maxGrad: s.maxgrad,
  };
}

/** The spiral data of the settings, with the meshgrid's bounds as axis ranges. */
export function useSpiralData(seed: number, points: number, classes: number, noise: number): BoundaryData {
  return useMemo(() => {
    const d = loadSpiral({ seed, pointsPerClass: points, classes, noise }, new RandomState(seed));
    const b = bounds(d.x);
    return { x: d.x.data, labels: d.labels, classes, xRange: [b.xMin, b.xMax], yRange: [b.yMin, b.yMax] };
  }, [seed, points, classes, noise]);
}

/** `loss:NaN@123` (the worker's divergence note) as parts. */
export function parseReason(reason: string | undefined): { where: string; value: string; iter: number } | null {
  const m = /^(loss|params|blowup):(.+)@(\d+)$/.exec(reason ?? '');
  return m ? { where: m[1], value: m[2], iter: Number(m[3]) } : null;
}

/** The test hook of the URL (`labfault=throw|uncaught|close`), if any. */
export function faultFromUrl(): 'throw' | 'uncaught' | 'close' | undefined {
  if (typeof window === 'undefined') return undefined;
  const v = new URLSearchParams(window.location.search).get('labfault');
  return v === 'throw' || v === 'uncaught' || v === 'close' ? v : undefined;
}
