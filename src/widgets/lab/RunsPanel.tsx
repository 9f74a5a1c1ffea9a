import { useSyncExternalStore, type Ref } from 'react';
import { useStrings } from '../../app/i18n';
import { useColon } from '../../app/punctuation';
import { useLang } from '../../state/lang';
import { pinnedStyle } from '../../charts/LossChart';
import type { LabSession } from '../../lab/session';
import { MAX_PINNED, type RunSummary } from '../../lab/keptRuns';
import { runLabel, runResult } from './runLabel';
import { runStrings } from './runStrings';

/** A short line in the style of the run's curve (the list is the loss chart's legend). */
function Swatch({ role, index = 0 }: { role: 'current' | 'previous' | 'pinned'; index?: number }) {
  const style = role === 'pinned' ? pinnedStyle(index) : null;
  const dash = style ? { dash: '6 4', dot: '2 3', dashdot: '7 3 2 3' }[style.dash] : undefined;
  const stroke = role === 'current' ? 'var(--accent)' : role === 'previous' ? 'var(--fg-soft)' : `var(${style!.colorVar})`;
  return (
    <svg className="run-swatch" width="26" height="10" aria-hidden="true">
      <line x1="1" y1="5" x2="25" y2="5" stroke={stroke} strokeWidth={role === 'current' ? 2.5 : 2} strokeDasharray={dash} opacity={role === 'previous' ? 0.6 : 1} />
    </svg>
  );
}

/**
 * The runs the loss chart compares (its legend): this run, the previous run, and up to
 * MAX_PINNED pinned runs, each named by its settings and result ("SGD lr=1 h=10 → 0.109, 97 %").
 * This run's result is written live by the lab's frame writer into `resultRef`.
 */
export function RunsPanel({ session, resultRef }: { session: LabSession | null; resultRef: Ref<HTMLSpanElement> }) {
  const s = useStrings(runStrings);
  const colon = useColon();
  const lang = useLang((st) => st.lang);
  const kept = useSyncExternalStore(session?.kept.subscribe ?? noSubscribe, session?.kept.get ?? nothing, nothing);
  const current = session?.settings;
  if (!session || !kept) return null;
  const full = kept.free <= 0;
  const summary = (r: RunSummary) => `${runResult(r.loss, r.accuracy)}${r.status === 'done' || r.status === 'diverged' ? '' : s.partial(r.iter, r.maxIter)}`;
  return (
    <section className="lab-runs" aria-label={s.runsTitle} data-testid="lab-runs">
      <ul>
        {current && (
          <li data-testid="lab-run-current" data-pinned={kept.currentPinned ? 'true' : undefined}>
            <Swatch role="current" />
            <span className="run-text">
              <span className="run-role">{s.current}{colon}</span><span className="run-label">{runLabel(current, lang)}</span> <span className="run-result" ref={resultRef} />
            </span>
            {kept.currentPinned ? (
              <button type="button" className="run-pin" data-testid="lab-unpin-current" onClick={() => session.kept.unpinCurrent()}>
                {s.unpin}
              </button>
            ) : (
              <button type="button" className="run-pin" data-testid="lab-pin-current" disabled={full} title={full ? s.pinFull(MAX_PINNED) : undefined} onClick={() => session.kept.pinCurrent()}>
                {s.pin}
              </button>
            )}
          </li>
        )}
        {kept.previous && (
          <li data-testid="lab-run-previous">
            <Swatch role="previous" />
            <span className="run-text">
              <span className="run-role">{s.previous}{colon}</span><span className="run-label">{runLabel(kept.previous.settings, lang)}</span> <span className="run-result">{summary(kept.previous)}</span>
            </span>
            <button type="button" className="run-pin" data-testid="lab-pin-previous" disabled={full} title={full ? s.pinFull(MAX_PINNED) : undefined} onClick={() => session.kept.pinPrevious()}>
              {s.pin}
            </button>
          </li>
        )}
        {kept.pinned.map((r, i) => (
          <li key={r.runId} data-testid="lab-run-pinned">
            <Swatch role="pinned" index={i} />
            <span className="run-text">
              <span className="run-role">{s.pinned}{colon}</span><span className="run-label">{runLabel(r.settings, lang)}</span> <span className="run-result">{summary(r)}</span>
            </span>
            <button type="button" className="run-pin" data-testid="lab-unpin" onClick={() => session.kept.unpin(r.runId)}>
              {s.unpin}
            </button>
          </li>
        ))}
      </ul>
      {!kept.previous && kept.pinned.length === 0 && <p className="runs-hint">{s.runsHint}</p>}
    </section>
  );
}

const noSubscribe = () => () => {};
const nothing = () => null;
