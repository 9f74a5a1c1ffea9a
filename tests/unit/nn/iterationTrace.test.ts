import { describe, expect, it } from 'vitest';
import { IterationTracer, traceIteration, type IterationTrace } from '../../../src/nn/iterationTrace';
import type { Mat } from '../../../src/nn/matrix';
import { flat, loadFixture, maxAbsDiff, type StepperIteration as Ref } from '../../fixtures/numpy/load';

const stepper = loadFixture('stepper_book.json');
const start = loadFixture('train_custom_loop_start.json');


/** Largest difference relative to the largest magnitude of the reference array. */
function relToMax(got: ArrayLike<number>, want: number[]): number {
  const scale = Math.max(...want.map(Math.abs), 1e-300);
  return maxAbsDiff(got, want) / scale;
}

function expectMat(got: Mat, want: unknown, tol: number, name: string) {
  const w = flat(want);
  const rows = (want as unknown[]).length;
  const shape = Array.isArray((want as unknown[])[0]) ? [rows, ((want as unknown[][])[0]).length] : [1, rows];
  expect([got.rows, got.cols], `${name} shape`).toEqual(shape);
  expect(relToMax(got.data, w), name).toBeLessThanOrEqual(tol);
}

/** Every stage of a traced iteration against make_stepper.py's arrays. */
function expectTraceMatches(tr: IterationTrace, ref: Ref, tol: number) {
  expect(Array.from(tr.t.data)).toEqual(flat(ref.t));
  expect(maxAbsDiff(tr.x.data, flat(ref.x))).toBeLessThanOrEqual(1e-15);
  for (const k of ['W1', 'b1', 'W2', 'b2'] as const) {
    expectMat(tr.before[k], ref.params_before[k], tol, `before.${k}`);
    expectMat(tr.after[k], ref.params_after[k], tol, `after.${k}`);
  }
  for (const k of ['a', 'h', 'score', 'y', 'dscore', 'dW2', 'db2', 'dh', 'da', 'dW1', 'db1', 'dx'] as const) {
    expectMat(tr[k], ref[k], tol, k);
  }
  expect(Math.abs(tr.loss - ref.loss)).toBeLessThanOrEqual(tol);
}

describe('IterationTracer: the book’s run node by node (stepper_book.json, make_stepper.py)', () => {
  it('iteration 1: batch, forward, backward and SGD update of every parameter equal NumPy’s', () => {
    const tr = traceIteration({}, 1);
    expect([tr.iteration, tr.epoch, tr.batch, tr.itersPerEpoch]).toEqual([1, 1, 1, 10]);
    expectTraceMatches(tr, stepper.iterations['1'], 1e-12);
  });

  it('iteration 1 also equals the book’s own first batch, loss and gradients (train_custom_loop_start.json)', () => {
    const tr = traceIteration({}, 1);
    const fb = start.first_batch;
    expect(maxAbsDiff(tr.x.data, flat(fb.x))).toBeLessThanOrEqual(1e-15);
    expect(relToMax(tr.score.data, flat(fb.score))).toBeLessThanOrEqual(1e-12);
    expect(relToMax(tr.y.data, flat(fb.softmax_y))).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(tr.loss - fb.loss)).toBeLessThan(1e-12);
    const [gW1, gb1, gW2, gb2] = start.first_two_updates[0].grads;
    expect(relToMax(tr.dW1.data, flat(gW1))).toBeLessThanOrEqual(1e-12);
    expect(relToMax(tr.db1.data, gb1)).toBeLessThanOrEqual(1e-12);
    expect(relToMax(tr.dW2.data, flat(gW2))).toBeLessThanOrEqual(1e-12);
    expect(relToMax(tr.db2.data, gb2)).toBeLessThanOrEqual(1e-12);
    // loss = −mean(log(y[i, t_i] + 1e-7)), from the recorded picks (a hand calculation)
    const mean = -Array.from(tr.picked, Math.log).reduce((a, b) => a + b, 0) / tr.picked.length;
    expect(Math.abs(mean - fb.loss)).toBeLessThan(1e-12);
  });

  it('iteration 11: the first batch of epoch 2, after the second permutation', () => {
    const tr = traceIteration({}, 11);
    expect([tr.epoch, tr.batch]).toEqual([2, 1]);
    expectTraceMatches(tr, stepper.iterations['11'], 1e-11);
  });

  it('iteration 1005: batch 5 of epoch 101 (rows 120–149 of that epoch’s order)', () => {
    const tr = traceIteration({}, 1005);
    expect([tr.epoch, tr.batch]).toEqual([101, 5]);
    expectTraceMatches(tr, stepper.iterations['1005'], 1e-10);
  });

  it('tracing changes nothing: a traced run continues exactly like an untraced one', () => {
    const a = new IterationTracer();
    a.advance(3);
    a.traceNext();
    a.advance(6);
    const b = new IterationTracer();
    b.advance(10);
    a.net.params.forEach((p, i) => expect(Array.from(p)).toEqual(Array.from(b.net.params[i])));
    expect(a.done).toBe(10);
  });

  it('the update stage is W ← W − lr·dW for SGD (an invariant of the recorded arrays)', () => {
    const tr = traceIteration({ lr: 0.5 }, 4);
    const want = tr.before.W1.data.map((w, i) => w - 0.5 * tr.dW1.data[i]);
    expect(Array.from(tr.after.W1.data)).toEqual(Array.from(want));
  });

  it('refuses iterations outside the run', () => {
    expect(() => traceIteration({ maxEpoch: 1 }, 11)).toThrow(/fewer than 11/);
    expect(() => traceIteration({}, 0)).toThrow(/positive integer/);
    expect(new IterationTracer({ maxEpoch: 2, batchSize: 32 }).lastIteration).toBe(18);
  });
});
