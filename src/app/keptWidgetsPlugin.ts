/**
 * Build side of KeptWidgets.tsx: in every page's MDX, each component imported from src/widgets
 * is wrapped with `keptWidget`, so it survives the switch to the other language's prose. Authors
 * write plain imports (`import { TrainingLab } from '../../src/widgets/lab/TrainingLab'`); a new
 * widget is kept without anyone remembering to.
 */
import type { Plugin } from 'vite';

const WIDGET_IMPORT = /^import\s*\{([^}]*)\}\s*from\s*(['"])([^'"]*\/src\/widgets\/[^'"]*)\2;?[ \t]*$/gm;
const KEEP_MODULE = '/src/app/KeptWidgets.tsx';

/**
 * `import { A, B as C } from '…/src/widgets/…'` →
 * `import { A as A__widget, B as C__widget } from '…'` plus `export const A = keptWidget(A__widget, 'A')`
 * (MDX allows only imports and exports at the top level, and its body uses the exported name).
 * Returns the source unchanged when it imports no widget.
 */
export function keepWidgetImports(source: string): string {
  let found = false;
  const out = source.replace(WIDGET_IMPORT, (_line, names: string, quote: string, from: string) => {
    found = true;
    const locals: string[] = [];
    const parts = names
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean)
      .map((n) => {
        const [imported, local = imported] = n.split(/\s+as\s+/).map((x) => x.trim());
        locals.push(local);
        return `${imported} as ${local}__widget`;
      });
    const exports = locals.map((n) => `export const ${n} = keptWidget(${n}__widget, '${n}')`);
    return [`import { ${parts.join(', ')} } from ${quote}${from}${quote}`, ...exports].join('\n');
  });
  return found ? `import { keptWidget } from '${KEEP_MODULE}'\n${out}` : source;
}

/** The Vite plugin: runs on chapter MDX files before the MDX compiler sees them. */
export function keptWidgets(): Plugin {
  return {
    name: 'dlfs2-kept-widgets',
    enforce: 'pre',
    transform(code, id) {
      if (!/\.mdx$/.test(id.split('?')[0])) return null;
      const next = keepWidgetImports(code);
      return next === code ? null : { code: next, map: null };
    },
  };
}
