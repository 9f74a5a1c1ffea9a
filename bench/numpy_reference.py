"""NumPy reference timings for `npm run bench -- core`: the same two measurements on the same
machine, with the book's algorithms as ported in tests/fixtures/numpy/make_train.py.

  train_custom_loop_ms  load the spiral data, build TwoLayerNet, 300 epochs of the custom
                        loop (batch 30, hidden 10, SGD lr 1.0), no printing
  boundary_h0001_ms     the book's decision-boundary prediction for the trained model:
                        meshgrid at h = 0.001, model.predict on all 4,323,264 points, argmax

Median of --runs (default 5) after one warm-up run (wall clock, and CPU time in cpu_ms).
Prints one JSON line.
Run: python3 bench/numpy_reference.py [--runs N]
"""
import json
import os
import statistics
import sys
import time

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "numpy"))
import make_train as book  # noqa: E402


def train():
    x, t = book.load_spiral()
    model = book.TwoLayerNet(2, 10, 3)
    book.custom_loop(model, book.SGD(1.0), x, t, 300, 30)
    return model, x


def boundary(model, x, h=0.001):
    x_min, x_max = x[:, 0].min() - .1, x[:, 0].max() + .1
    y_min, y_max = x[:, 1].min() - .1, x[:, 1].max() + .1
    xx, yy = np.meshgrid(np.arange(x_min, x_max, h), np.arange(y_min, y_max, h))
    X = np.c_[xx.ravel(), yy.ravel()]
    return np.argmax(model.predict(X), axis=1).reshape(xx.shape)


def median_ms(fn, runs):
    """Median wall-clock ms (and median CPU ms, user + system) of `runs` runs after a warm-up."""
    fn()  # warm-up
    times, cpu = [], []
    for _ in range(runs):
        c0 = time.process_time()
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    return statistics.median(times), times, statistics.median(cpu)


def main():
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 5
    model, x = train()
    train_ms, train_all, train_cpu = median_ms(train, runs)
    grid_ms, grid_all, grid_cpu = median_ms(lambda: boundary(model, x), runs)
    print(json.dumps({"train_custom_loop_ms": round(train_ms, 1), "boundary_h0001_ms": round(grid_ms, 1),
                      "cpu_ms": {"train": round(train_cpu, 1), "boundary": round(grid_cpu, 1)},
                      "runs": runs, "numpy": np.__version__,
                      "all_ms": {"train": [round(v, 1) for v in train_all], "boundary": [round(v, 1) for v in grid_all]}}))


if __name__ == "__main__":
    main()
