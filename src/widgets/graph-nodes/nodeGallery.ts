/**
 * The node gallery's computation (§1.3.4): run one node forward on the reader's inputs, then
 * backward from the reader's upstream gradients, and check every input gradient against
 * central differences of L = Σ_k Σ (output_k ⊙ upstream_k), whose gradient is exactly what
 * backward must return. Pure: no DOM.
 */
import { MatMul } from '../../nn/layers';
import { type Mat, cloneMat } from '../../nn/matrix';
import { AddNode, BranchNode, MulNode, RepeatNode, SumNode } from '../../nn/nodes';
import { numericalGradient, relativeError } from '../../nn/gradcheck';

export type NodeKind = 'add' | 'mul' | 'branch' | 'repeat' | 'sum' | 'matmul';
export const NODE_KINDS: readonly NodeKind[] = ['add', 'mul', 'branch', 'repeat', 'sum', 'matmul'];

/** Edge names as the book's figures label them: inputs, outputs. */
export const NODE_EDGES: Record<NodeKind, { inputs: string[]; outputs: string[] }> = {
  add: { inputs: ['x', 'y'], outputs: ['z'] },
  mul: { inputs: ['x', 'y'], outputs: ['z'] },
  branch: { inputs: ['x'], outputs: ['y₁', 'y₂'] },
  repeat: { inputs: ['x'], outputs: ['y'] },
  sum: { inputs: ['x'], outputs: ['y'] },
  matmul: { inputs: ['x', 'W'], outputs: ['y'] },
};

export interface NodeRun {
  outputs: Mat[];
  /** Backprop gradient for each input, in input order. */
  grads: Mat[];
  /** Central-difference gradient for each input. */
  numeric: Float64Array[];
  /** Norm-wise relative error between grads[i] and numeric[i]. */
  relErrors: number[];
}

/** Shapes the upstream gradients must have: the shapes of the outputs. */
export function outputShapes(kind: NodeKind, inputs: Mat[], repeatN: number): [number, number][] {
  const [a, b] = inputs;
  switch (kind) {
    case 'add': case 'mul': return [[a.rows, a.cols]];
    case 'branch': return [[a.rows, a.cols], [a.rows, a.cols]];
    case 'repeat': return [[repeatN, a.cols]];
    case 'sum': return [[1, a.cols]];
    case 'matmul': return [[a.rows, b.cols]];
  }
}

/** Forward (fresh node), backward from `upstream`, and a finite-difference check of each input. */
export function runNode(kind: NodeKind, inputs: Mat[], upstream: Mat[], repeatN = 3, h = 1e-5): NodeRun {
  const xs = inputs.map(cloneMat); // perturbed in place by the numerical check
  const forward = makeForward(kind, xs, repeatN);
  const { outputs, backward } = forward();
  const frozen = outputs.map(cloneMat);
  const grads = backward(upstream).map(cloneMat);
  // L(inputs) = Σ outputs ⊙ upstream: its gradient with respect to each input is that input's
  // backward output, whatever the node does (this is the definition backward implements).
  const L = () => {
    const outs = forward().outputs;
    let s = 0;
    outs.forEach((o, k) => {
      for (let i = 0; i < o.data.length; i++) s += o.data[i] * upstream[k].data[i];
    });
    return s;
  };
  const numeric = xs.map((x) => numericalGradient(L, x.data, h));
  return { outputs: frozen, grads, numeric, relErrors: grads.map((g, i) => relativeError(g.data, numeric[i])) };
}

type Forward = () => { outputs: Mat[]; backward: (up: Mat[]) => Mat[] };

function makeForward(kind: NodeKind, xs: Mat[], repeatN: number): Forward {
  switch (kind) {
    case 'add': return () => {
      const n = new AddNode();
      return { outputs: [n.forward(xs[0], xs[1])], backward: (up) => n.backward(up[0]) };
    };
    case 'mul': return () => {
      const n = new MulNode();
      return { outputs: [n.forward(xs[0], xs[1])], backward: (up) => n.backward(up[0]) };
    };
    case 'branch': return () => {
      const n = new BranchNode();
      return { outputs: n.forward(xs[0]), backward: (up) => [n.backward(up[0], up[1])] };
    };
    case 'repeat': return () => {
      const n = new RepeatNode(repeatN);
      return { outputs: [n.forward(xs[0])], backward: (up) => [n.backward(up[0])] };
    };
    case 'sum': return () => {
      const n = new SumNode();
      return { outputs: [n.forward(xs[0])], backward: (up) => [n.backward(up[0])] };
    };
    case 'matmul': return () => {
      // The core's MatMul layer wraps W without copying, so perturbing xs[1] perturbs its W.
      const n = new MatMul(xs[1]);
      return {
        outputs: [n.forward(xs[0])],
        backward: (up) => {
          const dx = n.backward(up[0]);
          return [dx, { rows: xs[1].rows, cols: xs[1].cols, data: n.grads[0] }];
        },
      };
    };
  }
}

export type ShapeProblem = 'sameShape' | 'oneRow' | 'matmulShape';

/** Why the inputs cannot go through this node, or null when they can. */
export function shapeProblem(kind: NodeKind, inputs: Mat[]): ShapeProblem | null {
  const [a, b] = inputs;
  if ((kind === 'add' || kind === 'mul') && (a.rows !== b.rows || a.cols !== b.cols)) return 'sameShape';
  if (kind === 'repeat' && a.rows !== 1) return 'oneRow';
  if (kind === 'matmul' && a.cols !== b.rows) return 'matmulShape';
  return null;
}

/**
 * §1.3.4.3–4: Repeat and Sum are each other's backward. For those two nodes, runs the OTHER
 * node's forward on the upstream gradient, so the page can show it equals this node's backward.
 */
export function dualForward(kind: NodeKind, upstream: Mat, inputRows: number): { node: 'Sum' | 'Repeat'; value: Mat } | null {
  if (kind === 'repeat') return { node: 'Sum', value: new SumNode().forward(upstream) };
  if (kind === 'sum') return { node: 'Repeat', value: new RepeatNode(inputRows).forward(upstream) };
  return null;
}
