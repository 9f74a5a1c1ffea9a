import { describe, expect, it } from 'vitest';
import { runLabel, runResult } from '../../../src/widgets/lab/runLabel';
import type { RunSettings } from '../../../src/lab/protocol';

/** ch01/train_custom_loop.py's settings, written out by hand. */
const BOOK: RunSettings = {
  seed: 1984,
  data: { kind: 'spiral', points: 100, classes: 3, noise: 0.2 },
  model: { kind: 'twoLayerNet', hidden: 10 },
  train: { runner: 'loop', lr: 1, batch: 30, epochs: 300, opt: 'sgd', sampling: 'permutation', evalInterval: 10, maxGrad: 0 },
};

describe('runLabel / runResult (the kept curves’ names)', () => {
  it('names the book’s run by optimizer, learning rate and hidden size only', () => {
    expect(`${runLabel(BOOK, 'en')} ${runResult(0.10934, 0.9733)}`).toBe('SGD lr=1 h=10 → 0.109, 97 %');
  });
  it('adds every setting that differs from the book’s', () => {
    const r: RunSettings = { ...BOOK, seed: 7, data: { kind: 'spiral', points: 120, classes: 4, noise: 0.3 }, model: { kind: 'twoLayerNet', hidden: 50 }, train: { ...BOOK.train, opt: 'adam', lr: 0.01, batch: 50, epochs: 100, sampling: 'choice' } };
    expect(runLabel(r, 'ja')).toBe('Adam lr=0.01 h=50 batch=50 epochs=100 choice seed=7 points=120 classes=4 noise=0.3');
  });
  it('shows — for a loss or accuracy not known yet', () => {
    expect(runResult(Number.NaN, Number.NaN)).toBe('→ —, —');
  });
});
