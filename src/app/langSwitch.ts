/**
 * Switching the language without losing the reader's place: the other language's prose is
 * fetched first (so the switch never shows a loading state), the element the reader is looking
 * at is noted (a subsection heading or a widget: both languages share their ids), and after the
 * switch that element is put back at the same height on screen. The widgets themselves stay
 * (KeptWidgets.tsx), so a running lab keeps running.
 */
import type { PageRef } from '../../chapters/index';
import { useLang, type Lang } from '../state/lang';
import { proseOf } from './pageContent';

/** An element with an id and its distance from the top of the viewport. */
export interface Anchor {
  id: string;
  offset: number;
}

let pending: Anchor | null = null;

/** Headings and widgets the reader's place is kept by (both languages give them the same ids). */
const ANCHORS = 'main h2[id], main [data-widget][id]';

/** The first anchor not hidden above the sticky header, or null at the very top of the page. */
export function captureAnchor(): Anchor | null {
  if (window.scrollY <= 0) return null;
  const headerBottom = document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0;
  for (const el of document.querySelectorAll<HTMLElement>(ANCHORS)) {
    const r = el.getBoundingClientRect();
    if (r.bottom > headerBottom + 1) return { id: el.id, offset: r.top };
  }
  return null;
}

/** Scrolls so that the anchor noted before the switch is where it was (once). */
export function restoreAnchor(): void {
  const a = pending;
  pending = null;
  if (!a) return;
  const el = document.getElementById(a.id);
  if (!el) return;
  window.scrollBy({ top: el.getBoundingClientRect().top - a.offset, behavior: 'instant' });
}

/**
 * Switches to `next`, keeping the place on `page` (if any). A page whose prose cannot be fetched
 * switches anyway: its error boundary then says so.
 */
export async function switchLanguage(next: Lang, page?: PageRef): Promise<void> {
  if (useLang.getState().lang === next) return;
  if (page) {
    try {
      await proseOf(page, next);
    } catch {
      /* shown by the page's error boundary after the switch */
    }
  }
  pending = captureAnchor();
  useLang.getState().setLang(next);
}
