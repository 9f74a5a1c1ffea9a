import { useEffect, useState } from 'react';

/**
 * Which of `ids` (anchors in page order) the reader is reading: the last one whose top has
 * passed a line a little below the sticky header, or null above the first. Measured on scroll
 * and resize, at most once per frame.
 */
export function useReading(ids: readonly string[]): string | null {
  const [reading, setReading] = useState<string | null>(null);
  const key = ids.join(' ');
  useEffect(() => {
    const list = key ? key.split(' ') : [];
    let frame = 0;
    const measure = () => {
      frame = 0;
      const header = document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0;
      const line = header + Math.min(120, window.innerHeight / 4);
      let current: string | null = null;
      for (const id of list) {
        const el = document.getElementById(id);
        if (el && el.getBoundingClientRect().top <= line) current = id;
      }
      setReading(current);
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    onScroll();
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
    };
  }, [key]);
  return reading;
}
