import { describe, expect, it } from 'vitest';
import { fromRows, toRows } from '../../../src/nn/matrix';
import { AddNode, BranchNode, MulNode, RepeatNode, SumNode } from '../../../src/nn/nodes';
import { NODE_KINDS, dualForward, outputShapes, runNode, shapeProblem } from '../../../src/widgets/graph-nodes/nodeGallery';
import { NODE_DEFAULTS, nodeTex } from '../../../src/widgets/graph-nodes/nodeDefaults';
import { parseArray } from '../../../src/widgets/graph-nodes/parseArray';
import { RandomState } from '../../../src/nn/random';
import { mat } from '../../../src/nn/matrix';

describe('computational-graph nodes (§1.3.4)', () => {
  it('Add passes the upstream gradient to both inputs unchanged', () => {
    const n = new AddNode();
    expect(toRows(n.forward(fromRows([[1, 2]]), fromRows([[10, 20]])))).toEqual([[11, 22]]);
    const [dx, dy] = n.backward(fromRows([[3, -4]]));
    expect(toRows(dx)).toEqual([[3, -4]]);
    expect(toRows(dy)).toEqual([[3, -4]]);
    dx.data[0] = 99;
    expect(dy.data[0]).toBe(3); // separate arrays
  });

  it('Mul swaps the inputs in its backward', () => {
    const n = new MulNode();
    expect(toRows(n.forward(fromRows([[2]]), fromRows([[5]])))).toEqual([[10]]);
    const [dx, dy] = n.backward(fromRows([[1.5]]));
    expect(dx.data[0]).toBe(1.5 * 5);
    expect(dy.data[0]).toBe(1.5 * 2);
  });

  it('Branch copies forward and adds the two upstream gradients backward', () => {
    const n = new BranchNode();
    const [a, b] = n.forward(fromRows([[7, 8]]));
    expect(toRows(a)).toEqual([[7, 8]]);
    expect(toRows(b)).toEqual([[7, 8]]);
    expect(toRows(n.backward(fromRows([[1, 2]]), fromRows([[10, 20]])))).toEqual([[11, 22]]);
  });

  it('Repeat and Sum are each other’s backward', () => {
    const x = fromRows([[1, 2, 3]]);
    const rep = new RepeatNode(4);
    const y = rep.forward(x);
    expect(y.rows).toBe(4);
    expect(toRows(y)[3]).toEqual([1, 2, 3]);
    const dy = fromRows([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 1]]);
    const sum = new SumNode();
    // Repeat.backward(dy) is exactly Sum.forward(dy)
    expect(toRows(rep.backward(dy))).toEqual(toRows(sum.forward(dy)));
    expect(toRows(rep.backward(dy))).toEqual([[2, 2, 2]]);
    // and Sum.backward(g) is exactly Repeat.forward(g)
    const g = fromRows([[5, 6, 7]]);
    expect(toRows(sum.backward(g))).toEqual(toRows(new RepeatNode(4).forward(g)));
  });

  it('nodes refuse mismatched shapes and a backward before forward', () => {
    expect(() => new AddNode().forward(fromRows([[1, 2]]), fromRows([[1]]))).toThrow(/differ/);
    expect(() => new SumNode().backward(fromRows([[1]]))).toThrow(/before forward/);
    const r = new RepeatNode(2);
    r.forward(fromRows([[1, 2]]));
    expect(() => r.backward(fromRows([[1, 2]]))).toThrow(/\(2,2\)/);
  });
});

describe('node gallery check', () => {
  function randomInputs(kind: (typeof NODE_KINDS)[number], rng: RandomState) {
    const m = (r: number, c: number) => mat(r, c, rng.randn(r * c));
    switch (kind) {
      case 'add': case 'mul': return [m(1, 1), m(1, 1)];
      case 'branch': return [m(1, 1)];
      case 'repeat': return [m(1, 3)];
      case 'sum': return [m(4, 3)];
      case 'matmul': return [m(2, 3), m(3, 4)];
    }
  }

  it.each(NODE_KINDS)('%s: backward agrees with central differences for random inputs and upstream gradients', (kind) => {
    const rng = new RandomState(7);
    for (let trial = 0; trial < 5; trial++) {
      const inputs = randomInputs(kind, rng);
      const up = outputShapes(kind, inputs, 3).map(([r, c]) => mat(r, c, rng.randn(r * c)));
      const run = runNode(kind, inputs, up, 3);
      expect(run.grads).toHaveLength(inputs.length);
      for (const e of run.relErrors) expect(e).toBeLessThan(1e-8);
    }
  });

  it('MatMul gives dx = dy·Wᵀ and dW = xᵀ·dy with the input shapes', () => {
    const x = fromRows([[1, 2]]);
    const W = fromRows([[1, 0, 2], [0, 1, 3]]);
    const dy = fromRows([[1, 10, 100]]);
    const run = runNode('matmul', [x, W], [dy]);
    expect(toRows(run.outputs[0])).toEqual([[1, 2, 8]]);
    expect(toRows(run.grads[0])).toEqual([[201, 310]]);
    expect(toRows(run.grads[1])).toEqual([[1, 10, 100], [2, 20, 200]]);
  });
});

describe('node gallery defaults', () => {
  it.each(NODE_KINDS)('%s: the default inputs and upstream gradient parse, fit, and pass the check', (kind) => {
    const d = NODE_DEFAULTS[kind];
    const inputs = d.inputs.map((t) => {
      const p = parseArray(t);
      if (!p.ok) throw new Error(`${kind}: default input ${t} does not parse`);
      return p.value;
    });
    expect(shapeProblem(kind, inputs)).toBeNull();
    const shapes = outputShapes(kind, inputs, 3);
    const up = d.upstream.map((t, i) => {
      const p = parseArray(t);
      if (!p.ok) throw new Error(`${kind}: default upstream ${t} does not parse`);
      expect([p.value.rows, p.value.cols]).toEqual(shapes[i]);
      return p.value;
    });
    const run = runNode(kind, inputs, up, 3);
    for (const e of run.relErrors) expect(e).toBeLessThan(1e-6);
    expect(nodeTex(kind, inputs.map((m) => [m.rows, m.cols]), shapes[0], 3).length).toBe(2);
  });

  it('the MatMul formula annotates the live shapes, dx like x and dW like W', () => {
    const [, back] = nodeTex('matmul', [[2, 3], [3, 4]], [2, 4], 3);
    expect(back).toContain('\\underset{(2,3)}{\\frac{\\partial L}{\\partial x}}');
    expect(back).toContain('\\underset{(4,3)}{W^{\\top}}');
    expect(back).toContain('\\underset{(3,2)}{x^{\\top}}');
  });

  it('shapeProblem names each mismatch', () => {
    expect(shapeProblem('add', [fromRows([[1, 2]]), fromRows([[1]])])).toBe('sameShape');
    expect(shapeProblem('repeat', [fromRows([[1], [2]])])).toBe('oneRow');
    expect(shapeProblem('matmul', [fromRows([[1, 2]]), fromRows([[1, 2]])])).toBe('matmulShape');
  });
});

describe('Repeat and Sum as each other’s backward, in the gallery', () => {
  it('the other node’s forward on the upstream gradient equals the backward, element for element', () => {
    const up = fromRows([[1, 2, 3], [4, 5, 6]]);
    const rep = runNode('repeat', [fromRows([[9, 9, 9]])], [up], 2);
    expect(toRows(dualForward('repeat', up, 1)!.value)).toEqual(toRows(rep.grads[0]));
    const g = fromRows([[7, 8, 9]]);
    const sum = runNode('sum', [fromRows([[1, 1, 1], [2, 2, 2], [3, 3, 3]])], [g]);
    expect(toRows(dualForward('sum', g, 3)!.value)).toEqual(toRows(sum.grads[0]));
    expect(dualForward('mul', g, 1)).toBeNull();
  });
});
