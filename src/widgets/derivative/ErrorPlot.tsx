import type { ErrorSweep } from './derivativeMath';

/** A 380 × 250 view; the plot area (300 × 172) leaves margins for the legend, tick labels and axis titles. */
const W = 380, H = 250, LEFT = 56, RIGHT = 24, TOP = 30, BOTTOM = 48;
/** log10 ranges: h from 10⁻¹ (left) down to 10⁻¹⁵ (right), as h shrinks; error from 10⁻¹⁷ to 10¹. */
const H_HI = -1, H_LO = -15, E_LO = -17, E_HI = 1;

const px = (h: number) => LEFT + ((H_HI - Math.log10(h)) / (H_HI - H_LO)) * (W - LEFT - RIGHT);
const py = (e: number) => TOP + ((E_HI - Math.min(E_HI, Math.max(E_LO, Math.log10(e)))) / (E_HI - E_LO)) * (H - TOP - BOTTOM);

const SUPER: Record<string, string> = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };
/** `10⁻¹⁵` for -15. */
const power = (k: number) => `10${String(k).replace(/./g, (ch) => SUPER[ch])}`;

/** An SVG path through the points with an error; an exact 0 (no point on a log axis) breaks the line. */
function linePath(hs: number[], errors: (number | null)[]): string {
  let d = '';
  let pen = false;
  errors.forEach((e, i) => {
    if (e === null) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${px(hs[i]).toFixed(1)},${py(e).toFixed(1)}`;
    pen = true;
  });
  return d;
}

interface Props {
  sweep: ErrorSweep;
  /** The slider's h, marked with a vertical line. */
  h: number;
  names: { central: string; forward: string; axisH: string; axisErr: string };
  ariaLabel: string;
}

/**
 * |numerical − analytic| against h on log–log axes, for the central and the forward difference:
 * the error first falls with h (truncation) and then rises again (rounding). Plain SVG, like the
 * tangent plot beside it.
 */
export function ErrorPlot({ sweep, h, names, ariaLabel }: Props) {
  const series = [
    { key: 'central', name: names.central, errors: sweep.central },
    { key: 'forward', name: names.forward, errors: sweep.forward },
  ];
  const hTicks = [-1, -3, -5, -7, -9, -11, -13, -15];
  const eTicks = [-16, -12, -8, -4, 0];
  return (
    <svg className="dv-error-plot" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={ariaLabel} data-testid="derivative-error-plot">
      <rect x={LEFT} y={TOP} width={W - LEFT - RIGHT} height={H - TOP - BOTTOM} className="dv-frame" />
      {eTicks.map((k) => (
        <g key={`e${k}`}>
          <line x1={LEFT} x2={W - RIGHT} y1={py(10 ** k)} y2={py(10 ** k)} className="dv-gridline" />
          <text x={LEFT - 6} y={py(10 ** k)} dy="0.35em" textAnchor="end" className="dv-tick">
            {power(k)}
          </text>
        </g>
      ))}
      {hTicks.map((k) => (
        <text key={`h${k}`} x={px(10 ** k)} y={H - BOTTOM + 16} textAnchor="middle" className="dv-tick">
          {power(k)}
        </text>
      ))}
      <text x={(LEFT + W - RIGHT) / 2} y={H - 8} textAnchor="middle" className="dv-axis-title">
        {names.axisH}
      </text>
      <text transform={`translate(14 ${(TOP + H - BOTTOM) / 2}) rotate(-90)`} textAnchor="middle" className="dv-axis-title">
        {names.axisErr}
      </text>
      <line x1={px(h).toFixed(1)} x2={px(h).toFixed(1)} y1={TOP} y2={H - BOTTOM} className="dv-h-mark" data-testid="derivative-h-mark" />
      {series.map((s) => (
        <g key={s.key} className={`dv-series dv-${s.key}`} data-series={s.key}>
          <path d={linePath(sweep.h, s.errors)} />
          {s.errors.map((e, i) => (e === null ? null : <circle key={i} cx={px(sweep.h[i])} cy={py(e)} r={2.5} />))}
        </g>
      ))}
      {series.map((s, i) => (
        <g key={`legend-${s.key}`} className={`dv-series dv-${s.key}`} transform={`translate(${LEFT + i * 120} 12)`}>
          <path d="M0,0L22,0" />
          <circle cx={11} cy={0} r={2.5} />
          <text x={28} y={0} dy="0.35em" className="dv-legend">
            {s.name}
          </text>
        </g>
      ))}
    </svg>
  );
}
