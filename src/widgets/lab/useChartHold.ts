import { useEffect, useRef } from 'react';
import { holdPlotly } from '../../charts/plotly';

/**
 * A reader who does not press Play within this long after the lab appears lets the charts load.
 * Seen at load average 17: a click "as soon as Play is enabled" (Playwright waits for the layout
 * to settle) landed 1.4 s after the button was enabled; the charts' canvas previews (the boundary,
 * the data) stand in meanwhile.
 */
const FIRST_PLAY_GRACE_MS = 3000;
/** After the first run stops (done, paused), the charts load this soon (its final frame first). */
const AFTER_RUN_MS = 150;
/** The charts never wait longer than this after the lab appears (a long run at a slow speed). */
const MAX_HOLD_MS = 6000;

/**
 * Holds the chart library's download (plotly.ts) while the lab's first run may start and train:
 * the boundary draws on its own canvas meanwhile, so a reader who presses Play at once gets the
 * run at full speed instead of waiting for Plotly's one long evaluation task. Released
 * FIRST_PLAY_GRACE_MS after the lab appears if nothing was started, AFTER_RUN_MS after the first
 * run stops, and after MAX_HOLD_MS whatever happens.
 */
export function useChartHold(running: boolean): void {
  const release = useRef<(() => void) | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const started = useRef(false);

  useEffect(() => {
    const r = holdPlotly();
    release.current = r;
    const max = setTimeout(r, MAX_HOLD_MS);
    const pending = timer;
    return () => {
      clearTimeout(max);
      clearTimeout(pending.current);
      release.current = null;
      r();
    };
  }, []);

  useEffect(() => {
    const r = release.current;
    if (!r) return;
    clearTimeout(timer.current);
    if (running) {
      started.current = true;
      return;
    }
    timer.current = setTimeout(r, started.current ? AFTER_RUN_MS : FIRST_PLAY_GRACE_MS);
  }, [running]);
}
