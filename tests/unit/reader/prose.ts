/**
 * Helpers for tests that read the chapter's prose: the MDX pages with everything that is not
 * running text (imports, code, math, tags) blanked out position for position, the `<Term>`
 * elements found in them, and every reader-facing string literal in the TypeScript sources.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const root = fileURLToPath(new URL('../../../', import.meta.url));

export type Lang = 'ja' | 'en';

export interface Page {
  file: string;
  section: string;
  lang: Lang;
  text: string;
}

/** Every MDX page of chapter 1: `1-1.ja.mdx` → { section: '1-1', lang: 'ja' }. */
export function mdxPages(): Page[] {
  const dir = join(root, 'chapters/ch01');
  return readdirSync(dir)
    .filter((f) => /\.(ja|en)\.mdx$/.test(f))
    .sort()
    .map((f) => {
      const [section, lang] = f.split('.');
      return { file: `chapters/ch01/${f}`, section, lang: lang as Lang, text: readFileSync(join(dir, f), 'utf8') };
    });
}

const blank = (m: string) => m.replace(/[^\n]/g, ' ');

/**
 * The page's running text at the same positions as in the file, with imports, headings, fenced
 * and inline code, display and inline math and every tag (with its attributes) replaced by spaces.
 */
export function proseOnly(mdx: string): string {
  return mdx
    .replace(/^import .*$/gm, blank)
    .replace(/^#{1,6} .*$/gm, blank)
    .replace(/<h[1-6][^>]*>[\s\S]*?<\/h[1-6]>/g, blank)
    .replace(/<code>[\s\S]*?<\/code>/g, blank)
    .replace(/```[\s\S]*?```/g, blank)
    .replace(/\$\$[\s\S]*?\$\$/g, blank)
    .replace(/\$[^$\n]+\$/g, blank)
    .replace(/`[^`\n]*`/g, blank)
    .replace(/<[^>]+>/g, blank);
}

export interface TermUse {
  id: string;
  /** Offsets of the element, opening tag to closing tag. */
  start: number;
  end: number;
}

/** Every `<Term id="…">…</Term>` on a page, in order. */
export function termUses(mdx: string): TermUse[] {
  return [...mdx.matchAll(/<Term id="([^"]+)">[\s\S]*?<\/Term>/g)].map((m) => ({ id: m[1], start: m.index, end: m.index + m[0].length }));
}

/** The 1-based line of an offset, for messages. */
export function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : /\.tsx?$/.test(f) && !f.endsWith('.d.ts') ? [p] : [];
  });
}

/** The app's and the chapter's TypeScript files, relative to the repository root. */
export function sourceFiles(): string[] {
  return [...walk(join(root, 'src')), ...walk(join(root, 'chapters'))].map((f) => relative(root, f));
}

export interface Literal {
  where: string;
  text: string;
}

/**
 * Every string literal, template (with `${…}` written as `{}`) and JSX text in the app's
 * TypeScript (`src/`) and the chapter's data (`chapters/`), skipping comments.
 */
export function stringLiterals(): Literal[] {
  const out: Literal[] = [];
  for (const rel of sourceFiles()) {
    const f = join(root, rel);
    const src = readFileSync(f, 'utf8');
    const sf = ts.createSourceFile(f, src, ts.ScriptTarget.Latest, true, f.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const visit = (n: ts.Node) => {
      let text: string | undefined;
      if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) text = n.text;
      else if (ts.isTemplateExpression(n)) text = n.head.text + n.templateSpans.map((s) => `{}${s.literal.text}`).join('');
      else if (ts.isJsxText(n)) text = n.text;
      if (text !== undefined && text.trim() !== '') {
        const { line } = sf.getLineAndCharacterOfPosition(n.getStart());
        out.push({ where: `${relative(root, f)}:${line + 1}`, text });
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return out;
}
