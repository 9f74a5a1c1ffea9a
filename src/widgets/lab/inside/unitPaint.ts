/**
 * Colours of the network view, as pure functions (tested in Node): a unit's map painted into RGBA
 * pixels, and an edge's colour and width from its weight. Sign colours are the Okabe–Ito blue
 * and vermilion, a pair that stays distinct for the common colour-vision deficiencies; a map
 * fades to the background colour where the unit says "neither" (σ = 0.5, score 0, probability 0).
 */
import type { Rgb } from '../../../charts/boundaryImage';

/** The colours a map is painted with (read from CSS variables by the view). */
export interface MapColours {
  /** Negative side (σ < 0.5, score < 0). */
  neg: Rgb;
  /** The neutral middle: the page background. */
  mid: Rgb;
  /** Positive side (σ > 0.5, score > 0). */
  pos: Rgb;
}

/** How a map's values become colours. */
export type MapKind =
  /** σ in (0, 1): vermilion at 0, background at 0.5, blue at 1. */
  | { kind: 'sigma' }
  /** A score: vermilion below 0, blue above, full colour at ±scale. */
  | { kind: 'score'; scale: number }
  /** A probability: background at 0, the class colour at 1. */
  | { kind: 'prob'; colour: Rgb };

function mix(a: Rgb, b: Rgb, t: number, out: Uint8ClampedArray, o: number): void {
  out[o] = a[0] + (b[0] - a[0]) * t;
  out[o + 1] = a[1] + (b[1] - a[1]) * t;
  out[o + 2] = a[2] + (b[2] - a[2]) * t;
  out[o + 3] = 255;
}

/**
 * Paints map `values[offset … offset + size²)` (row 0 at the bottom of the plane, as the maps
 * are stored) into `out` (size² RGBA pixels, row 0 at the top of the image).
 */
export function paintUnitMap(values: ArrayLike<number>, offset: number, size: number, how: MapKind, c: MapColours, out: Uint8ClampedArray): Uint8ClampedArray {
  if (out.length !== size * size * 4) throw new Error(`paintUnitMap: out has ${out.length} bytes, needs ${size * size * 4}`);
  const inv = how.kind === 'score' ? 1 / (how.scale > 0 && Number.isFinite(how.scale) ? how.scale : 1) : 1;
  for (let r = 0; r < size; r++) {
    const src = offset + r * size;
    const dst = (size - 1 - r) * size * 4;
    for (let col = 0; col < size; col++) {
      const v = values[src + col];
      const o = dst + col * 4;
      if (!Number.isFinite(v)) {
        mix(c.mid, c.mid, 0, out, o);
        continue;
      }
      if (how.kind === 'prob') {
        mix(c.mid, how.colour, Math.min(1, Math.max(0, v)), out, o);
        continue;
      }
      const t = how.kind === 'sigma' ? 2 * v - 1 : Math.max(-1, Math.min(1, v * inv));
      if (t >= 0) mix(c.mid, c.pos, t, out, o);
      else mix(c.mid, c.neg, -t, out, o);
    }
  }
  return out;
}

/** Largest |value| of a range (the score maps share one scale, so their colours compare). */
export function maxAbs(values: ArrayLike<number>, from = 0, to = values.length): number {
  let m = 0;
  for (let i = from; i < to; i++) {
    const a = Math.abs(values[i]);
    if (a > m) m = a;
  }
  return m;
}

/** Number of line widths edges are grouped into (one canvas path per sign and width). */
export const EDGE_LEVELS = 6;

/**
 * An edge's sign and width level 0 … EDGE_LEVELS − 1 (thicker = larger |w| relative to the
 * layer's largest); a zero or non-finite weight is level 0 and counts as positive.
 */
export function edgeLevel(w: number, layerMax: number): { negative: boolean; level: number } {
  if (!Number.isFinite(w) || !(layerMax > 0)) return { negative: false, level: 0 };
  const level = Math.min(EDGE_LEVELS - 1, Math.floor((Math.abs(w) / layerMax) * EDGE_LEVELS));
  return { negative: w < 0, level };
}

/** Line width in CSS pixels for a level. */
export function edgeWidth(level: number): number {
  return 0.5 + level * 0.7;
}
