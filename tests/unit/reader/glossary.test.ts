import { describe, expect, it } from 'vitest';
import { GLOSSARY, glossaryEntry, type GlossaryEntry } from '../../../chapters/ch01/glossary';
import { ch01 } from '../../../chapters/ch01/index';
import { lineOf, mdxPages, proseOnly, termUses, type Lang } from './prose';

/** Where a glossary word occurs in running text: the word itself, and English plurals. */
function occurrences(prose: string, e: GlossaryEntry, lang: Lang): number[] {
  const word = e.term[lang].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Latin words must not be part of a longer word (GPU in WebGPU); English may be plural.
  const plural = word.endsWith('is') ? `|${word.slice(0, -2)}es` : '';
  const re = lang === 'en' ? new RegExp(`(?<![A-Za-z-])(?:${word}(?:s|es)?${plural})(?![A-Za-z])`, 'gi') : new RegExp(`(?<![A-Za-z])${word}(?![A-Za-z])`, 'g');
  return [...prose.matchAll(re)].map((m) => m.index);
}

describe('glossary data', () => {
  it('has unique ids, both languages, and an explanation that exists', () => {
    expect(new Set(GLOSSARY.map((e) => e.id)).size).toBe(GLOSSARY.length);
    const pages = mdxPages();
    for (const e of GLOSSARY) {
      expect(e.term.ja && e.term.en && e.meaning.ja && e.meaning.en, e.id).toBeTruthy();
      expect(ch01.pages.some((s) => s.id === e.where.section), `${e.id}: section ${e.where.section}`).toBe(true);
      // the anchor is a subsection heading or an element id on that page, in both languages
      for (const lang of ['ja', 'en'] as const) {
        const page = pages.find((p) => p.section === e.where.section && p.lang === lang)!;
        const isSub = page.text.includes(`<Sub id="${e.where.anchor}" />`);
        const isElement = page.text.includes(`id="${e.where.anchor}"`);
        expect(isSub || isElement, `${e.id}: #${e.where.anchor} on ${page.file}`).toBe(true);
      }
    }
  });

  it('looks entries up by id', () => {
    expect(glossaryEntry('broadcasting')?.term.en).toBe('broadcasting');
    expect(glossaryEntry('no-such-term')).toBeUndefined();
  });
});

describe('<Term> links the first use of a glossary word on every page', () => {
  for (const page of mdxPages()) {
    it(`${page.file}`, () => {
      const prose = proseOnly(page.text);
      const uses = termUses(page.text);
      const problems: string[] = [];
      for (const u of uses) if (!glossaryEntry(u.id)) problems.push(`line ${lineOf(page.text, u.start)}: unknown term id "${u.id}"`);
      for (const e of GLOSSARY) {
        const own = uses.filter((u) => u.id === e.id);
        if (own.length > 1) problems.push(`${e.id}: linked ${own.length} times (only the first use links)`);
        // A word inside another term's link, or inside a longer glossary word (“matrix” in
        // “matrix product”, 行列 in 行列の積), is not a use of this term.
        const longer = GLOSSARY.filter((o) => o.id !== e.id && o.term[page.lang].toLowerCase().includes(e.term[page.lang].toLowerCase()));
        const spans = longer.flatMap((o) => occurrences(prose, o, page.lang).map((at) => [at, at + o.term[page.lang].length] as const));
        const inOther = (at: number) => uses.some((u) => u.id !== e.id && at >= u.start && at < u.end) || spans.some(([a, b]) => at >= a && at < b);
        const first = e.ambiguousIn?.includes(page.lang) ? undefined : occurrences(prose, e, page.lang).find((at) => !inOther(at));
        if (first === undefined) continue;
        if (!own.some((u) => first >= u.start && first < u.end)) {
          problems.push(`line ${lineOf(page.text, first)}: first “${e.term[page.lang]}” is not inside <Term id="${e.id}">`);
        }
      }
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }

  it('the check finds a plain first use before the link', () => {
    const text = 'A vector here. Then a <Term id="vector">vector</Term>.';
    const first = occurrences(proseOnly(text), glossaryEntry('vector')!, 'en')[0];
    const use = termUses(text)[0];
    expect(first).toBeLessThan(use.start);
    expect(occurrences('WebGPU and a GPU', glossaryEntry('gpu')!, 'en')).toEqual([13]);
  });
});
