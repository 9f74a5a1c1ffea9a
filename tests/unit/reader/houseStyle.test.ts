import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lineOf, mdxPages, proseOnly, root, sourceFiles, stringLiterals } from './prose';

/**
 * One house style in both languages, checked over every page's running text and every string a
 * reader can see:
 * - Japanese: full-width （） and ： in running text and labels; a space between Japanese and
 *   Latin letters or digits (「第 1 章」「1.3 節」「float16 で」); one word per idea, the one the
 *   book's Japanese edition uses (the glossary's).
 * - English: "mini-batch".
 * Code, math, shapes and formulas are not running text: MDX code spans and math are skipped,
 * and in string tables a bracket counts only when Japanese is inside it or touches it.
 */

// Kana (without the middle dot ・, which may touch Latin: 「Nesterov・RMSprop」) and kanji.
const JA = '\\u3040-\\u309f\\u30a0-\\u30fa\\u30fc-\\u30ff\\u3400-\\u9fff';
const HAS_JA = new RegExp(`[${JA}]`);
const TOUCHING_LATIN = new RegExp(`[${JA}][A-Za-z0-9]|[A-Za-z0-9][${JA}]`, 'g');
/** Names written as their owners write them. */
const PROPER_NAMES = ['ゼロから作るDeep Learning'];
/** Words the pages do not use, with the word they use instead. */
const ONE_WORD_JA: [RegExp, string][] = [
  [/反復/, 'イテレーション'],
  [/最適化手法/, 'オプティマイザ'],
  [/レイヤー/, 'レイヤ'],
  [/パラメーター/, 'パラメータ'],
  [/ミニ・バッチ/, 'ミニバッチ'],
  [/one-hot 形式/, 'one-hot 表現'],
];
const ONE_WORD_EN: [RegExp, string][] = [[/\bmini ?batch/i, 'mini-batch']];

function withoutNames(text: string): string {
  return PROPER_NAMES.reduce((t, n) => t.replaceAll(n, ' '.repeat(n.length)), text);
}

/** Problems in a piece of Japanese running text (code and math already removed). */
function jaProblems(text: string, strict: boolean): string[] {
  const t = withoutNames(text);
  const found: string[] = [];
  for (const m of t.matchAll(TOUCHING_LATIN)) found.push(`no space between Japanese and Latin in “…${t.slice(Math.max(0, m.index - 6), m.index + 8)}…”`);
  for (const m of t.matchAll(/\(([^()]*)\)?/g)) {
    const before = t[m.index - 1] ?? '';
    if (strict || HAS_JA.test(m[1]) || HAS_JA.test(before)) found.push(`half-width parentheses in “…${t.slice(Math.max(0, m.index - 6), m.index + 12)}…”: use （）`);
  }
  for (const m of t.matchAll(/:/g)) {
    const before = t.slice(Math.max(0, m.index - 2), m.index);
    if (strict || HAS_JA.test(before)) found.push(`half-width colon in “…${t.slice(Math.max(0, m.index - 6), m.index + 6)}…”: use ：`);
  }
  for (const [re, use] of ONE_WORD_JA) if (re.test(t)) found.push(`“${re.source}”: the pages say “${use}”`);
  return found;
}

function enProblems(text: string): string[] {
  return ONE_WORD_EN.filter(([re]) => re.test(text)).map(([re, use]) => `“${re.source}”: the pages say “${use}”`);
}

describe('house style of the chapter pages', () => {
  for (const page of mdxPages()) {
    it(`${page.file}: ${page.lang === 'ja' ? 'full-width （）：, spaces around Latin words, the glossary’s words' : 'one spelling per word'}`, () => {
      const prose = proseOnly(page.text);
      const problems: string[] = [];
      prose.split('\n').forEach((line, i) => {
        // Headings of the book's code (`### …`) and list markers are not checked as words.
        const found = page.lang === 'ja' ? jaProblems(line, true) : enProblems(line);
        for (const f of found) problems.push(`line ${i + 1}: ${f}`);
      });
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }
});

describe('house style of the strings readers see in widgets', () => {
  const literals = stringLiterals();

  it('Japanese strings use full-width （）：, spaces around Latin words and the glossary’s words', () => {
    const problems = literals
      .filter((l) => HAS_JA.test(l.text))
      .flatMap((l) => jaProblems(l.text.replace(/`[^`]*`/g, ' '), false).map((p) => `${l.where}: ${p}`));
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('English strings spell mini-batch one way', () => {
    const problems = literals.flatMap((l) => enProblems(l.text).map((p) => `${l.where}: ${p}`));
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('numbers are formatted for the page’s language, never with the browser’s locale (no toLocaleString() without one)', () => {
    const problems = sourceFiles()
      .filter((f) => /\.toLocaleString\(\s*\)/.test(readFileSync(join(root, f), 'utf8')))
      .map((f) => `${f}: use groupDigits(n, lang) from src/app/numberFormat.ts`);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('the checker itself finds each kind of slip', () => {
    expect(jaProblems('速さ(1フレームあたり)', false)).toHaveLength(2);
    expect(jaProblems('損失の平均: 0.5', false)).toHaveLength(1);
    expect(jaProblems('最適化手法を選ぶ', false)).toHaveLength(1);
    expect(jaProblems('中心差分 (f(x+h) − f(x−h)) / 2h', false)).toEqual([]);
    expect(jaProblems('『ゼロから作るDeep Learning』の第 2 章', false)).toEqual([]);
    expect(enProblems('Minibatch sampling')).toHaveLength(1);
    expect(lineOf('a\nb\nc', 4)).toBe(3);
  });
});
