/**
 * Cuts one top-level declaration (`export class Affine …`, `export function softmax …`) out of a
 * source file imported with `?raw`, so a widget shows the exact code that runs. Pure, no DOM.
 * Returns undefined when the name is not declared at the top level.
 */
export function extractDeclaration(source: string, name: string): string | undefined {
  const pattern = new RegExp(
    String.raw`^(?:export\s+)?(?:default\s+)?(?:abstract\s+)?(?:async\s+)?(?:class|function\*?|interface|type|const|let|enum)\s+${name}\b`,
    'm',
  );
  const match = pattern.exec(source);
  if (!match) return undefined;
  // Include the doc comment right above, if any.
  let start = match.index;
  const before = source.slice(0, start);
  const doc = /\/\*\*(?:(?!\*\/)[\s\S])*\*\/\s*$/.exec(before); // the last doc comment only
  if (doc) start = doc.index;
  // Walk to the end of the declaration: the first top-level `}` or `;` after its opening,
  // skipping strings, template literals and comments so braces inside them do not count.
  let depth = 0;
  let opened = false;
  for (let i = match.index; i < source.length; i++) {
    const c = source[i];
    const next = source[i + 1];
    if (c === '/' && next === '/') { i = source.indexOf('\n', i); if (i < 0) break; continue; }
    if (c === '/' && next === '*') { i = source.indexOf('*/', i + 2) + 1; if (i <= 0) break; continue; }
    if (c === '"' || c === "'" || c === '`') {
      for (i++; i < source.length && source[i] !== c; i++) if (source[i] === '\\') i++;
      continue;
    }
    if (c === '{' || c === '(' || c === '[') { depth++; opened = true; }
    else if (c === '}' || c === ')' || c === ']') {
      depth--;
      if (depth === 0 && c === '}' && opened) {
        // `const f = () => { … };` and `type T = { … };` end at the semicolon after the brace.
        const rest = /^\s*;/.exec(source.slice(i + 1));
        return source.slice(start, i + 1 + (rest ? rest[0].length : 0)).trimEnd();
      }
    } else if (c === ';' && depth === 0) {
      return source.slice(start, i + 1).trimEnd();
    }
  }
  return source.slice(start).trimEnd();
}
