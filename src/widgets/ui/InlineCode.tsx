import { Fragment, type ReactNode } from 'react';

/**
 * Text from a string table with `code` spans marked by backticks, as in the MDX prose:
 * "`(N, D) @ (D, H)` needs …" → the shapes in <code>, the rest as plain text. An unmatched
 * backtick is shown as it is.
 */
export function InlineCode({ text }: { text: string }): ReactNode {
  const parts = text.split('`');
  if (parts.length % 2 === 0) return text; // odd number of backticks: nothing to pair
  return parts.map((p, i) => (i % 2 === 1 ? <code key={i}>{p}</code> : <Fragment key={i}>{p}</Fragment>));
}
