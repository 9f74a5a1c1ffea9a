import { describe, expect, it } from 'vitest';
import { STAGE_NAMES, stagesOf, type StageArray } from '../../../src/lab/iterationStages';
import { TraceRunner } from '../../../src/lab/traceRunner';
import { traceIteration } from '../../../src/nn/iterationTrace';
import { flat, loadFixture, maxAbsDiff, type StepperIteration as Ref } from '../../fixtures/numpy/load';

const stepper = loadFixture('stepper_book.json');

/** The NumPy array (make_stepper.py) a stage's array shows. */
function reference(a: StageArray, ref: Ref): number[] {
  if (a.when) return flat([ref[`params_${a.when}`][a.name]]);
  const byName: Record<string, () => number[]> = {
    x: () => flat(ref.x), a: () => flat(ref.a), h: () => flat(ref.h), s: () => flat(ref.score), y: () => flat(ref.y),
    L: () => [ref.loss], ds: () => flat(ref.dscore), dh: () => flat(ref.dh), da: () => flat(ref.da), dx: () => flat(ref.dx),
    dW1: () => flat(ref.dW1), db1: () => flat(ref.db1), dW2: () => flat(ref.dW2), db2: () => flat(ref.db2),
    W1: () => flat(ref.params_before.W1), b1: () => flat(ref.params_before.b1), W2: () => flat(ref.params_before.W2), b2: () => flat(ref.params_before.b2),
    // labels: each one-hot row's position of the 1; picks: y at that position + 1e-7 (by hand)
    t: () => (a.shape.length === 2 ? flat(ref.t) : ref.t.map((row: number[]) => row.indexOf(1))),
    'y[i, t_i] + 1e-7': () => ref.y.map((row: number[], i: number) => row[ref.t[i].indexOf(1)] + 1e-7),
  };
  return byName[a.name]();
}

describe('stagesOf: every stage’s arrays against NumPy (stepper_book.json)', () => {
  for (const [k, tol] of [['1', 1e-12], ['11', 1e-11], ['1005', 1e-10]] as const) {
    it(`iteration ${k}: all eleven stages, every array, every element`, () => {
      const stages = stagesOf(traceIteration({}, Number(k)));
      expect(stages.map((s) => s.name)).toEqual([...STAGE_NAMES]);
      let checked = 0;
      for (const st of stages) {
        for (const a of st.arrays) {
          const want = reference(a, stepper.iterations[k]);
          expect(a.data.length, `${st.name}: ${a.name}`).toBe(want.length);
          expect(a.shape.reduce((p, d) => p * d, 1), `${st.name}: ${a.name} shape`).toBe(want.length);
          const scale = Math.max(1e-300, ...want.map(Math.abs));
          expect(maxAbsDiff(a.data, want) / scale, `${st.name}: ${a.name}`).toBeLessThanOrEqual(tol);
          checked++;
        }
      }
      expect(checked).toBe(46);
    });
  }

  it('formulas carry NumPy’s shapes for the book’s batch of 30', () => {
    const st = Object.fromEntries(stagesOf(traceIteration({}, 1)).map((s) => [s.name, s]));
    expect(st.affine1.formula).toContain('(30, 2)·(2, 10) + (10,) → (30, 10)');
    expect(st.affine2.formula).toContain('(30, 10)·(10, 3) + (3,) → (30, 3)');
    expect(st.loss.formula).toContain('/ 30');
    expect(st['affine1-backward'].formula).toContain('dW1 = xᵀ·da (2, 10)');
    expect(st['affine1-backward'].formula).toContain('db1 = Σ da (axis=0) (10,)');
    expect(st.update.formula).toContain('W ← W − lr·dW');
    expect(stagesOf(traceIteration({ optimizer: 'adam', lr: 0.01 }, 1), 'adam', 0.01).find((s) => s.name === 'update')!.formula).toContain('Adam.update(params, grads)');
  });
});

describe('TraceRunner: late iterations in slices, reusing the run', () => {
  it('stops at the deadline with its progress, and finishes with the same trace as one call', () => {
    const runner = new TraceRunner();
    let clock = 0;
    const first = runner.work({}, 1005, 0, () => ++clock);
    expect(first).toEqual({ done: false, reached: 16, target: 1004 });
    let p = first;
    while (!p.done) p = runner.work({}, 1005, Infinity, () => 0);
    const direct = traceIteration({}, 1005);
    expect(p.trace.loss).toBe(direct.loss);
    expect(Array.from(p.trace.dW1.data)).toEqual(Array.from(direct.dW1.data));
  });

  it('k + 1 continues the run; an earlier k or other settings start again — same numbers either way', () => {
    const runner = new TraceRunner();
    const go = (opts: object, k: number) => {
      const p = runner.work(opts, k, Infinity, () => 0);
      if (!p.done) throw new Error('unfinished');
      return p.trace;
    };
    expect(go({}, 5).loss).toBe(traceIteration({}, 5).loss);
    expect(go({}, 6).loss).toBe(traceIteration({}, 6).loss);
    expect(go({}, 2).loss).toBe(traceIteration({}, 2).loss);
    expect(go({ lr: 0.5 }, 3).loss).toBe(traceIteration({ lr: 0.5 }, 3).loss);
    expect(() => runner.work({}, 3001, Infinity, () => 0)).toThrow(/1 to 3000/);
  });
});
