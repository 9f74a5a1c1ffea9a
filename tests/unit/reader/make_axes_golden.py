"""Writes axes_golden.json: NumPy's own results for the §1.1 axis widget (src/nn/axes.ts):
sum / max / argmax over each axis with and without keepdims, .T, and np.repeat, on a few small
arrays, with shapes, dtypes, values and error texts.
Run: python3 tests/unit/reader/make_axes_golden.py  (NumPy ≥ 1.22, for argmax's keepdims)."""
import json, os
import numpy as np

arrays = {
    "int2x3": np.array([[1, 2, 3], [4, 5, 6]]),
    "float3x2": np.array([[0.5, -1.5], [2.25, 3.0], [-0.125, 4.0]]),
    "int2x3x4": np.arange(24).reshape(2, 3, 4),
    "ties1d": np.array([3, 1, 4, 1, 5, 5]),
    "ties2x3": np.array([[1, 5, 5], [7, 7, 2]]),
    "nan2x3": np.array([[1.0, np.nan, 3.0], [4.0, 5.0, -6.0]]),
    "scalar": np.array(7),
    "empty0x3": np.zeros((0, 3)),
    "col3x1": np.array([[1], [2], [3]]),
}


def record(f):
    try:
        with np.errstate(invalid="ignore"):
            r = np.asarray(f())
        return {"shape": list(r.shape), "dtype": str(r.dtype), "data": [None if np.isnan(v) else float(v) for v in r.ravel().astype(float)]}
    except Exception as e:  # noqa: BLE001 - we record NumPy's exact message
        return {"error": str(e)}


reductions = []
for name, a in arrays.items():
    for op in ["sum", "max", "argmax"]:
        for axis in [None, 0, 1, 2, -1, -2, 3]:
            for keepdims in [False, True]:
                fn = getattr(np, op)
                reductions.append({"array": name, "op": op, "axis": axis, "keepdims": keepdims,
                                   **record(lambda: fn(a, axis=axis, keepdims=keepdims))})

transposes = [{"array": name, **record(lambda: a.T)} for name, a in arrays.items()]

repeats = []
for name, a in arrays.items():
    for n in [0, 1, 2, 3, -1]:
        for axis in [None, 0, 1, -1, 2]:
            repeats.append({"array": name, "repeats": n, "axis": axis, **record(lambda: np.repeat(a, n, axis=axis))})

out = {
    "numpy": np.__version__,
    "arrays": {k: {"shape": list(v.shape), "dtype": str(v.dtype), "data": [None if np.isnan(x) else float(x) for x in v.ravel().astype(float)]} for k, v in arrays.items()},
    "reductions": reductions,
    "transposes": transposes,
    "repeats": repeats,
}
with open(os.path.join(os.path.dirname(__file__), "axes_golden.json"), "w") as fh:
    json.dump(out, fh, separators=(",", ":"))
