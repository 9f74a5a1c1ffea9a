import { showNumber } from './softmaxMath';

interface Props {
  probs: number[];
  truth: number;
  label: string;
  classLabel: (i: number) => string;
}

/** Horizontal bars, one per class, the true class outlined. Plain SVG-free markup: it reflows at any width. */
export function ProbabilityBars({ probs, truth, label, classLabel }: Props) {
  return (
    <figure className="sl-bars" aria-label={label}>
      <figcaption className="field-label">{label}</figcaption>
      {probs.map((p, i) => (
        <div key={i} className={`sl-bar-row${i === truth ? ' truth' : ''}`} data-testid={`softmax-prob-${i}`} data-value={p}>
          <span className="sl-bar-label">{classLabel(i)}{i === truth ? ' ★' : ''}</span>
          <span className="sl-bar-track">
            <span className="sl-bar" style={{ width: `${(p * 100).toFixed(2)}%`, background: `var(--class-${i})` }} />
          </span>
          <span className="readout sl-bar-value">{showNumber(p)}</span>
        </div>
      ))}
    </figure>
  );
}
