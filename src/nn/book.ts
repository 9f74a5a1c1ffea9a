/**
 * The book's numbers for chapter 1, defined once: the spiral of dataset/spiral.py, the
 * hyperparameters of ch01/train_custom_loop.py (and ch01/train.py's eval_interval), and the
 * decision-boundary plot's meshgrid spacing. The lab's defaults, the CLI's, the trainers' and
 * the benchmarks' all import them from here.
 */
export const BOOK = Object.freeze({
  /** `spiral.load_data(seed=1984)`. */
  seed: 1984,
  /** dataset/spiral.py: N = 100 points per class, CLS_NUM = 3 classes, angle noise 0.2. */
  pointsPerClass: 100,
  classes: 3,
  noise: 0.2,
  /** train_custom_loop.py: `TwoLayerNet(input_size=2, hidden_size=10, output_size=3)`. */
  hiddenSize: 10,
  /** train_custom_loop.py: `SGD(lr=1.0)`, batch 30, 300 epochs. */
  learningRate: 1,
  batchSize: 30,
  maxEpoch: 300,
  /** train.py: `trainer.fit(x, t, max_epoch, batch_size, eval_interval=10)`. */
  evalInterval: 10,
  /** The boundary plot's meshgrid spacing: h = 0.001 → 2047 × 2112 points for the book's data. */
  h: 0.001,
});
