/**
 * §1.3.3: z = t², t = x + y. The chain rule multiplies the local derivatives along the path
 * from z back to each input: ∂z/∂x = ∂z/∂t · ∂t/∂x = 2t · 1. The gradients are computed by the
 * graph nodes of §1.3.4 (t = Add(x, y); t branches into both inputs of a Mul, so z = t·t), and
 * checked by central differences of z(x, y) itself. Pure.
 */
import { mat } from '../../nn/matrix';
import { AddNode, BranchNode, MulNode } from '../../nn/nodes';
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

function zOf(x: number, y: number): number {
  const t = x + y;
  return t * t;
}

const scalar = (v: number) => mat(1, 1, [v]);

export function chain(x: number, y: number, h = 1e-5): ChainResult {
  // forward through the nodes
  const add = new AddNode(), branch = new BranchNode(), mul = new MulNode();
  const t = add.forward(scalar(x), scalar(y));
  const [t1, t2] = branch.forward(t);
  const z = mul.forward(t1, t2);
  // backward from ∂z/∂z = 1: Mul hands each copy of t the other copy (t), Branch adds them (2t)
  const [g1, g2] = mul.backward(scalar(1));
  const dt = branch.backward(g1, g2);
  const [dx, dy] = add.backward(dt);
  return {
    t: t.data[0],
    z: z.data[0],
    dzdt: dt.data[0],
    dtdx: 1, // the Add node's local derivative
    dtdy: 1,
    dzdx: dx.data[0],
    dzdy: dy.data[0],
    numDzdx: (zOf(x + h, y) - zOf(x - h, y)) / (2 * h),
    numDzdy: (zOf(x, y + h) - zOf(x, y - h)) / (2 * h),
  };
}
