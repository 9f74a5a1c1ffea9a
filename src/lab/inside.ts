/**
 * What the lab's "inside the network" views draw, computed where the model lives (the worker;
 * unit tests call it in Node): every unit's map, the data and a grid mapped into the hidden
 * space, and the confusion matrix. Pure apart from the PCA orientation it carries between frames
 * (passed in and returned), and allocation-light: the maps' arrays are fresh per frame because
 * they are transferred to the page.
 */
import { gridLines, hiddenClassMap, hiddenOf, pca2, projectPca } from '../nn/hiddenSpace';
import type { Mat } from '../nn/matrix';
import type { TwoLayerParams } from '../nn/twoLayerNet';
import { unitMaps, type UnitMaps } from '../nn/unitMaps';
import type { Bounds } from '../nn/boundary';

/**
 * Cells per side of a unit's map: 32 × 32 shows a soft half-plane clearly at the 28–44 px the
 * view draws up to 30 hidden maps at; past 30 units the maps are drawn at 14–24 px and 20 × 20
 * is as sharp, for 40 % of the sigmoids (100 units: 40,000 instead of 102,400 per frame).
 */
export const UNIT_MAP_CELLS = 32;
export const UNIT_MAP_CELLS_MANY = 20;
export function unitMapCells(hidden: number): number {
  return hidden > 30 ? UNIT_MAP_CELLS_MANY : UNIT_MAP_CELLS;
}
/** Lines of the input grid drawn in the hidden space (each way), and samples along each line (smooth at 300 px). */
export const SPACE_LINES = 11;
export const SPACE_SAMPLES = 25;
/**
 * Subspace iterations of the hidden space's PCA per frame. Warm-started from the last frame's
 * axes, it keeps up with the weights as they train; a cold start that has not converged
 * finishes over the next frames. 100 hidden units: 30 iterations ≈ 0.6 M multiply-adds.
 */
export const PCA_ITERATIONS_PER_FRAME = 30;
/** Cells per side of the output layer's class map over the hidden square (hidden = 2). */
export const SPACE_CLASS_CELLS = 64;

/** Every unit's map and the parameters that made them (for the edges and the detail view). */
export interface UnitMapsPayload extends UnitMaps {
  /** The plane the maps cover (the boundary's). */
  box: Bounds;
  /** Copies of [W1 (2 × H), b1, W2 (H × O), b2], row-major. */
  params: Float64Array[];
}

/** The data and the input grid in the hidden space. */
export interface HiddenSpacePayload {
  hiddenUnits: number;
  /** `direct`: the hidden vector itself (1–3 values per point); `pca`: its 2-D PCA projection. */
  mode: 'direct' | 'pca';
  /** Values per point in `points` and `lines`. */
  dims: number;
  points: Float32Array;
  /** 2·SPACE_LINES polylines of `samples` points each. */
  lines: Float32Array;
  lineCount: number;
  samples: number;
  /** With 2 hidden units: the output layer's class per cell of the hidden square (row 0 at h₂ = 0). */
  classMap?: Uint8Array;
  classMapSize?: number;
  /** With PCA: the share of the variance the two axes keep (0–1). */
  kept?: number;
}

/** What the views need for one frame, and the PCA axes to start the next from. */
export interface InsideFrame {
  maps: UnitMapsPayload;
  space: HiddenSpacePayload;
}

/** Carried from frame to frame so the PCA picture keeps its orientation. */
export interface InsideMemory {
  axes?: Float64Array;
}

/** The maps and the hidden space of the net's current parameters, over `box`. */
export function insideFrame(p: TwoLayerParams, x: Mat, box: Bounds, memory: InsideMemory): InsideFrame {
  const m = unitMaps(p, { ...box, size: unitMapCells(p.W1.cols) });
  const maps: UnitMapsPayload = {
    ...m,
    box: { ...box },
    params: [p.W1.data.slice(), p.b1.slice(), p.W2.data.slice(), p.b2.slice()],
  };
  return { maps, space: hiddenSpace(p, x, box, memory) };
}

function hiddenSpace(p: TwoLayerParams, x: Mat, box: Bounds, memory: InsideMemory): HiddenSpacePayload {
  const H = p.W1.cols, n = x.rows;
  const a = hiddenOf(p, x.data);
  const grid = gridLines(box, SPACE_LINES, SPACE_SAMPLES);
  const g = hiddenOf(p, grid);
  const lineCount = 2 * SPACE_LINES, samples = SPACE_SAMPLES;
  if (H <= 3) {
    memory.axes = undefined;
    const space: HiddenSpacePayload = { hiddenUnits: H, mode: 'direct', dims: H, points: Float32Array.from(a), lines: Float32Array.from(g), lineCount, samples };
    if (H === 2) {
      space.classMap = hiddenClassMap(p, SPACE_CLASS_CELLS);
      space.classMapSize = SPACE_CLASS_CELLS;
    }
    return space;
  }
  const pca = pca2(a, n, H, memory.axes, PCA_ITERATIONS_PER_FRAME);
  memory.axes = pca.axes;
  return {
    hiddenUnits: H,
    mode: 'pca',
    dims: 2,
    points: Float32Array.from(projectPca(a, n, H, pca)),
    lines: Float32Array.from(projectPca(g, lineCount * samples, H, pca)),
    lineCount,
    samples,
    kept: pca.total > 0 ? (pca.variance[0] + pca.variance[1]) / pca.total : 1,
  };
}

/** Typed arrays of a frame, to pass as transferables. */
export function insideTransferables(f: InsideFrame | undefined): Transferable[] {
  if (!f) return [];
  const out: ArrayBufferLike[] = [f.maps.hidden.buffer, f.maps.scores.buffer, f.maps.probs.buffer, ...f.maps.params.map((a) => a.buffer), f.space.points.buffer, f.space.lines.buffer];
  if (f.space.classMap) out.push(f.space.classMap.buffer);
  return out as Transferable[];
}
