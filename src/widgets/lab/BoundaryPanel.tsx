import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useStrings } from '../../app/i18n';
import { useLabSettings } from '../../state/labSettings';
import { BoundaryChart, type BoundaryData, type BoundaryHandle } from '../../charts/BoundaryChart';
import { MAX_GRID_MARKERS } from '../../charts/gridMarkers';
import type { GridPayload, LabStatus } from '../../lab/protocol';
import type { LabSession } from '../../lab/session';
import { BOOK } from '../../nn/book';
import { useWidth } from '../ui/useWidth';
import { SettingControl } from './SettingControl';
import { BookGridDiff } from './BookGridDiff';
import { gridDiff, type GridDiff } from '../../lab/gridDiff';
import { labStrings } from './strings';

interface Props {
  session: LabSession | null;
  data: BoundaryData;
  compact: boolean;
  status: LabStatus;
}

/** The chart's height follows its width (a square plot), in steps of 20 px, within these bounds. */
const MIN_HEIGHT = 260;
const MAX_HEIGHT = 400;

/**
 * The decision boundary (a common stumbling point: brute-force prediction at every meshgrid point): the live grid from
 * the worker, drawn as a class map or a confidence map; "show the grid" draws the meshgrid points
 * themselves at spacing h when paused or done, and the book's h = 0.001 grid on request.
 * Returns the chart and its tools separately: the lab's layout places them apart.
 */
export function useBoundaryPanel({ session, data, compact, status }: Props): { chart: ReactNode; tools: ReactNode; height: number } {
  const s = useStrings(labStrings);
  const view = useLabSettings((st) => st.settings.view);
  const h = useLabSettings((st) => st.settings.h);
  const chart = useRef<BoundaryHandle>(null);
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const [info, setInfo] = useState<{ rows: number; cols: number; h: number } | null>(null);
  const infoShown = useRef(info);
  const [busy, setBusy] = useState(false);
  const viewRef = useRef(view);
  useLayoutEffect(() => {
    viewRef.current = view;
  }, [view]);
  const running = status === 'running';
  /** The last class map drawn at the live spacing (what the book's grid is compared with). */
  const lastCoarse = useRef<GridPayload | null>(null);
  /** The book's h = 0.001 grid, kept on screen until the run moves on or changes. */
  const [book, setBook] = useState<{ fine: GridPayload; coarse: GridPayload | null; diff: GridDiff | null } | null>(null);
  const bookRef = useRef(book);
  useLayoutEffect(() => {
    bookRef.current = book;
  }, [book]);

  /** Draws a grid and records what is on screen (data-grid-h / data-grid-points for tests). */
  const show = useCallback(async (g: GridPayload, markers: boolean) => {
    const c = chart.current;
    if (!c) return;
    const t0 = performance.now();
    await c.draw(g, { mode: viewRef.current === 'confidence' ? 'confidence' : 'class', markers });
    if (g.h !== BOOK.h && !markers) lastCoarse.current = g;
    const el = box.current;
    if (el) {
      // wall time of the last redraw (the canvas paint, and the dots of "show the grid"): read by bench/lab.ts
      el.dataset.drawMs = (performance.now() - t0).toFixed(2);
      el.dataset.gridH = String(g.h);
      el.dataset.gridPoints = String(g.rows * g.cols);
      el.dataset.gridMarkers = markers && g.rows * g.cols <= MAX_GRID_MARKERS ? 'true' : 'false';
    }
    // Only a new size is news: a functional update that returns the same state still re-rendered
    // the whole lab on about every other live redraw (React's eager bail-out does not always
    // apply; a CPU profile of the live lab showed ~10 % of the main thread in those renders).
    const p = infoShown.current;
    if (!p || p.rows !== g.rows || p.cols !== g.cols || p.h !== g.h) {
      infoShown.current = { rows: g.rows, cols: g.cols, h: g.h };
      setInfo(infoShown.current);
    }
  }, []);

  /** "Show the grid": a one-off grid of the current model at the slider's h, drawn as dots. */
  const showGridAtH = useCallback(
    async (spacing: number) => {
      if (!session) return;
      try {
        const g = await session.client.requestGrid({ h: spacing, confidence: false });
        await show(g, true);
      } catch {
        /* the worker failed: the lab's error notice says so */
      }
    },
    [session, show],
  );

  const onReady = useCallback(() => {
    session?.attach({
      boundary: async (g) => {
        const kept = bookRef.current;
        // The same model again (a view change): the book's grid stays (and comes back after
        // "show the grid" drew its dots), unless it has no confidences for the confidence view
        // (then the reader can draw it again). A new run or iteration drops it.
        const same = kept !== null && g.runId === kept.fine.runId && g.iter === kept.fine.iter;
        const v = viewRef.current;
        if (same && (v === 'class' || (v === 'confidence' && kept.fine.confidence !== undefined))) {
          await show(kept.fine, false);
          return;
        }
        if (kept && !(same && v === 'grid')) setBook(null);
        await show(g, false);
        if (g.still && viewRef.current === 'grid') await showGridAtH(useLabSettings.getState().settings.h);
      },
    });
  }, [session, show, showGridAtH]);

  useEffect(() => {
    if (session && chart.current?.ready()) onReady();
  }, [session, onReady]);

  useEffect(() => {
    if (view === 'grid' && !running && session && chart.current?.ready()) void showGridAtH(h);
  }, [view, h, running, session, showGridAtH]);

  const drawBookGrid = async () => {
    if (!session) return;
    setBusy(true);
    try {
      const g = await session.client.requestGrid({ h: BOOK.h, confidence: viewRef.current === 'confidence' });
      await show(g, false);
      const coarse = lastCoarse.current;
      const same = coarse !== null && coarse.runId === g.runId && coarse.iter === g.iter;
      setBook({ fine: g, coarse: same ? coarse : null, diff: same ? gridDiff(g, coarse) : null });
    } catch {
      /* reported by the lab's error notice */
    } finally {
      setBusy(false);
    }
  };

  const height = width > 0 ? Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.round(width / 20) * 20)) : compact ? 300 : 360;
  // the book-grid button sits right under the chart it redraws (in a phone's sticky part too)
  const chartNode = (
    <div className="boundary-panel" ref={box} data-testid="lab-boundary" data-book-grid={book ? 'true' : undefined}>
      <BoundaryChart ref={chart} data={data} height={height} ariaLabel={s.boundaryLabel} testId="lab-boundary-chart" onReady={onReady} />
      {!compact && (
        <div className="book-grid-row">
          <button type="button" data-testid="lab-book-grid" onClick={drawBookGrid} disabled={busy || running || !session || (book !== null && view !== 'grid')}>
            {busy ? s.bookGridBusy : s.bookGrid}
          </button>
        </div>
      )}
    </div>
  );
  const tools = compact ? null : (
    <div className="boundary-tools">
      {view !== 'grid' && book?.coarse && book.diff && <BookGridDiff fine={book.fine} coarse={book.coarse} diff={book.diff} />}
      <div className="widget-controls boundary-controls">
        <SettingControl store={useLabSettings} k="view" />
        {view === 'grid' && <SettingControl store={useLabSettings} k="h" />}
      </div>
      {info && (
        <p className="grid-info" data-testid="lab-grid-info">
          {s.gridInfo(info.rows, info.cols, Number(info.h.toPrecision(3)))}{' '}
          {view === 'grid' && (running ? s.gridPaused : info.rows * info.cols > MAX_GRID_MARKERS ? s.gridTooMany : '')}
        </p>
      )}
    </div>
  );
  return { chart: chartNode, tools, height };
}
