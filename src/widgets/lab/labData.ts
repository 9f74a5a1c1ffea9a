/**
 * Small helpers between the settings store and the lab engine: the run settings a LabSettings
 * describes (written once: the lab, the Trainer view and §1.5's widgets all use it), and the
 * dataset the charts draw (made on the main thread by the worker's own provider: 300 points cost
 * microseconds, and the worker builds the very same data from the same seed).
 */
import { useMemo } from 'react';
import { RandomState } from '../../nn/random';
import { makeDataset, type DatasetSpec } from '../../lab/datasets';
import { FAULT_MODES, type FaultMode, type RunSettings } from '../../lab/protocol';
import type { RunnerKind } from '../../lab/runner';
import { DRAWN_LIMITS, type LabSettings } from '../../state/labSettings';
import { classicSet, type PointSet } from '../../nn/datasets';
import { decodePoints } from '../../state/pointsCodec';
import type { BoundaryData } from '../../charts/BoundaryChart';

let lastSpec: { key: string; spec: DatasetSpec } | undefined;

/**
 * The data the lab's settings describe: the spiral of points/classes/noise, a classic set, or
 * the reader's own points (an unusable code gives the spiral; the settings never hold one).
 * The last answer is kept: every render asks, and a drawn set of 2,000 points is decoded once.
 */
export function datasetSpecOf(s: Pick<LabSettings, 'points' | 'classes' | 'noise' | 'data' | 'pts'>): DatasetSpec {
  const key = `${s.data}|${s.points}|${s.classes}|${s.noise}|${s.data === 'drawn' ? s.pts : ''}`;
  if (lastSpec?.key === key) return lastSpec.spec;
  let set: PointSet | undefined;
  if (s.data === 'drawn') {
    try {
      set = decodePoints(s.pts, DRAWN_LIMITS);
    } catch {
      set = undefined;
    }
  } else if (s.data !== 'spiral') set = classicSet(s.data);
  const spec: DatasetSpec = set
    ? { kind: 'points', x: Array.from(set.x.data), labels: Array.from(set.labels), classes: set.classes }
    : { kind: 'spiral', points: s.points, classes: s.classes, noise: s.noise };
  lastSpec = { key, spec };
  return spec;
}

/** The worker's run settings for the lab's settings (the book's own with the defaults). */
export function runSettingsOf(s: LabSettings, runner: RunnerKind = 'loop'): RunSettings {
  return {
    seed: s.seed,
    data: datasetSpecOf(s),
    model: { kind: 'twoLayerNet', hidden: s.hidden },
    train: { runner, epochs: s.epochs, batch: s.batch, lr: s.lr, opt: s.opt, sampling: s.sampling, evalInterval: s.eval, maxGrad: s.maxgrad },
  };
}

/** The dataset `spec` describes (drawn as the worker draws it), with its bounds as axis ranges. */
export function useLabData(seed: number, spec: DatasetSpec): BoundaryData {
  // the spec's content decides, not its identity (each render makes a new, equal object)
  const key = JSON.stringify(spec);
  return useMemo(() => {
    const d = makeDataset(JSON.parse(key) as DatasetSpec, seed, new RandomState(seed));
    const b = d.bounds;
    return { x: d.x.data, labels: d.labels, classes: d.classes, xRange: [b.xMin, b.xMax], yRange: [b.yMin, b.yMax] };
  }, [seed, key]);
}

/** The test hook of the URL (`labfault=<one of FAULT_MODES>`), if any. */
export function faultFromUrl(): FaultMode | undefined {
  if (typeof window === 'undefined') return undefined;
  const v = new URLSearchParams(window.location.search).get('labfault');
  return (FAULT_MODES as readonly (string | null)[]).includes(v) ? (v as FaultMode) : undefined;
}
