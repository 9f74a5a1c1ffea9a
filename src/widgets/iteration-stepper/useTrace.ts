import { useEffect, useState } from 'react';
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

/** What the last slice left: for request `key`, the trace or how far it got; `shown` is the newest finished trace. */
interface Slice {
  key: string;
  outcome: { status: 'computing'; reached: number; target: number } | { status: 'ready' } | { status: 'error'; message: string };
  shown?: IterationTrace;
}

/** The trace of iteration `k` of the run `opts`, computed in slices; a new request cancels the old. */
export function useTrace(opts: TraceRunOptions, k: number): TraceState {
  const [runner] = useState(() => new TraceRunner());
  const key = JSON.stringify(opts);
  const request = `${key}#${k}`;
  const [slice, setSlice] = useState<Slice | null>(null);

  useEffect(() => {
    const run = JSON.parse(key) as TraceRunOptions;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const step = () => {
      if (cancelled) return;
      try {
        const p = runner.work(run, k, performance.now() + SLICE_MS, () => performance.now());
        if (p.done) setSlice({ key: request, outcome: { status: 'ready' }, shown: p.trace });
        else {
          setSlice((prev) => ({ key: request, outcome: { status: 'computing', reached: p.reached, target: p.target }, shown: prev?.shown }));
          timer = setTimeout(step, 0);
        }
      } catch (e) {
        setSlice((prev) => ({ key: request, outcome: { status: 'error', message: e instanceof Error ? e.message : String(e) }, shown: prev?.shown }));
      }
    };
    timer = setTimeout(step, 0);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [runner, key, k, request]);

  // a request whose first slice has not run yet is computing from 0, showing the last trace
  if (!slice || slice.key !== request) return { status: 'computing', reached: 0, target: k - 1, last: slice?.shown };
  const o = slice.outcome;
  if (o.status === 'ready') return { status: 'ready', trace: slice.shown! };
  if (o.status === 'error') return o;
  return { ...o, last: slice.shown };
}

/** The run's last iteration (max_epoch × max_iters) for `opts`, or NaN when the settings are unusable. */
export function lastIterationOf(opts: TraceRunOptions): number {
  try {
    return new TraceRunner().lastIteration(opts);
  } catch {
    return Number.NaN;
  }
}
