import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHECKLIST, itemHref, loadChecked, saveChecked } from '../../../src/widgets/checklist/items';
import { ch01 } from '../../../chapters/ch01/index';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? tsxFiles(p) : p.endsWith('.tsx') ? [p] : [];
  });
}

describe('§1.6 checklist', () => {
  it('links every item to a widget that its section page really shows', () => {
    const files = tsxFiles(join(root, 'src/widgets'));
    for (const item of CHECKLIST) {
      const file = files.find((f) => {
        const src = readFileSync(f, 'utf8');
        return src.includes(`name="${item.widget}"`) || src.includes(`'${item.widget}'`);
      });
      expect(file, `a component with data-widget "${item.widget}"`).toBeDefined();
      // The page imports the widget itself, or the nearScreen module beside it that loads it
      // when the reader scrolls near (loadNear with the same name).
      const importPath = '../../' + relative(root, file!).replace(/\.tsx$/, '');
      const nearFile = join(dirname(file!), 'nearScreen.ts');
      const nearPath = existsSync(nearFile) && readFileSync(nearFile, 'utf8').includes(`loadNear('${item.widget}'`) ? '../../' + relative(root, nearFile).replace(/\.ts$/, '') : undefined;
      for (const lang of ['ja', 'en']) {
        const mdx = readFileSync(join(root, `chapters/ch01/${item.section}.${lang}.mdx`), 'utf8');
        const imported = mdx.includes(`'${importPath}'`) || (nearPath !== undefined && mdx.includes(`'${nearPath}'`));
        expect(imported, `${item.section}.${lang}.mdx imports ${importPath}${nearPath ? ` or ${nearPath}` : ''}`).toBe(true);
      }
      expect(itemHref(item)).toBe(`/ch01/${item.section}#widget-${item.widget}`);
      expect(ch01.pages.some((s) => s.id === item.section)).toBe(true);
    }
  });

  it('has unique ids and text in both languages', () => {
    expect(new Set(CHECKLIST.map((i) => i.id)).size).toBe(CHECKLIST.length);
    for (const i of CHECKLIST) expect(i.text.ja.length * i.text.en.length).toBeGreaterThan(0);
  });

  it('remembers ticks, and ignores damaged or unknown saved data', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    saveChecked(storage, new Set(['gpu', 'chain']));
    expect([...loadChecked(storage)].sort()).toEqual(['chain', 'gpu']);
    store.set('dlfs2.checklist.v1', '{not json');
    expect(loadChecked(storage).size).toBe(0);
    store.set('dlfs2.checklist.v1', JSON.stringify(['gpu', 'no-such-item', 3]));
    expect([...loadChecked(storage)]).toEqual(['gpu']);
    expect(loadChecked(undefined).size).toBe(0);
    const full = { setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(() => saveChecked(full, new Set(['gpu']))).not.toThrow();
  });
});
