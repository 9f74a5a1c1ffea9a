"""Writes ndarray_golden.json: NumPy's own result shapes and error texts for the §1.1 widgets.
Run: python3 tests/unit/reader/make_ndarray_golden.py  (any NumPy ≥ 1.24)."""
import itertools, json, os
import numpy as np

dims = [(), (1,), (2,), (3,), (2, 1), (1, 3), (2, 3), (3, 2), (3, 3), (2, 1, 3), (4, 2, 3), (2, 3, 4), (1, 1, 1), (0,), (2, 0), (4, 3, 2), (3, 4)]
cases = []
for a, b in itertools.product(dims, dims):
    row = {"a": list(a), "b": list(b)}
    for name, f in [("broadcast", lambda x, y: x + y), ("matmul", np.matmul), ("dot", np.dot)]:
        try:
            row[name] = {"shape": list(f(np.zeros(a), np.zeros(b)).shape)}
        except Exception as e:  # noqa: BLE001 - we record NumPy's exact message
            row[name] = {"error": str(e)}
    cases.append(row)

literals = ["[[1,2,3],[4,5,6]]", "[1, 2.5]", "7", "[]", "[[],[]]", "[[1,2],[3]]", "[[[1],[2]],[[3],[4,5]]]", "[[1,2],3]", "(1, 2, 3)", "[[1e3, -2], [.5, 3.]]", "[1_000, 2]"]
parsed = []
for s in literals:
    try:
        a = np.array(eval(s))  # fixed literals written above, never user input
        parsed.append({"text": s, "shape": list(a.shape), "dtype": str(a.dtype), "data": [float(v) for v in a.ravel()]})
    except Exception as e:  # noqa: BLE001
        parsed.append({"text": s, "error": str(e)})

ops = []
A = np.array([[1, 2], [3, 4]])
for b in [np.array(10), np.array([10, 20]), np.array([[10], [20]]), np.array([0, 2])]:
    for op, f in [("+", np.add), ("-", np.subtract), ("*", np.multiply), ("/", np.true_divide)]:
        with np.errstate(divide="ignore", invalid="ignore"):
            r = f(A, b)
        ops.append({"a": A.tolist(), "b": b.tolist(), "op": op, "shape": list(r.shape), "dtype": str(r.dtype), "data": [str(v) for v in r.ravel()]})

out = {"numpy": np.__version__, "shapes": cases, "literals": parsed, "ops": ops}
with open(os.path.join(os.path.dirname(__file__), "ndarray_golden.json"), "w") as fh:
    json.dump(out, fh, separators=(",", ":"))
