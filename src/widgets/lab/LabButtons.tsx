import { useEffect, useId, useRef } from 'react';
import { useStrings } from '../../app/i18n';
import type { LabStatus } from '../../lab/protocol';
import { labStrings } from './strings';
import { runStrings } from './runStrings';

/** How far one press of Step goes: one mini-batch, or to the end of the current epoch. */
export type StepSize = 'iteration' | 'epoch';

interface Props {
  status: LabStatus;
  /** No session yet, or the worker failed: nothing to press but Reset/Restart. */
  busy: boolean;
  onPlay: () => void;
  onPause: () => void;
  onStep: () => void;
  onReset: () => void;
  stepSize: StepSize;
  onStepSize: (size: StepSize) => void;
}

/**
 * ▶ ⏸ Step Reset and the status. Play and Pause disable each other; when the one that had
 * focus becomes disabled, focus moves to the other, so keyboard and screen-reader users keep
 * their place (not <body>).
 */
export function LabButtons({ status, busy, onPlay, onPause, onStep, onReset, stepSize, onStepSize }: Props) {
  const s = useStrings(labStrings);
  const r = useStrings(runStrings);
  const sizeId = useId();
  const running = status === 'running';
  const playBtn = useRef<HTMLButtonElement>(null);
  const pauseBtn = useRef<HTMLButtonElement>(null);
  const handOver = useRef(false);
  const noteFocus = () => {
    handOver.current = document.activeElement === playBtn.current || document.activeElement === pauseBtn.current;
  };
  useEffect(() => {
    if (!handOver.current) return;
    const target = running ? pauseBtn.current : playBtn.current;
    if (target && !target.disabled) {
      target.focus();
      handOver.current = false;
    }
  }, [running]);
  const finished = status === 'done' || status === 'diverged';
  return (
    <div className="lab-buttons">
      <button ref={playBtn} type="button" className="primary" data-testid="lab-play" onClick={() => { noteFocus(); onPlay(); }} disabled={busy || running}>
        {s.play}
      </button>
      <button ref={pauseBtn} type="button" data-testid="lab-pause" onClick={() => { noteFocus(); onPause(); }} disabled={busy || !running}>
        {s.pause}
      </button>
      <span className="lab-step">
        <button type="button" data-testid="lab-step" onClick={onStep} disabled={busy || running || finished}>
          {s.step}
        </button>
        <label className="visually-hidden" htmlFor={sizeId}>
          {r.stepSize}
        </label>
        <select id={sizeId} data-testid="lab-step-size" value={stepSize} onChange={(e) => onStepSize(e.currentTarget.value as StepSize)}>
          <option value="iteration">{r.stepIter}</option>
          <option value="epoch">{r.stepEpoch}</option>
        </select>
      </span>
      <button type="button" data-testid="lab-reset" onClick={onReset} disabled={busy}>
        {s.reset}
      </button>
      <span className={`lab-status status-${status}`} role="status" data-testid="lab-status">
        {s.status[status]}
      </span>
    </div>
  );
}
