/**
 * The lab's render cadence, in one place (named like GAN Lab's VIS_INTERVAL). Each value says
 * what was measured on a 2-core development machine's headless Chromium (software GL) to
 * choose it; bench/lab.ts prints the figures these constants produce.
 */

/**
 * Grid cells along the longer axis while training. Measured: Plotly.react of a
 * 100×100 heatmap with 300 points ≈ 13–15 ms of main-thread time; we paint our own canvas under
 * the plot instead (≈ 1–2 ms at any grid size), so 100 leaves most of the frame free. The worker
 * predicts 10,000 points in well under 1 ms for the book's net.
 */
export const LIVE_GRID_CELLS = 100;

/**
 * Grid cells along the longer axis when paused or done: sharper edges, drawn once. 300 × 300 =
 * 90,000 predictions (≈ 2–4 ms in the worker); the image draw stays under one frame.
 */
export const STILL_GRID_CELLS = 300;

/**
 * The loss chart is redrawn at most once every LOSS_REDRAW_FRAMES frames: its line grows by a
 * point per 10 iterations, and 10 redraws/s look continuous; a CPU profile of the live lab
 * showed Plotly.react of the loss lines as the largest JS cost after the boundary (3 → 6 frames).
 */
export const LOSS_REDRAW_FRAMES = 6;

/**
 * The boundary may be redrawn on every frame except the loss chart's (5 of 6 frames, up to 50
 * redraws/s at 60 frames/s), so a frame never holds both. Before the boundary had its own
 * canvas, a redraw went through Plotly (PNG encode + relayout, 10–15 ms) and only 2 frames of 3
 * could take one (36–41 redraws/s at best); painting the canvas takes 1–2 ms (bench lab's median
 * boundary redraw at load average 10).
 */
export function boundaryFrame(frame: number): boolean {
  return frame % LOSS_REDRAW_FRAMES !== 0;
}

/**
 * Loss points kept per run. Past this, the oldest half is averaged pairwise (downsampled), so a
 * run of a million iterations costs the chart what a short one does: Plotly.react of 2 × 1,000
 * points ≈ 3 ms, 2 × 100,000 points ≈ 60 ms (measured with a line trace).
 */
export const MAX_LOSS_POINTS = 1000;

/** Log lines kept in the log panel (the book's script prints one per report). */
export const MAX_LOG_LINES = 200;

/**
 * The worker trains for at most this long before it yields to its message queue (pause, step
 * and new settings then take effect within one slice). 8 ms keeps a slice under half a frame.
 */
export const SLICE_MS = 8;

/**
 * The network view's maps and hidden space ride with a live grid at most this often, and
 * always with a still one. Measured in Node beside the 100 × 100 live grid: the book's net adds
 * about 15 % to the grid's worker time, 100 hidden units about 85 % (before the 20 × 20 maps
 * and the per-frame PCA cap, sending them with every grid tripled the book's net's cost and
 * slowed Play → done at speed=max accordingly). 20 redraws a second of 13–110 small maps still
 * read as smooth motion.
 */
export const INSIDE_INTERVAL_MS = 50;

/** The worker posts progress at most this often (one message per 60 Hz frame at the most). */
export const POST_INTERVAL_MS = 16;

/** One animation frame at 60 Hz: the unit of the speed setting ("iterations per frame"). */
export const FRAME_MS = 1000 / 60;

/**
 * One round of the watchdog (see client.ts). A worker that has been asked to run and says
 * nothing for this long is pinged; if the ping also goes unanswered for another round it is
 * treated as dead (a terminated or crashed worker fires no event). A slice posts within
 * POST_INTERVAL_MS, so seconds of silence are suspicious, but a single silence was seen to be
 * a false alarm on a machine at load average 10–20 whose page thread was blocked while the
 * worker's messages waited in its queue: hence the ping, and two rounds of 6 s.
 */
export const WATCHDOG_MS = 6000;
