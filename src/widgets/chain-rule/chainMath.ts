/**
 * §1.3.3: z = t², t = x + y. The chain rule multiplies the local derivatives along the path
 * from z back to each input: ∂z/∂x = ∂z/∂t · ∂t/∂x = 2t · 1. Checked by central differences of
 * z(x, y) itself. Pure.
 */
export interface ChainResult {
  t: number;
  z: number;
  /** Local derivatives on the two edges. */
  dzdt: number;
  dtdx: number;
  dtdy: number;
  /** Their products: the chain rule. */
  dzdx: number;
  dzdy: number;
  /** Central differences of z(x, y). */
  numDzdx: number;
  numDzdy: number;
}

export function zOf(x: number, y: number): number {
  const t = x + y;
  return t * t;
}

export function chain(x: number, y: number, h = 1e-5): ChainResult {
  const t = x + y;
  const dzdt = 2 * t;
  const dtdx = 1, dtdy = 1;
  return {
    t,
    z: t * t,
    dzdt,
    dtdx,
    dtdy,
    dzdx: dzdt * dtdx,
    dzdy: dzdt * dtdy,
    numDzdx: (zOf(x + h, y) - zOf(x - h, y)) / (2 * h),
    numDzdy: (zOf(x, y + h) - zOf(x, y - h)) / (2 * h),
  };
}
