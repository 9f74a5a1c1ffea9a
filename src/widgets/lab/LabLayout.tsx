import type { ReactNode } from 'react';

/**
 * The places of the training lab. Each is optional; a panel added to the lab is one more
 * component put into its slot by TrainingLab, never a change of this structure.
 */
export interface LabSlots {
  /** Notes above everything (unusable URL settings). */
  notes?: ReactNode;
  /** The settings: sliders and selects. */
  controls: ReactNode;
  /** ▶ ⏸ Step Reset and the status. */
  buttons: ReactNode;
  /** Divergence and worker-error notices. */
  notices?: ReactNode;
  /** The readouts (epoch, iteration, loss, accuracy…). */
  readouts: ReactNode;
  /** Beside the readouts, next to the accuracy: per-class results (a confusion matrix). */
  confusion?: ReactNode;
  /** The decision boundary chart. */
  boundary: ReactNode;
  /** Tools acting on the boundary (how it is drawn, the book's h = 0.001). */
  boundaryTools?: ReactNode;
  /** The loss chart and what it plots. */
  loss: ReactNode;
  /** The kept and pinned runs the loss chart compares. */
  runs?: ReactNode;
  /** Beside the boundary when there is room, else directly below it: the network's units. */
  network?: ReactNode;
  /** Further panels of the lab (the hidden space, the reader's own data…), full width. */
  extras?: ReactNode;
  /** The log and "show the code", last. */
  log?: ReactNode;
}

/**
 * The lab's layout, decided by the lab's own width (a container query in lab.css):
 * - wide (≥ 860 px of lab): the buttons bar across the top; below it a narrow controls column
 *   on the left and, on the right, the notices, the readouts with the per-class results beside
 *   them, then the boundary with the loss chart beside it — ▶, the boundary and the loss curve
 *   on one 1280 × 800 screen — then the network view, further panels, the log;
 * - narrow (a phone): one column whose top part (buttons and boundary) stays in view while the
 *   controls below it are scrolled and dragged, so every change is seen as it happens; then
 *   the readouts, the loss chart, the network view and the rest.
 * The DOM order is the reading order of both layouts, so keyboard focus follows what the eye
 * meets: the buttons, the notices, the controls, the boundary's tools, the readouts, the loss
 * chart and its runs, then the rest (the boundary and loss charts take no focus).
 * The wrappers `.lab-top` and `.lab-stage` exist for the narrow layout's sticky part; the wide
 * layout dissolves them (display: contents) and places every piece on its grid.
 */
export function LabLayout(p: LabSlots) {
  return (
    <>
      {p.notes}
      <div className="lab-layout">
        <div className="lab-top">
          <div className="lab-stage" data-testid="lab-stage">
            <div className="lab-buttons-slot">{p.buttons}</div>
            <div className="lab-boundary-slot">{p.boundary}</div>
          </div>
          {p.notices && <div className="lab-notices-slot">{p.notices}</div>}
          <div className="lab-controls-slot">{p.controls}</div>
          {p.boundaryTools && <div className="lab-btools-slot">{p.boundaryTools}</div>}
        </div>
        <div className="lab-readouts-slot">
          {p.readouts}
          {p.confusion && <div className="lab-confusion-slot">{p.confusion}</div>}
        </div>
        <div className="lab-loss-slot">{p.loss}</div>
        {p.runs && <div className="lab-runs-slot">{p.runs}</div>}
        {p.network && <div className="lab-network-slot">{p.network}</div>}
        {p.extras && <div className="lab-extras-slot">{p.extras}</div>}
        {p.log && <div className="lab-log-slot">{p.log}</div>}
      </div>
    </>
  );
}
