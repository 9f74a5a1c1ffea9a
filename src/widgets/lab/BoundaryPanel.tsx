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
 * The decision boundary (★ brute-force prediction at every meshgrid point): the live grid from
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
  const [busy, setBusy] = useState(false);
  const viewRef = useRef(view);
  useLayoutEffect(() => {
    viewRef.current = view;
  }, [view]);
  const running = status === 'running';

  /** Draws a grid and records what is on screen (data-grid-h / data-grid-points for tests). */
  const show = useCallback(async (g: GridPayload, markers: boolean) => {
    const c = chart.current;
    if (!c) return;
    const t0 = performance.now();
    await c.draw(g, { mode: viewRef.current === 'confidence' ? 'confidence' : 'class', markers });
    const el = box.current;
    if (el) {
      // wall time of the last redraw (paint, encode, Plotly relayout): read by bench/lab.ts
      el.dataset.drawMs = (performance.now() - t0).toFixed(2);
      el.dataset.gridH = String(g.h);
      el.dataset.gridPoints = String(g.rows * g.cols);
      el.dataset.gridMarkers = markers && g.rows * g.cols <= MAX_GRID_MARKERS ? 'true' : 'false';
    }
    setInfo((prev) => (prev && prev.rows === g.rows && prev.cols === g.cols && prev.h === g.h ? prev : { rows: g.rows, cols: g.cols, h: g.h }));
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
      const g = await session.client.requestGrid({ h: BOOK.h, confidence: view === 'confidence' });
      await show(g, false);
    } catch {
      /* reported by the lab's error notice */
    } finally {
      setBusy(false);
    }
  };

  const height = width > 0 ? Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.round(width / 20) * 20)) : compact ? 300 : 360;
  const chartNode = (
    <div className="boundary-panel" ref={box} data-testid="lab-boundary">
      <BoundaryChart ref={chart} data={data} height={height} ariaLabel={s.boundaryLabel} testId="lab-boundary-chart" onReady={onReady} />
    </div>
  );
  const tools = compact ? null : (
    <div className="boundary-tools">
      <div className="widget-controls boundary-controls">
        <SettingControl store={useLabSettings} k="view" />
        {view === 'grid' && <SettingControl store={useLabSettings} k="h" />}
        <button type="button" data-testid="lab-book-grid" onClick={drawBookGrid} disabled={busy || running || !session}>
          {busy ? s.bookGridBusy : s.bookGrid}
        </button>
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
