/**
 * Small n-d arrays with NumPy's shape rules, for the §1.1 widgets: broadcasting (§1.1.3),
 * element-wise arithmetic (§1.1.2), inner and matrix products (§1.1.4) and their shape checks
 * (§1.1.5). Error texts are NumPy's own, character for character (checked against numpy 1.24
 * and 2.x), so what a reader sees here is what their terminal prints.
 *
 * Nothing in this file throws on bad input: every function that can fail returns a `Result`.
 * Pure; no DOM.
 */

export type Shape = readonly number[];
export type DType = 'int64' | 'float64';

/**
 * A C-ordered n-d array: `data[i]` is the element at the multi-index `unravel(i, shape)`, held
 * as float64 whatever the dtype. The §1.1 widgets' arrays have NumPy's dtype for the same literal
 * (integers stay int64 until `/`, true division); arrays read from .npy files (npy.ts) carry the
 * file's dtype.
 */
export interface NDArray<D extends string = DType> {
  readonly shape: Shape;
  readonly data: Float64Array;
  readonly dtype: D;
}

/** Why a parse failed, for translated messages in the widgets. `numpy` means `error` is NumPy's text. */
export type ErrorCode =
  | 'empty'
  | 'unexpected'
  | 'unclosed'
  | 'missing-comma'
  | 'trailing'
  | 'too-deep'
  | 'too-large'
  | 'too-long'
  | 'not-integer'
  | 'negative'
  | 'numpy';

export type Result<T> = { ok: true; value: T } | { ok: false; error: string; code: ErrorCode; pos?: number };

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = (code: ErrorCode, error: string, pos?: number): Result<never> =>
  pos === undefined ? { ok: false, code, error } : { ok: false, code, error, pos };

/** Limits that keep a typed literal small enough to draw and cheap to parse. */
export const LIMITS = { maxText: 50_000, maxDims: 32, maxSize: 10_000 } as const;

// ---------------------------------------------------------------------------------------------
// Shapes

/** Number of elements: the product of the dimensions (1 for a 0-d array). */
export function sizeOf(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** How `print(a.shape)` writes a shape: `(2, 3)`, `(3,)`, `()`. */
export function formatShape(shape: Shape): string {
  if (shape.length === 1) return `(${shape[0]},)`;
  return `(${shape.join(', ')})`;
}

/** How NumPy's error messages write a shape: no spaces, `(2,3)`, `(3,)`, `()`. */
export function shapeInError(shape: Shape): string {
  if (shape.length === 1) return `(${shape[0]},)`;
  return `(${shape.join(',')})`;
}

/**
 * NumPy's broadcasting rule (§1.1.3): align the shapes at their last axis; two dimensions fit
 * when they are equal or one of them is 1; a missing leading dimension counts as 1.
 */
export function broadcastShapes(a: Shape, b: Shape): Result<Shape> {
  const n = Math.max(a.length, b.length);
  const out: number[] = new Array(n);
  for (let i = 1; i <= n; i++) {
    const da = i <= a.length ? a[a.length - i] : 1;
    const db = i <= b.length ? b[b.length - i] : 1;
    if (da !== db && da !== 1 && db !== 1) {
      // NumPy's text ends with a space (it prints each shape followed by ' ').
      return fail('numpy', `operands could not be broadcast together with shapes ${shapeInError(a)} ${shapeInError(b)} `);
    }
    out[n - i] = da === 1 ? db : da;
  }
  return ok(out);
}

/** The multi-index of flat position `flat` in a C-ordered array of `shape`. */
export function unravel(flat: number, shape: Shape): number[] {
  const idx = new Array<number>(shape.length);
  for (let k = shape.length - 1; k >= 0; k--) {
    const d = shape[k];
    idx[k] = d === 0 ? 0 : flat % d;
    flat = d === 0 ? 0 : Math.floor(flat / d);
  }
  return idx;
}

/** The flat position of a multi-index in a C-ordered array of `shape`. */
export function ravel(idx: readonly number[], shape: Shape): number {
  let flat = 0;
  for (let k = 0; k < shape.length; k++) flat = flat * shape[k] + idx[k];
  return flat;
}

/**
 * Which element of an array of `shape` lands at `outIdx` once it is broadcast to `outShape`:
 * leading axes it lacks are dropped, axes of length 1 are read at 0.
 */
export function sourceIndex(shape: Shape, outShape: Shape, outIdx: readonly number[]): number[] {
  const lead = outShape.length - shape.length;
  return shape.map((d, k) => (d === 1 ? 0 : outIdx[lead + k]));
}

/** True when the cell at `outIdx` of the broadcast array is a copy made by stretching, not an original. */
export function isBroadcastCopy(shape: Shape, outShape: Shape, outIdx: readonly number[]): boolean {
  const lead = outShape.length - shape.length;
  for (let k = 0; k < outShape.length; k++) {
    const own = k >= lead;
    const stretched = !own || (shape[k - lead] === 1 && outShape[k] !== 1);
    if (stretched && outIdx[k] !== 0) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Element-wise arithmetic (§1.1.2)

export type Op = '+' | '-' | '*' | '/';
export const OPS: readonly Op[] = ['+', '-', '*', '/'];

function apply(op: Op, x: number, y: number): number {
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      return x / y; // NumPy gives inf / nan (with a warning) for division by zero, as does JS
  }
}

/** `a op b` with broadcasting, as NumPy computes it; NumPy's error text when the shapes do not fit. */
export function elementwise(op: Op, a: NDArray, b: NDArray): Result<NDArray> {
  const shape = broadcastShapes(a.shape, b.shape);
  if (!shape.ok) return shape;
  const out = shape.value;
  const n = sizeOf(out);
  const data = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const idx = unravel(i, out);
    const x = a.data[ravel(sourceIndex(a.shape, out, idx), a.shape)];
    const y = b.data[ravel(sourceIndex(b.shape, out, idx), b.shape)];
    data[i] = apply(op, x, y);
  }
  // int64 / int64 is float64 in Python 3 (true division); everything else keeps the wider dtype
  const dtype: DType = op === '/' || a.dtype === 'float64' || b.dtype === 'float64' ? 'float64' : 'int64';
  return ok({ shape: out, data, dtype });
}

// ---------------------------------------------------------------------------------------------
// Products (§1.1.4) and their shape rules (§1.1.5)

const GUFUNC = '(n?,k),(k,m?)->(n?,m?)';

/**
 * The shape of `a @ b` (np.matmul), or NumPy's error text. A 1-D operand is a vector (its
 * missing n or m is dropped from the result); leading "batch" axes broadcast.
 */
export function matmulShape(a: Shape, b: Shape): Result<Shape> {
  for (const [i, s] of [a, b].entries()) {
    if (s.length === 0) {
      return fail('numpy', `matmul: Input operand ${i} does not have enough dimensions (has 0, gufunc core with signature ${GUFUNC} requires 1)`);
    }
  }
  const ka = a[a.length - 1];
  const kb = b.length === 1 ? b[0] : b[b.length - 2];
  if (ka !== kb) {
    return fail('numpy', `matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature ${GUFUNC} (size ${kb} is different from ${ka})`);
  }
  const n = a.length >= 2 ? [a[a.length - 2]] : [];
  const m = b.length >= 2 ? [b[b.length - 1]] : [];
  const batchA = a.slice(0, Math.max(0, a.length - 2));
  const batchB = b.slice(0, Math.max(0, b.length - 2));
  const batch = broadcastShapes(batchA, batchB);
  if (!batch.ok) {
    const remap = (s: Shape, batchDims: Shape) => {
      const inner = [...batchDims.map(String), ...s.slice(batchDims.length).map(() => 'newaxis')];
      return `${shapeInError(s)}->(${inner.join(',')})`;
    };
    return fail(
      'numpy',
      `operands could not be broadcast together with remapped shapes [original->remapped]: ${remap(a, batchA)} ${remap(b, batchB)}  and requested shape ${shapeInError([...n, ...m])}`,
    );
  }
  return ok([...batch.value, ...n, ...m]);
}

/**
 * The shape of `np.dot(a, b)`, or NumPy's error text. A 0-d operand scales the other; otherwise
 * the last axis of `a` is summed against the second-to-last axis of `b` (its only axis if 1-D).
 */
export function dotShape(a: Shape, b: Shape): Result<Shape> {
  if (a.length === 0) return ok([...b]);
  if (b.length === 0) return ok([...a]);
  const da = a.length - 1;
  const db = b.length === 1 ? 0 : b.length - 2;
  if (a[da] !== b[db]) {
    return fail('numpy', `shapes ${shapeInError(a)} and ${shapeInError(b)} not aligned: ${a[da]} (dim ${da}) != ${b[db]} (dim ${db})`);
  }
  return ok([...a.slice(0, -1), ...b.slice(0, db), ...b.slice(db + 1)]);
}

/** One term a[i,k]·b[k,j] of a product's output cell, with where each factor came from. */
export interface ProductTerm {
  k: number;
  a: number;
  b: number;
}

/** The terms that make output cell (i, j) of `a @ b` for 1-D or 2-D operands (i or j is 0 for a vector side). */
export function productTerms(a: NDArray, b: NDArray, i: number, j: number): ProductTerm[] {
  const K = a.shape[a.shape.length - 1];
  const m = b.shape.length === 2 ? b.shape[1] : 1;
  const terms: ProductTerm[] = [];
  for (let k = 0; k < K; k++) {
    const av = a.shape.length === 2 ? a.data[i * K + k] : a.data[k];
    const bv = b.shape.length === 2 ? b.data[k * m + j] : b.data[k];
    terms.push({ k, a: av, b: bv });
  }
  return terms;
}

/**
 * `a @ b` for 1-D and 2-D operands (inner product, matrix–vector, matrix product), with NumPy's
 * error text on a mismatch. Higher dimensions are outside what the §1.1.4 widget shows.
 */
export function matmul(a: NDArray, b: NDArray): Result<NDArray> {
  const shape = matmulShape(a.shape, b.shape);
  if (!shape.ok) return shape;
  if (a.shape.length > 2 || b.shape.length > 2) return fail('too-large', 'matmul here handles 1-D and 2-D arrays only');
  const rows = a.shape.length === 2 ? a.shape[0] : 1;
  const cols = b.shape.length === 2 ? b.shape[1] : 1;
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      let acc = 0;
      for (const t of productTerms(a, b, i, j)) acc += t.a * t.b;
      data[i * cols + j] = acc;
    }
  }
  const dtype: DType = a.dtype === 'float64' || b.dtype === 'float64' ? 'float64' : 'int64';
  return ok({ shape: shape.value, data, dtype });
}

// ---------------------------------------------------------------------------------------------
// Printing values

/**
 * One element as NumPy prints it inside an array: ints as `3`, floats as `2.5`, `1.` (a float
 * with no fraction), `0.33333333` (8 digits after the point at most), `inf`, `-inf`, `nan`.
 */
export function formatValue(v: number, dtype: DType): string {
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  if (dtype === 'int64') return String(Math.trunc(v));
  if (Number.isInteger(v) && Math.abs(v) < 1e16) return `${v}.`;
  const abs = Math.abs(v);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e16)) return v.toExponential(8).replace(/\.?0+e/, 'e').replace(/e([+-])(\d)$/, 'e$10$2');
  return String(Number(v.toFixed(8)));
}

// ---------------------------------------------------------------------------------------------
// Parsing what a reader types. Never throws: returns a value or a message.

/** A parsed but not yet shape-checked literal: a number or a list of literals. */
type Node = number | Node[];

interface Cursor {
  text: string;
  pos: number;
}

function skipSpace(c: Cursor) {
  while (c.pos < c.text.length && /\s/.test(c.text[c.pos])) c.pos++;
}

const NUMBER = /[+-]?(?:\d+(?:_\d+)*\.?\d*(?:_\d+)*|\.\d+)(?:[eE][+-]?\d+)?/y;
const NAMED = /[+-]?(?:np\.)?(?:nan|inf)\b/y;

/** Reads a number at the cursor (Python's numeric literals, plus np.nan / np.inf), or undefined. */
function readNumber(c: Cursor): { value: number; float: boolean } | undefined {
  NAMED.lastIndex = c.pos;
  const named = NAMED.exec(c.text);
  if (named) {
    c.pos += named[0].length;
    const neg = named[0].startsWith('-');
    const v = named[0].endsWith('nan') ? NaN : neg ? -Infinity : Infinity;
    return { value: v, float: true };
  }
  NUMBER.lastIndex = c.pos;
  const m = NUMBER.exec(c.text);
  if (!m) return undefined;
  c.pos += m[0].length;
  const s = m[0].replace(/_/g, '');
  return { value: Number(s), float: /[.eE]/.test(s) };
}

function describeAt(text: string, pos: number): string {
  return pos >= text.length ? 'the end' : `"${text[pos]}" at position ${pos + 1}`;
}

/**
 * Reads nested lists of numbers: `[[1, 2, 3], [4, 5, 6]]`, `[1, 2.5]`, `7`, with `( )` allowed
 * for tuples, an optional `np.array( … )` around it and trailing commas as in Python. Iterative
 * (no recursion), so any nesting depth is safe; depth is capped at `maxDims`.
 */
function parseNodes(text: string, maxDims: number): Result<{ node: Node; float: boolean; count: number }> {
  const c: Cursor = { text, pos: 0 };
  let float = false;
  let count = 0;
  // stack of open lists with the bracket that closes them and whether a comma was just seen
  const stack: { items: Node[]; close: string; needValue: boolean }[] = [];
  let root: Node | undefined;
  skipSpace(c);
  let wrapped = false;
  if (/^np\.array\s*\(/.test(text.slice(c.pos, c.pos + 20))) {
    wrapped = true;
    c.pos = text.indexOf('(', c.pos) + 1;
  }
  for (;;) {
    skipSpace(c);
    const top = stack[stack.length - 1];
    if (c.pos >= text.length) {
      if (top) return fail('unclosed', `"${top.close === ']' ? '[' : '('}" is never closed`, text.length);
      if (root === undefined) return fail('empty', 'nothing to read: type an array such as [[1, 2], [3, 4]]', 0);
      break;
    }
    const ch = text[c.pos];
    if (root !== undefined && !top) break; // the value is complete; anything after it is checked below
    if (top && (ch === ']' || ch === ')')) {
      if (ch !== top.close) return fail('unexpected', `unexpected ${describeAt(text, c.pos)}: expected "${top.close}"`, c.pos);
      c.pos++;
      const done = stack.pop()!;
      if (stack.length === 0) root = done.items;
      else {
        const parent = stack[stack.length - 1];
        parent.items.push(done.items);
        parent.needValue = false;
      }
      continue;
    }
    if (top && !top.needValue) {
      if (ch === ',') {
        c.pos++;
        top.needValue = true;
        continue;
      }
      return fail('missing-comma', `a comma is missing before ${describeAt(text, c.pos)}`, c.pos);
    }
    if (ch === '[' || ch === '(') {
      if (stack.length >= maxDims) return fail('too-deep', `more than ${maxDims} levels of brackets`, c.pos);
      stack.push({ items: [], close: ch === '[' ? ']' : ')', needValue: true });
      c.pos++;
      continue;
    }
    const num = readNumber(c);
    if (!num) return fail('unexpected', `unexpected ${describeAt(text, c.pos)}: expected a number or "["`, c.pos);
    float ||= num.float;
    if (++count > LIMITS.maxSize) return fail('too-large', `more than ${LIMITS.maxSize} numbers`, c.pos);
    if (top) {
      top.items.push(num.value);
      top.needValue = false;
    } else root = num.value;
  }
  skipSpace(c);
  if (wrapped) {
    if (text[c.pos] !== ')') return fail('unclosed', `"np.array(" is never closed`, c.pos);
    c.pos++;
    skipSpace(c);
  }
  if (c.pos < text.length) return fail('trailing', `unexpected ${describeAt(text, c.pos)} after the array`, c.pos);
  return ok({ node: root!, float, count });
}

/**
 * The shape NumPy gives nested lists, level by level; NumPy's own error when the lists are ragged
 * (`np.array([[1, 2], [3]])`). Breadth-first, no recursion.
 */
function shapeOfNodes(root: Node): Result<{ shape: number[]; leaves: number[] }> {
  const shape: number[] = [];
  let level: Node[] = [root];
  for (;;) {
    const lists = level.filter(Array.isArray);
    if (lists.length === 0) return ok({ shape, leaves: level as number[] });
    const len = (lists[0] as Node[]).length;
    if (lists.length !== level.length || lists.some((l) => (l as Node[]).length !== len)) {
      return fail(
        'numpy',
        `setting an array element with a sequence. The requested array has an inhomogeneous shape after ${shape.length} dimensions. The detected shape was ${formatShape(shape)} + inhomogeneous part.`,
      );
    }
    shape.push(len);
    if (len === 0) return ok({ shape, leaves: [] });
    level = (level as Node[][]).flat(1);
  }
}

/**
 * Parses an array literal as `np.array(...)` would read it: `[[1,2,3],[4,5,6]]` → shape (2, 3),
 * int64; any `.`/`e` makes it float64. Never throws; bad input gives `{ ok: false, error }`.
 */
export function parseArrayLiteral(text: string): Result<NDArray> {
  if (typeof text !== 'string') return fail('empty', 'nothing to read: type an array such as [[1, 2], [3, 4]]');
  if (text.length > LIMITS.maxText) return fail('too-long', `the text is longer than ${LIMITS.maxText} characters`);
  const parsed = parseNodes(text, LIMITS.maxDims);
  if (!parsed.ok) return parsed;
  const shaped = shapeOfNodes(parsed.value.node);
  if (!shaped.ok) return shaped;
  const { shape, leaves } = shaped.value;
  // np.array([]) is float64: with no numbers to look at, NumPy picks its default dtype
  const float = parsed.value.float || parsed.value.count === 0;
  return ok({ shape, data: Float64Array.from(leaves), dtype: float ? 'float64' : 'int64' });
}

/**
 * Parses a shape as a reader types it: `(2, 3)`, `2,3`, `(3,)`, `3`, `()`, `[2, 3]`.
 * Never throws. Dimensions are whole numbers ≥ 0; at most `maxDims` of them, each ≤ `maxDim`.
 */
export function parseShape(text: string, opts: { maxDims?: number; maxDim?: number } = {}): Result<Shape> {
  const maxDims = opts.maxDims ?? LIMITS.maxDims;
  const maxDim = opts.maxDim ?? Number.MAX_SAFE_INTEGER;
  if (typeof text !== 'string') return fail('empty', 'type a shape such as (2, 3), or () for a scalar');
  if (text.length > 1000) return fail('too-long', 'the text is longer than 1000 characters');
  let s = text.trim();
  if (s === '') return fail('empty', 'type a shape such as (2, 3), or () for a scalar', 0);
  const offset = text.indexOf(s);
  let inner = s;
  let innerStart = offset;
  const open = s[0];
  if (open === '(' || open === '[') {
    const close = open === '(' ? ')' : ']';
    if (s[s.length - 1] !== close) return fail('unclosed', `"${open}" is never closed`, offset + s.length);
    inner = s.slice(1, -1);
    innerStart = offset + 1;
  }
  s = inner;
  if (s.trim() === '') return ok([]);
  const parts = s.split(',');
  // one trailing comma is allowed, as in Python's (3,)
  if (parts.length > 1 && parts[parts.length - 1].trim() === '') parts.pop();
  if (parts.length > maxDims) return fail('too-deep', `more than ${maxDims} dimensions`, offset);
  const dims: number[] = [];
  let at = innerStart;
  for (const part of parts) {
    const t = part.trim();
    const pos = at + part.indexOf(t.length > 0 ? t : ',');
    if (t === '') return fail('unexpected', `a number is missing at position ${pos + 1}`, pos);
    if (/^-\s*\d+$/.test(t)) return fail('negative', 'negative dimensions are not allowed', pos);
    if (/\s/.test(t) && /^[+\d\s]+$/.test(t)) return fail('missing-comma', `a comma is missing in "${t}"`, pos);
    if (!/^\+?\d+$/.test(t)) {
      if (/^[+-]?(\d+\.\d*|\.\d+)([eE][+-]?\d+)?$/.test(t) || /^[+-]?\d+[eE][+-]?\d+$/.test(t)) {
        return fail('not-integer', `"${t}" is not a whole number`, pos);
      }
      return fail('unexpected', `unexpected "${t.slice(0, 20)}" at position ${pos + 1}: expected a whole number`, pos);
    }
    const d = Number(t);
    if (!Number.isSafeInteger(d) || d > maxDim) return fail('too-large', `${t} is larger than ${maxDim}`, pos);
    dims.push(d);
    at += part.length + 1;
  }
  return ok(dims);
}

/** An array of the given shape filled with start, start+step, … (like np.arange(n).reshape(shape)). */
export function filled(shape: Shape, start = 1, step = 1): NDArray {
  const n = sizeOf(shape);
  const data = new Float64Array(n);
  for (let i = 0; i < n; i++) data[i] = start + i * step;
  return { shape: [...shape], data, dtype: 'int64' };
}
