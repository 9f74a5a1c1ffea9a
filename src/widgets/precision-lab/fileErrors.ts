/**
 * Reader-facing explanations of every way a weights file can be refused (NpyError codes from
 * src/nn/npy.ts), in Japanese and English. Each ends by saying the model was left as it was.
 */
import type { Lang } from '../../state/lang';
import { groupDigits } from '../../app/numberFormat';
import { NpyError, type NpyErrorCode } from '../../nn/npy';

type Detail = Record<string, string | number>;
const count = (lang: Lang) => (v: string | number | undefined) => (typeof v === 'number' ? groupDigits(v, lang) : (v ?? '?'));

const numJa = count('ja');
const JA: Record<NpyErrorCode, (d: Detail) => string> = {
  empty: () => 'ファイルが空です。',
  'too-large': (d) => `ファイルが大きすぎます（${numJa(d.size)} バイト。上限は ${numJa(d.limit)} バイト）。この章のモデルの重みは数 KB です。`,
  'bad-magic': (d) => `${d.entry ?? '配列'} が NumPy の .npy 形式ではありません（先頭の \\x93NUMPY がありません）。`,
  'bad-version': (d) => `.npy 形式のバージョン ${d.version} には対応していません。`,
  'bad-header': () => '.npy のヘッダを読めません。ファイルが壊れているか、別の形式です。',
  'fortran-order': () => '列優先（fortran_order=True）の配列には対応していません。np.ascontiguousarray で変換してから保存してください。',
  'unsupported-dtype': (d) => `配列の型 ${d.dtype} は読めません（pickle されたオブジェクト配列や構造化配列は読み込みません）。`,
  'bad-shape': () => '配列の形状が正しくありません（負の長さや大きすぎる値があります）。',
  truncated: (d) => `ファイルが途中で切れています（データが ${numJa(d.have)} バイトしかなく、${numJa(d.need)} バイト必要です）。`,
  'extra-bytes': (d) => `配列のデータのあとに余分な ${numJa(d.extra)} バイトがあります。`,
  pickle: () => 'Python の pickle ファイルです（本の save_params が書く .pkl）。pickle は読み込むとコードを実行できてしまうので、このページでは開きません。下の 3 行を Python で実行して .npz に変換してから選んでください。',
  'not-zip': () => '.npz ファイル（zip 形式）ではありません。np.savez で保存したファイルを選んでください。',
  'npy-not-npz': () => '配列 1 つだけの .npy ファイルです。W1, b1, W2, b2 をまとめた .npz ファイルを選んでください。',
  'corrupt-zip': () => 'zip の中身が壊れています（途中で切れているか、チェックサムが合いません）。',
  'missing-array': (d) => `${d.name} が入っていません（入っていたのは ${d.found}）。W1, b1, W2, b2 の 4 つが必要です。`,
  'unexpected-array': (d) => `知らない配列 ${d.name} が入っています。入れてよいのは W1, b1, W2, b2 だけです。`,
  'wrong-dtype': (d) => `${d.name} の型が ${d.dtype} です。重みは浮動小数点数（float16, float32, float64）でなければなりません。`,
  'wrong-shape': (d) => `${d.name} の形状が ${d.got} ですが、このモデルでは ${d.want} でなければなりません。`,
  'not-finite': (d) => `${d.name} に ${d.value} が含まれています。NaN や無限大の重みは読み込みません。`,
};

const numEn = count('en');
const EN: Record<NpyErrorCode, (d: Detail) => string> = {
  empty: () => 'The file is empty.',
  'too-large': (d) => `The file is too large (${numEn(d.size)} bytes; the limit is ${numEn(d.limit)}). This chapter’s weights take a few KB.`,
  'bad-magic': (d) => `${d.entry ?? 'The array'} is not in NumPy’s .npy format (it does not start with \\x93NUMPY).`,
  'bad-version': (d) => `.npy format version ${d.version} is not supported.`,
  'bad-header': () => 'The .npy header cannot be read: the file is damaged or in another format.',
  'fortran-order': () => 'Column-major arrays (fortran_order=True) are not supported; save np.ascontiguousarray(...) instead.',
  'unsupported-dtype': (d) => `Arrays of type ${d.dtype} cannot be read (pickled object arrays and structured arrays are never loaded).`,
  'bad-shape': () => 'An array’s shape is not valid (a negative or absurdly large length).',
  truncated: (d) => `The file is cut short (${numEn(d.have)} bytes of data where ${numEn(d.need)} are needed).`,
  'extra-bytes': (d) => `There are ${numEn(d.extra)} unexpected bytes after an array’s data.`,
  pickle: () => 'This is a Python pickle (the .pkl the book’s save_params writes). Opening a pickle can run code, so this page never does. Convert it to .npz with the three lines of Python below, then pick that file.',
  'not-zip': () => 'This is not an .npz file (a zip archive). Pick a file saved with np.savez.',
  'npy-not-npz': () => 'This is a single-array .npy file. Pick an .npz file holding W1, b1, W2 and b2.',
  'corrupt-zip': () => 'The zip archive is damaged (cut short, or a checksum does not match).',
  'missing-array': (d) => `${d.name} is missing (the file holds ${d.found}). W1, b1, W2 and b2 are all needed.`,
  'unexpected-array': (d) => `The file holds an unknown array, ${d.name}; only W1, b1, W2 and b2 belong in it.`,
  'wrong-dtype': (d) => `${d.name} has type ${d.dtype}; weights must be floating point (float16, float32 or float64).`,
  'wrong-shape': (d) => `${d.name} has shape ${d.got}, but this model needs ${d.want}.`,
  'not-finite': (d) => `${d.name} contains ${d.value}; weights that are NaN or infinite are not loaded.`,
};

const UNCHANGED: Record<Lang, string> = { ja: 'モデルは変更していません。', en: 'The model was not changed.' };
const UNKNOWN: Record<Lang, string> = { ja: 'ファイルを読み込めませんでした。', en: 'The file could not be read.' };

/**
 * Three lines of Python that turn the book's save_params file (a pickled list [W1, b1, W2, b2])
 * into the .npz this page reads; run them in the folder that holds the file.
 */
export function pickleToNpz(fileName: string): string {
  const name = /\.pkl$/i.test(fileName) ? fileName : 'TwoLayerNet.pkl';
  const out = name.replace(/\.pkl$/i, '.npz');
  return [
    'import pickle, numpy as np',
    `W1, b1, W2, b2 = pickle.load(open(${JSON.stringify(name)}, 'rb'))`,
    `np.savez(${JSON.stringify(out)}, W1=W1, b1=b1, W2=W2, b2=b2)`,
  ].join('\n');
}

/** The message shown under the file input for an error thrown while loading weights. */
export function describeFileError(e: unknown, lang: Lang): string {
  const table = lang === 'ja' ? JA : EN;
  const head = e instanceof NpyError ? table[e.code](e.detail) : `${UNKNOWN[lang]} (${e instanceof Error ? e.message : String(e)})`;
  return `${head} ${UNCHANGED[lang]}`;
}
