import { useEffect, useRef, useState, type ReactNode } from 'react';
import { defineStrings, useStrings } from '../../app/i18n';
import './ScrollBox.css';

const S = defineStrings({
  ja: { cue: '横にスクロールすると全体が見えます' },
  en: { cue: 'Scroll sideways to see all of it' },
});

interface Edges {
  over: boolean;
  left: boolean;
  right: boolean;
}

/**
 * A box that scrolls sideways when its content (a diagram drawn at a readable size, a table) is
 * wider than the screen, and shows that it does: a line under it says so, and the edge with more
 * to see fades out. Keyboard users scroll it with the arrow keys once it has focus.
 */
export function ScrollBox({ children, label, className = '', role = 'region' }: { children: ReactNode; label: string; className?: string; role?: 'region' | 'group' }) {
  const s = useStrings(S);
  const ref = useRef<HTMLDivElement>(null);
  const [edges, setEdges] = useState<Edges>({ over: false, left: false, right: false });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const over = el.scrollWidth > el.clientWidth + 1;
      const next = { over, left: over && el.scrollLeft > 1, right: over && el.scrollLeft + el.clientWidth < el.scrollWidth - 1 };
      setEdges((prev) => (prev.over === next.over && prev.left === next.left && prev.right === next.right ? prev : next));
    };
    measure();
    const ro = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(measure);
    ro?.observe(el);
    for (const child of el.children) ro?.observe(child);
    el.addEventListener('scroll', measure, { passive: true });
    return () => {
      ro?.disconnect();
      el.removeEventListener('scroll', measure);
    };
  }, []);
  return (
    <div className={`scroll-box${edges.left ? ' more-left' : ''}${edges.right ? ' more-right' : ''}`} data-overflow={edges.over ? 'true' : 'false'}>
      <div className="scroll-box-frame">
        <div ref={ref} className={`scroll-box-inner ${className}`} tabIndex={0} role={role} aria-label={label}>
          {children}
        </div>
      </div>
      {edges.over && (
        <p className="scroll-cue" data-testid="scroll-cue">
          <span aria-hidden="true">⇆ </span>
          {s.cue}
        </p>
      )}
    </div>
  );
}
