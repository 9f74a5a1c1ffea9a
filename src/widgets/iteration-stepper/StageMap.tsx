import { STAGE_NAMES, type StageName } from '../../lab/iterationStages';
import { stepperStrings } from './strings';

type S = (typeof stepperStrings)['en'];

/**
 * The graph as a 6-column grid: the forward row runs left to right (x → Affine → Sigmoid →
 * Affine → Softmax → Loss), the backward row right to left under the node it goes back
 * through (Softmax with Loss spans both of its columns), ending in the update under x.
 */
const PLACES: Record<StageName, { row: 1 | 2; col: string }> = {
  batch: { row: 1, col: '1' }, affine1: { row: 1, col: '2' }, sigmoid: { row: 1, col: '3' }, affine2: { row: 1, col: '4' },
  softmax: { row: 1, col: '5' }, loss: { row: 1, col: '6' },
  'loss-backward': { row: 2, col: '5 / span 2' }, 'affine2-backward': { row: 2, col: '4' }, 'sigmoid-backward': { row: 2, col: '3' },
  'affine1-backward': { row: 2, col: '2' }, update: { row: 2, col: '1' },
};

/** Every stage as a button in the graph; the current one is marked (aria-current="step"). */
export function StageMap({ stage, onPick, s, optName }: { stage: number; onPick: (i: number) => void; s: S; optName?: string }) {
  return (
    <ol className="is-map" aria-label={s.stagesLabel}>
      {STAGE_NAMES.map((name, i) => {
        const p = PLACES[name];
        const phase = i < 6 ? 'forward' : i < 10 ? 'backward' : 'update';
        const label = name === 'update' && optName ? `${optName} ${s.node.update}` : s.node[name];
        return (
          <li key={name} style={{ gridRow: p.row, gridColumn: p.col }} className={`is-node is-${phase}`}>
            <button
              type="button"
              aria-current={i === stage ? 'step' : undefined}
              aria-label={`${i + 1}. ${s.phase[phase]}: ${s.stageTitle[name]}`}
              data-stage-button={name}
              onClick={() => onPick(i)}
            >
              <span aria-hidden="true" className={phase === 'backward' ? 'is-arrow-left' : phase === 'forward' && i < 5 ? 'is-arrow-right' : undefined}>
                {label}
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
