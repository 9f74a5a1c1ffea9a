import { describe, expect, it } from 'vitest';
import { Sigmoid } from '../../../src/nn/layers';
import { type Mat, mat } from '../../../src/nn/matrix';
import { RandomState } from '../../../src/nn/random';
import { checkAffine, checkOneInput, checkSigmoid, checkSoftmaxWithLoss, checkTwoLayerNet } from '../../../src/widgets/layer-backward/layerChecks';

describe('layer gradient checks (§1.3.5)', () => {
  it('every layer and the whole TwoLayerNet pass 1e-6 at book scale for 200 seeds', () => {
    let worst = 0;
    for (let seed = 0; seed < 200; seed++) {
      const rng = new RandomState(seed);
      for (const c of [checkSigmoid(rng), checkAffine(rng), checkSoftmaxWithLoss(rng), checkTwoLayerNet(rng)]) {
        worst = Math.max(worst, c.relError);
      }
    }
    expect(worst).toBeLessThan(1e-6);
  });

  it('Affine reports dx, dW and db with their shapes', () => {
    const c = checkAffine(new RandomState(1));
    expect(c.pairs.map((p) => [p.name, p.shape])).toEqual([['dx', [3, 4]], ['dW', [4, 3]], ['db', [3]]]); // db = np.sum(dout, axis=0) is 1-D
  });

  it('against the loss without 1e-7, (y − t)/N agrees far more closely than against the book’s loss', () => {
    const withEps = checkSoftmaxWithLoss(new RandomState(3), 'book', 'large').relError;
    const without = checkSoftmaxWithLoss(new RandomState(3), 'noEps', 'large').relError;
    expect(without).toBeLessThan(1e-8);
    expect(withEps).toBeGreaterThan(without * 10);
  });

  it('with large scores, the 1e-7 gap exceeds 1e-6 for some seeds (the teaching point)', () => {
    let failing = 0;
    for (let seed = 0; seed < 50; seed++) if (checkSoftmaxWithLoss(new RandomState(seed), 'book', 'large').relError > 1e-6) failing++;
    expect(failing).toBeGreaterThan(0);
  });

  it('a wrong backward shows up as a large relative error', () => {
    // dx = dout·y instead of dout·y(1 − y): a plausible slip
    class BrokenSigmoid extends Sigmoid {
      private y?: Mat;
      forward(x: Mat): Mat {
        this.y = super.forward(x);
        return this.y;
      }
      backward(dout: Mat): Mat {
        const dx = mat(dout.rows, dout.cols);
        for (let i = 0; i < dx.data.length; i++) dx.data[i] = dout.data[i] * this.y!.data[i];
        return dx;
      }
    }
    const rng = new RandomState(0);
    const x = mat(3, 4, rng.randn(12));
    const dout = mat(3, 4, rng.randn(12));
    expect(checkOneInput(new BrokenSigmoid(), x, dout).relError).toBeGreaterThan(0.1);
    expect(checkOneInput(new Sigmoid(), x, dout).relError).toBeLessThan(1e-8);
  });
});
