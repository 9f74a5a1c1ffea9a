import { useEffect, useMemo, useRef, useState } from 'react';
import type { IterationTrace, TraceRunOptions } from '../../nn/iterationTrace';
import { TraceRunner } from '../../lab/traceRunner';

/**
 * Main-thread time per slice while the run is brought to iteration k; between slices the page
 * paints and answers input. 12 ms keeps a slice well under one 60 Hz frame plus the browser's
 * own work (the lab's worker uses 8–12 ms slices for the same reason).
 */
const SLICE_MS = 12;

export type TraceState =
  | { status: 'computing'; reached: number; target: number; last?: IterationTrace }
  | { status: 'ready'; trace: IterationTrace }
  | { status: 'error'; message: string };

/** The trace of iteration `k` of the run `opts`, computed in slices; a new request cancels the old. */
export function useTrace(opts: TraceRunOptions, k: number): TraceState {
  const runner = useRef<TraceRunner | null>(null);
  runner.current ??= new TraceRunner();
  const key = JSON.stringify(opts);
  const stableOpts = useMemo(() => JSON.parse(key) as TraceRunOptions, [key]);
  const [state, setState] = useState<TraceState>({ status: 'computing', reached: 0, target: k - 1 });

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setState((prev) => ({ status: 'computing', reached: 0, target: k - 1, last: prev.status === 'ready' ? prev.trace : prev.status === 'computing' ? prev.last : undefined }));
    const slice = () => {
      if (cancelled) return;
      try {
        const p = runner.current!.work(stableOpts, k, performance.now() + SLICE_MS, () => performance.now());
        if (p.done) setState({ status: 'ready', trace: p.trace });
        else {
          setState((prev) => ({ status: 'computing', reached: p.reached, target: p.target, last: prev.status === 'computing' ? prev.last : undefined }));
          timer = setTimeout(slice, 0);
        }
      } catch (e) {
        setState({ status: 'error', message: e instanceof Error ? e.message : String(e) });
      }
    };
    timer = setTimeout(slice, 0);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [stableOpts, k]);

  return state;
}

/** The run's last iteration (max_epoch × max_iters) for `opts`, or NaN when the settings are unusable. */
export function lastIterationOf(opts: TraceRunOptions): number {
  try {
    return new TraceRunner().lastIteration(opts);
  } catch {
    return Number.NaN;
  }
}
