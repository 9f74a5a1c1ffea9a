/**
 * Where the network view puts its units, as a pure function of the width it has: inputs x₁, x₂
 * on the left, the hidden units as a grid of square maps in the middle (one column while they
 * fit, then more columns filled top to bottom, down to a compact grid of 20 px maps for 100 units), the output
 * maps on the right, and room between the columns for the edges.
 */

export interface Spot {
  /** Top-left corner, CSS pixels. */
  x: number;
  y: number;
}

export interface NetworkLayout {
  width: number;
  height: number;
  /** Side of a hidden map and of an output map. */
  tile: number;
  outTile: number;
  /** Columns of the hidden grid (units fill each column top to bottom). */
  columns: number;
  inputs: Spot[];
  hidden: Spot[];
  outputs: Spot[];
  /** Size of the input markers (circles of this diameter). */
  inputSize: number;
}

/** Tallest the diagram grows (it sits beside a boundary chart about 400 px tall). */
export const MAX_DIAGRAM_HEIGHT = 330;
const GAP = 4;
/**
 * Smallest map: a map and the gap after it span 24 px, WCAG 2.2's minimum target spacing (a
 * 24 px circle centred on each map touches no other). Past that the diagram grows taller.
 */
const MIN_TILE = 20;
const MAX_TILE = 44;
/** A map this large reads well; the fewest columns that reach it win. */
const GOOD_TILE = 28;
const INPUT = 26;
/** Narrowest room left between two columns for the edges. */
const MIN_EDGE_ROOM = 26;

/** The layout for H hidden and O output units in `width` CSS pixels. */
export function networkLayout(width: number, H: number, O: number): NetworkLayout {
  const w = Math.max(200, Math.floor(width));
  const outTile = Math.max(28, Math.min(56, Math.floor((MAX_DIAGRAM_HEIGHT - (O - 1) * 8) / Math.max(1, O))));
  // room the hidden grid may take: the width minus inputs, outputs and two edge gaps
  const gridRoom = w - INPUT - outTile - 2 * MIN_EDGE_ROOM - 8;
  let best: { columns: number; tile: number } | null = null;
  for (let columns = 1; columns <= H; columns++) {
    const rows = Math.ceil(H / columns);
    const byHeight = Math.floor((MAX_DIAGRAM_HEIGHT - (rows - 1) * GAP) / rows);
    const byWidth = Math.floor((gridRoom - (columns - 1) * GAP) / columns);
    const tile = Math.min(MAX_TILE, byHeight, byWidth);
    if (!best || tile > best.tile) best = { columns, tile }; // on a tie, the fewer columns
    if (tile >= GOOD_TILE) break; // big enough: fewer columns keep the edges readable
  }
  let columns = best!.columns;
  let tile = best!.tile;
  if (tile < MIN_TILE) {
    // as many columns of the smallest maps as the width takes; the diagram grows taller
    tile = MIN_TILE;
    columns = Math.max(1, Math.min(H, Math.floor((gridRoom + GAP) / (MIN_TILE + GAP))));
  }
  const rows = Math.ceil(H / columns);
  const gridW = columns * tile + (columns - 1) * GAP;
  const gridH = rows * tile + (rows - 1) * GAP;
  const outH = O * outTile + (O - 1) * 8;
  const height = Math.max(gridH, outH, 2 * INPUT + 24);
  const edgeRoom = Math.max(MIN_EDGE_ROOM, Math.floor((w - INPUT - gridW - outTile - 8) / 2));
  const gridX = INPUT + edgeRoom;
  const outX = gridX + gridW + edgeRoom;
  const gridY = (height - gridH) / 2;
  const hidden: Spot[] = [];
  for (let j = 0; j < H; j++) {
    const c = Math.floor(j / rows), r = j % rows;
    hidden.push({ x: gridX + c * (tile + GAP), y: gridY + r * (tile + GAP) });
  }
  const outY = (height - outH) / 2;
  const outputs = Array.from({ length: O }, (_, k) => ({ x: outX, y: outY + k * (outTile + 8) }));
  const inputs = [0, 1].map((i) => ({ x: 0, y: height / 2 - INPUT - 6 + i * (INPUT + 12) }));
  return { width: Math.max(w, outX + outTile + 8), height, tile, outTile, columns, inputs, hidden, outputs, inputSize: INPUT };
}

/** The unit a key moves to from unit `i` of `n` in a grid of `rows` per column (roving focus). */
export function moveFocus(key: string, i: number, n: number, rows: number): number {
  switch (key) {
    case 'ArrowDown': return Math.min(n - 1, i + 1);
    case 'ArrowUp': return Math.max(0, i - 1);
    case 'ArrowRight': return i + rows < n ? i + rows : i;
    case 'ArrowLeft': return i - rows >= 0 ? i - rows : i;
    case 'Home': return 0;
    case 'End': return n - 1;
    default: return i;
  }
}
