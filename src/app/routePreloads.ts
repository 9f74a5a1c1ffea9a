/**
 * Build side: which script chunks a page's own index.html can announce with
 * `<link rel="modulepreload">`. Without them the browser learns of a page's chunks (its widgets,
 * the training lab) only after the main script has run and the router has asked for the page:
 * a trace of /ch01/1-4 showed them requested 150 ms after the main script, all on the critical
 * path to the lab's first paint. Announced in the HTML, they download while the main script does.
 */

/** What the plugin reads of a bundle's chunk (Rollup's OutputChunk has these fields). */
export interface ChunkInfo {
  fileName: string;
  /** Chunks this one imports statically. */
  imports: readonly string[];
  facadeModuleId?: string | null;
  isEntry: boolean;
}

/** `file` and every chunk it imports statically, directly or not. */
function closure(file: string, byFile: ReadonlyMap<string, ChunkInfo>): Set<string> {
  const seen = new Set<string>();
  const walk = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const g of byFile.get(f)?.imports ?? []) walk(g);
  };
  walk(file);
  return seen;
}

/**
 * The chunks every language version of a page needs that the entry does not load already: the
 * intersection of the static-import closures of the page's chunks (one per language: the chunks
 * of `<page>.<lang>.mdx`, e.g. `page` = `/chapters/ch01/1-4`), without the entry's closure and
 * without the language chunks themselves (a reader downloads one language, not both). Sorted;
 * empty when the page has no chunk.
 */
export function sharedPageImports(chunks: readonly ChunkInfo[], page: string): string[] {
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const entry = chunks.find((c) => c.isEntry);
  const loaded = entry ? closure(entry.fileName, byFile) : new Set<string>();
  const isPage = (id: string) => {
    const at = id.lastIndexOf(`${page}.`);
    return at >= 0 && id.endsWith('.mdx') && !id.slice(at + page.length + 1, -'.mdx'.length).includes('/');
  };
  const pages = chunks.filter((c) => c.facadeModuleId && isPage(c.facadeModuleId));
  if (pages.length === 0) return [];
  const sets = pages.map((p) => closure(p.fileName, byFile));
  const own = new Set(pages.map((p) => p.fileName));
  return [...sets[0]].filter((f) => sets.every((s) => s.has(f)) && !loaded.has(f) && !own.has(f)).sort();
}
