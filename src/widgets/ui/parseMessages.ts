import { defineStrings } from '../../app/i18n';
import type { ErrorCode } from '../../nn/ndarray';

/** Readers' words for the parse errors of src/nn/ndarray.ts (NumPy's own texts are shown as they are). */
export const parseErrorStrings = defineStrings({
  ja: {
    empty: '何も入力されていません。例：[[1, 2], [3, 4]]',
    emptyShape: '形状を入力してください。例：(2, 3)。スカラーなら ()',
    unexpected: (at: string) => `${at} の文字が読めません。数、カンマ、かっこだけを使ってください。`,
    unclosed: 'かっこが閉じていません。',
    'missing-comma': (at: string) => `${at} の前にカンマが必要です。`,
    trailing: (at: string) => `${at} 以降は余分です。`,
    'too-deep': 'かっこの入れ子が深すぎます。',
    'too-large': '大きすぎます。',
    'too-long': '入力が長すぎます。',
    'not-integer': '形状の各次元は 0 以上の整数です。',
    negative: '形状の各次元は 0 以上の整数です。',
    numpy: 'NumPy のエラー：',
    at: (pos: number) => `${pos} 文字目`,
    end: '末尾',
  },
  en: {
    empty: 'Nothing typed yet. For example: [[1, 2], [3, 4]]',
    emptyShape: 'Type a shape, e.g. (2, 3); () for a scalar.',
    unexpected: (at: string) => `Can’t read the character at ${at}: use numbers, commas and brackets only.`,
    unclosed: 'A bracket is never closed.',
    'missing-comma': (at: string) => `A comma is missing before ${at}.`,
    trailing: (at: string) => `Everything from ${at} on is extra.`,
    'too-deep': 'Too many levels of brackets.',
    'too-large': 'Too large.',
    'too-long': 'The text is too long.',
    'not-integer': 'Each dimension of a shape is a whole number ≥ 0.',
    negative: 'Each dimension of a shape is a whole number ≥ 0.',
    numpy: 'NumPy’s error:',
    at: (pos: number) => `position ${pos}`,
    end: 'the end',
  },
});

type Table = (typeof parseErrorStrings)['ja'];

/** One line for a failed parse, in the reader's language; NumPy's own texts stay as NumPy prints them. */
export function describeParseError(s: Table, r: { code: ErrorCode; error: string; pos?: number }, text: string, shape = false): string {
  const at = r.pos === undefined || r.pos >= text.length ? s.end : `${s.at(r.pos + 1)} “${text[r.pos]}”`;
  switch (r.code) {
    case 'numpy':
      return r.error;
    case 'empty':
      return shape ? s.emptyShape : s.empty;
    case 'unexpected':
      return s.unexpected(at);
    case 'missing-comma':
      return s['missing-comma'](at);
    case 'trailing':
      return s.trailing(at);
    case 'negative':
      return `${s.negative} (${r.error})`;
    default:
      return s[r.code];
  }
}
