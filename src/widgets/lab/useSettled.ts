import { useEffect, useState } from 'react';

/**
 * After this long without a change, a setting has settled. A slider dragged across 50 values,
 * or stepped by holding an arrow key (about 30 steps/s), then starts one run instead of one per
 * value; 350 ms is longer than the gap between a key's repeats (≈ 33 ms) and a hand's pause
 * within one drag, and short enough to feel immediate after letting go.
 */
export const SETTLE_MS = 350;

/**
 * A pointer held this long without a change settles too: a missed pointerup (a drag released
 * outside the window on some systems) must not hold the lab back for good.
 */
const MAX_HOLD_MS = 4000;

/** Pointers held down anywhere on the page (a slider being dragged settles when it is let go). */
let pointersDown = 0;
const releaseListeners = new Set<() => void>();
if (typeof window !== 'undefined') {
  window.addEventListener('pointerdown', () => (pointersDown += 1), { capture: true, passive: true });
  const up = () => {
    pointersDown = Math.max(0, pointersDown - 1);
    if (pointersDown === 0) for (const fn of [...releaseListeners]) fn();
  };
  window.addEventListener('pointerup', up, { capture: true, passive: true });
  window.addEventListener('pointercancel', up, { capture: true, passive: true });
}

/**
 * `value` once it has settled: unchanged for `ms` with no pointer held down, or at once when the
 * pointer that was dragging is let go. The first value counts as settled.
 */
export function useSettled<T>(value: T, ms = SETTLE_MS): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(value, settled)) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = () => {
      if (timer !== undefined) clearTimeout(timer);
      setSettled(value);
    };
    let held = 0;
    const wait = () => {
      timer = setTimeout(() => {
        timer = undefined;
        held += ms;
        if (pointersDown === 0 || held >= MAX_HOLD_MS) settle();
        else wait(); // still held: the release settles it
      }, ms);
    };
    releaseListeners.add(settle);
    wait();
    return () => {
      releaseListeners.delete(settle);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [value, settled, ms]);
  return settled;
}
