import { useId } from 'react';
import type { OptimizerPath } from '../../nn/surfaces';

/** View of the bowl: x ∈ [−10, 10], y ∈ [−5, 5], 20 px per unit (same scale on both axes). */
const W = 400, H = 200, SCALE = 20;
const LEVELS = [0.05, 0.2, 0.5, 1, 2, 4, 8, 16];
/** Points farther out are drawn on a frame just outside the view: a diverging run stays on screen, bounded. */
const LIMIT_X = 10.6, LIMIT_Y = 5.6;

const px = (x: number) => W / 2 + Math.max(-LIMIT_X, Math.min(LIMIT_X, x)) * SCALE;
const py = (y: number) => H / 2 - Math.max(-LIMIT_Y, Math.min(LIMIT_Y, y)) * SCALE;

interface Props {
  path: OptimizerPath;
  color: string;
  label: string;
  testId?: string;
}

/**
 * Contour lines of f = x²/20 + y² (each level set is an exact ellipse with semi-axes √(20c)
 * and √c) and an optimizer's path drawn on them. Plain SVG: six of these cost nothing.
 */
export function BowlChart({ path, color, label, testId }: Props) {
  const clip = `wu-clip-${useId().replace(/:/g, '')}`;
  const pts = path.xs.map((x, i) => `${px(x).toFixed(1)},${py(path.ys[i]).toFixed(1)}`).join(' ');
  const last = path.xs.length - 1;
  return (
    <svg className="wu-chart" viewBox={`-14 -14 ${W + 28} ${H + 28}`} role="img" aria-label={label} data-testid={testId}>
      <rect x={0} y={0} width={W} height={H} className="wu-bg" />
      {LEVELS.map((c) => (
        <ellipse key={c} cx={W / 2} cy={H / 2} rx={Math.sqrt(20 * c) * SCALE} ry={Math.sqrt(c) * SCALE} className="wu-contour" clipPath={`url(#${clip})`} />
      ))}
      <clipPath id={clip}>
        <rect x={0} y={0} width={W} height={H} />
      </clipPath>
      <circle cx={W / 2} cy={H / 2} r={3} className="wu-min" />
      <polyline points={pts} fill="none" stroke={color} strokeWidth={1.8} strokeLinejoin="round" />
      {path.xs.map((x, i) => (
        <circle key={i} cx={px(x)} cy={py(path.ys[i])} r={i === 0 ? 4.5 : 2.2} fill={i === 0 ? 'none' : color} stroke={color} strokeWidth={i === 0 ? 2 : 0} />
      ))}
      {path.diverged || Math.abs(path.xs[last]) > LIMIT_X || Math.abs(path.ys[last]) > LIMIT_Y ? (
        <text x={px(path.xs[last])} y={py(path.ys[last])} className="wu-off" dy={path.ys[last] > 0 ? 22 : -8}>
          ↗ ∞
        </text>
      ) : null}
    </svg>
  );
}
