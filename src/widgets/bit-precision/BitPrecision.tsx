import { useState } from 'react';
import { defineStrings, useStrings } from '../../app/i18n';
import { bitFields, FORMATS, type FloatFormat } from '../../nn/float16';
import float16Src from '../../nn/float16.ts?raw';
import { ShowCode } from '../ui/ShowCode';
import { TextField } from '../ui/TextField';
import { Widget } from '../ui/Widget';
import { useColon, useParens } from '../../app/punctuation';
import { edgeNotes, exactDecimal, exactError, parseNumberInput, type EdgeNote } from './bitModel';
import '../ui/controls.css';
import './BitPrecision.css';

const S = defineStrings({
  ja: {
    title: 'ビット精度：1 つの数を 3 つの形式で',
    input: '数を入力',
    bad: '数として読めません。例：0.1、65520、1e-8、-0、NaN',
    presets: '例：',
    sign: '符号',
    exponent: '指数部',
    fraction: '仮数部',
    bytes: (n: number) => `${n} バイト`,
    stored: '実際に保存される値',
    error: '誤差（保存値 − 入力）',
    relative: '相対誤差',
    notExact: '—',
    bitsOf: (f: string) => `${f} のビット列`,
    formula: '値 = (−1)^s × 1.f × 2^(e − b)。s は符号、f は仮数部（2 進数の小数部分）、e は指数部、b はバイアスで、b は float64 が 1023、float32 が 127、float16 が 15 です（非正規化数では先頭が 0. になり、指数は 1 − b）。',
    scaled: (e: number) => `× 2^${String(e).replace("-", "−")}`,
    kind: { zero: 'ゼロ', subnormal: '非正規化数', normal: '正規化数', infinity: '無限大', nan: 'NaN' },
    notes: {
      'f16-max': '65504 は float16 で表せる最大の有限値です（指数部 11110、仮数部がすべて 1）。',
      'f16-overflow': 'float16 では 65520 以上（65504 と次の 2 の累乗 65536 のちょうど中間から上）は Infinity に丸められます。重みがこんなに大きくなることはまずありませんが、保存前に確かめる価値はあります。',
      'f16-rounds-to-max': '65504 より大きくても 65520 未満なら、最も近い 65504 に丸められます。',
      'f16-subnormal': 'float16 では非正規化数です。指数部がすべて 0 のときは先頭の暗黙の 1 がなくなり、0 に近い数を粗い刻み（2^−24 ≈ 5.96e−8）で表します。有効桁が減るぶん誤差が大きくなります。',
      'f16-underflow': 'float16 では 0 になります（アンダーフロー）。float16 の最小の正の値は 2^−24 ≈ 5.96e−8 で、その半分以下は 0 に丸められます。',
      'f32-overflow': 'float32 でも大きすぎて Infinity になります（float32 の最大は約 3.4e38）。',
      'f32-subnormal': 'float32 でも非正規化数です（約 1.18e−38 未満）。',
      'f32-underflow': 'float32 でも 0 になります（約 1.4e−45 未満）。',
      'f64-overflow': 'float64 でも表せないほど大きいので、入力の時点で Infinity になりました（float64 の最大は約 1.8e308）。',
      'negative-zero': '−0 は符号ビットだけが 1 の「負のゼロ」です。0 と等しいと比較されますが、ビット列は違います。',
      nan: 'NaN（非数）は、指数部がすべて 1 で仮数部が 0 でないビット列です。NaN は自分自身とも等しくありません。',
      infinity: 'Infinity は指数部がすべて 1、仮数部がすべて 0 のビット列です。',
      exact: 'この数は 2 進数で割り切れるので、3 つの形式どれでも誤差なしで保存されます。',
    } satisfies Record<EdgeNote, string>,
    float16Note: 'float16 は 1 つの重みを 2 バイトで持つので、重みのバイト数は float32 の半分、float64 の 4 分の 1 になります。ただし有効桁は 10 進で 3 桁ほどです。',
  },
  en: {
    title: 'Bit precision: one number in three formats',
    input: 'Type a number',
    bad: 'That is not a number. Try 0.1, 65520, 1e-8, -0 or NaN.',
    presets: 'Try:',
    sign: 'sign',
    exponent: 'exponent',
    fraction: 'fraction',
    bytes: (n: number) => `${n} bytes`,
    stored: 'Value actually stored',
    error: 'Error (stored − typed)',
    relative: 'relative',
    notExact: '—',
    bitsOf: (f: string) => `Bits of ${f}`,
    formula: 'value = (−1)^sign × 1.fraction (binary) × 2^(exponent − bias), with bias 1023 for float64, 127 for float32 and 15 for float16 (subnormals use 0.fraction and exponent 1 − bias).',
    scaled: (e: number) => `× 2^${String(e).replace("-", "−")}`,
    kind: { zero: 'zero', subnormal: 'subnormal', normal: 'normal', infinity: 'infinity', nan: 'NaN' },
    notes: {
      'f16-max': '65504 is the largest finite float16 (exponent 11110, fraction all ones).',
      'f16-overflow': 'In float16, anything from 65520 up (halfway between 65504 and the next power of two, 65536) rounds to Infinity. Weights are rarely this large, but it is worth checking before saving.',
      'f16-rounds-to-max': 'Above 65504 but below 65520, float16 rounds to the nearest value, 65504.',
      'f16-subnormal': 'This is a subnormal float16: with an all-zero exponent there is no hidden leading 1, and numbers near 0 are stored in coarse steps of 2^−24 ≈ 5.96e−8, so fewer digits survive.',
      'f16-underflow': 'In float16 this becomes 0 (underflow). The smallest positive float16 is 2^−24 ≈ 5.96e−8; anything up to half of that rounds to 0.',
      'f32-overflow': 'Too large even for float32, which overflows to Infinity above about 3.4e38.',
      'f32-subnormal': 'Subnormal in float32 as well (below about 1.18e−38).',
      'f32-underflow': 'Zero in float32 as well (below about 1.4e−45).',
      'f64-overflow': 'Too large even for float64 (max about 1.8e308), so it was already Infinity when read.',
      'negative-zero': '−0 is “negative zero”: only the sign bit is set. It compares equal to 0, yet its bits differ.',
      nan: 'NaN (not a number) has an all-ones exponent and a non-zero fraction. NaN is not even equal to itself.',
      infinity: 'Infinity has an all-ones exponent and an all-zero fraction.',
      exact: 'This number is a finite binary fraction, so all three formats store it without any error.',
    } satisfies Record<EdgeNote, string>,
    float16Note: 'float16 keeps each weight in 2 bytes, half of float32 and a quarter of float64, but holds only about three significant decimal digits.',
  },
});

const PRESETS = ['0.1', '1/3', '65504', '65519.99', '65520', '1e-7', '1e-8', '-0', 'NaN'];
const ORDER: FloatFormat[] = ['float64', 'float32', 'float16'];

/** Formats an error compactly: 0, ±1.23e−5, Infinity. */
function fmtErr(v: number): string {
  if (v === 0) return '0';
  if (!Number.isFinite(v)) return String(v);
  return v.toExponential(3).replace(/-/g, '−');
}

/** One format's row: the coloured bits, the stored value and the error. */
function FormatRow({ format, text }: { format: FloatFormat; text: string }) {
  const s = useStrings(S);
  const colon = useColon();
  const paren = useParens();
  const input = parseNumberInput(text)!;
  const f = bitFields(input.value, format);
  const err = exactError(input, format);
  const spec = FORMATS[format];
  return (
    <div className="bp-row" data-format={format} data-kind={f.kind} data-hex={f.hex}>
      <div className="bp-head">
        <strong>{format}</strong> <span className="bp-meta">
          {s.bytes(spec.bits / 8)} · {s.kind[f.kind]}
          {Number.isFinite(f.unbiasedExponent) && f.kind !== 'zero' ? ` · ${s.scaled(f.unbiasedExponent)}` : ''}
        </span>
      </div>
      <div className="bp-bits" role="img" aria-label={`${s.bitsOf(format)}${colon}${s.sign} ${f.sign}, ${s.exponent} ${f.exponent}, ${s.fraction} ${f.fraction}`}>
        <span className="bp-field bp-sign" title={s.sign}>{f.sign}</span>
        <span className="bp-field bp-exp" title={s.exponent}>{f.exponent}</span>
        <span className="bp-field bp-frac" title={s.fraction}>{f.fraction}</span>
      </div>
      <dl className="bp-values">
        <dt>{s.stored}</dt>
        <dd className="bp-stored" data-testid={`bp-stored-${format}`}>{exactDecimal(f.stored)}</dd>
        <dt>{s.error}</dt>
        <dd data-testid={`bp-error-${format}`}>
          {err ? `${fmtErr(err.absolute)}${paren.open}${s.relative} ${fmtErr(err.relative)}${paren.close}` : s.notExact}
        </dd>
      </dl>
    </div>
  );
}

/**
 * §1.5.1 bit precision: a typed number in float64, float32 and float16, bit by bit, with what each
 * format really stores, the exact error, and notes on the edge cases (65504, 65520, subnormals, NaN).
 */
export function BitPrecision() {
  const s = useStrings(S);
  const [text, setText] = useState('0.1');
  // '1/3' is a convenience preset: shown as its decimal value.
  const effective = text.trim() === '1/3' ? String(1 / 3) : text;
  const input = parseNumberInput(effective);
  const notes = input ? edgeNotes(input) : [];
  return (
    <Widget name="bit-precision" title={s.title}>
      <div className="w-row">
        <TextField label={s.input} value={text} onChange={setText} error={input ? undefined : s.bad} testId="bp-input" size={22} />
        <div className="presets" role="group" aria-label={s.presets}>
          <span className="field-label">{s.presets}</span>
          {PRESETS.map((p) => (
            <button key={p} type="button" onClick={() => setText(p)} aria-pressed={text === p}>
              {p}
            </button>
          ))}
        </div>
      </div>
      <div className="bp-legend" aria-hidden="true">
        <span className="bp-field bp-sign">{s.sign}</span> <span className="bp-field bp-exp">{s.exponent}</span>{' '}
        <span className="bp-field bp-frac">{s.fraction}</span>
      </div>
      {input && (
        <div data-testid="bp-rows">
          {ORDER.map((f) => (
            <FormatRow key={f} format={f} text={effective} />
          ))}
        </div>
      )}
      {notes.length > 0 && (
        <ul className="bp-notes" data-testid="bp-notes" aria-live="polite">
          {notes.map((n) => (
            <li key={n} data-note={n}>
              {s.notes[n]}
            </li>
          ))}
        </ul>
      )}
      <p className="w-note">{s.formula}</p>
      <p className="w-note">{s.float16Note}</p>
      <ShowCode
        source={float16Src}
        path="src/nn/float16.ts"
        names={['toFloat16Bits', 'fromFloat16Bits']}
        book={<code>common/base_model.py: save_params → p.astype(np.float16)</code>}
      />
    </Widget>
  );
}
